#!/usr/bin/env bash
# Copied verbatim (apart from this header) from /work/shared/tools/container-standins.sh, the
# shared tool of this machine, so that the repository does not read ../shared at build or test
# time. Used by .ci/container-check. Keep in sync by hand when the shared tool changes.
# Builds local stand-ins for the base images a Dockerfile names in its FROM lines, so that
# `buildah bud --isolation chroot --pull=never` can build it on a machine that cannot pull images.
#
#   container-standins.sh [Dockerfile]
#
# Each stand-in is Debian bookworm (debootstrap, minbase) with curl, wget and ca-certificates, plus:
#   a name containing "maven"        -> maven + openjdk-17-jdk-headless
#   a name containing "jdk"          -> openjdk-17-jdk-headless
#   a name containing "jre" or "java"-> openjdk-17-jre-headless
#   anything else (debian, ubuntu, distroless…) -> nothing more
# Java is also linked at /opt/java/openjdk as in the Temurin images, and JAVA_HOME points there.
# The stand-ins carry Java 17 whatever tag the name asks for: build for a Java 17 target.
# Needs root and `apt-get install -y debootstrap buildah podman runc`. Rootfs trees are cached
# under ${STANDIN_CACHE:-/var/cache/container-standins}; a second run reuses them (seconds).
set -euo pipefail
dockerfile=${1:-Dockerfile}
cache=${STANDIN_CACHE:-/var/cache/container-standins}
mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
mirror=${mirror:-$(sed -n 's/^deb \(http[^ ]*\) bookworm main.*/\1/p' /etc/apt/sources.list 2>/dev/null | head -1)}
[ -n "$mirror" ] || { echo "container-standins: no Debian mirror found in apt sources" >&2; exit 1; }
for t in debootstrap buildah; do command -v $t >/dev/null || { echo "container-standins: $t missing (apt-get install -y debootstrap buildah podman runc)" >&2; exit 1; }; done
mkdir -p "$cache"

# FROM [--platform=x] image[:tag] [AS name]; skip stage references and scratch
mapfile -t images < <(awk 'toupper($1)=="FROM" { i=2; if ($2 ~ /^--/) i=3; print $i, (toupper($(i+1))=="AS" ? $(i+2) : "") }' "$dockerfile")
stages=" "
for line in "${images[@]}"; do set -- $line; [ -n "${2:-}" ] && stages+="$2 "; done
for line in "${images[@]}"; do
  set -- $line; img=$1
  [[ "$stages" == *" $img "* || "$img" == scratch ]] && continue
  extra=""
  case "$img" in
    *maven*) extra="maven,openjdk-17-jdk-headless" ;;
    *jdk*) extra="openjdk-17-jdk-headless" ;;
    *jre*|*java*|*temurin*|*openjdk*) extra="openjdk-17-jre-headless" ;;
  esac
  key=$(echo "base,$extra" | tr ',' '-'); root=$cache/$key
  if [ ! -f "$root/.done" ]; then
    echo "container-standins: building rootfs for $img ($extra)" >&2
    rm -rf "$root"
    debootstrap --variant=minbase --include="curl,wget,ca-certificates${extra:+,$extra}" bookworm "$root" "$mirror" >"$cache/$key.log" 2>&1 \
      || { echo "container-standins: debootstrap failed, see $cache/$key.log" >&2; exit 1; }
    if [ -n "$extra" ]; then
      jh=$(dirname "$(dirname "$(readlink -f "$root/usr/bin/java")")"); jh=${jh#$root}
      mkdir -p "$root/opt/java"; ln -sfn "$jh" "$root/opt/java/openjdk"
    fi
    rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"*
    touch "$root/.done"
  fi
  ref=$img; [[ "$ref" == */* ]] || ref=docker.io/library/$ref; [[ "${ref##*/}" == *:* ]] || ref=$ref:latest
  ctr=$(buildah from scratch)
  mnt=$(buildah mount "$ctr"); tar -C "$root" --exclude=./.done -cf - . | tar -C "$mnt" -xf -; buildah umount "$ctr" >/dev/null
  buildah config --env PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    ${extra:+--env JAVA_HOME=/opt/java/openjdk} --cmd /bin/bash "$ctr"
  buildah commit -q "$ctr" "$ref" >/dev/null; buildah rm "$ctr" >/dev/null
  echo "container-standins: $img -> stand-in ready" >&2
done
