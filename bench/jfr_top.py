#!/usr/bin/env python3
"""Where the CPU samples of a JFR recording went: per thread group, the hottest methods by
self time (top frame) and by total time (anywhere on the stack), from jdk.ExecutionSample.
JDK 17's `jfr` has no `view hot-methods`, hence this.

usage: jfr_top.py RECORDING.jfr [N]
"""
import collections
import re
import subprocess
import sys

STACK_DEPTH = 64


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth",
                          str(STACK_DEPTH), path], capture_output=True, text=True, check=True).stdout
    thread, frames, in_stack = None, [], False
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("sampledThread"):
            m = re.search(r'"([^"]*)"', s)
            thread = m.group(1) if m else "?"
        elif s.startswith("stackTrace = ["):
            in_stack, frames = True, []
        elif in_stack and s == "]":
            in_stack = False
            yield thread, frames
        elif in_stack and s and s != "...":
            frames.append(re.sub(r"\s+line:.*$", "", s))


def group(thread):
    return re.sub(r"-\d+$", "-N", thread or "?")


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    by_thread = collections.Counter()
    self_t = collections.defaultdict(collections.Counter)
    total_t = collections.defaultdict(collections.Counter)
    for thread, frames in samples(path):
        g = group(thread)
        by_thread[g] += 1
        if frames:
            self_t[g][frames[0]] += 1
        for f in set(frames):
            total_t[g][f] += 1
    all_n = sum(by_thread.values())
    print(f"{all_n} samples")
    for g, c in by_thread.most_common(4):
        print(f"\n== {g}: {c} samples ({100 * c / all_n:.0f}%)")
        print("  self:")
        for f, k in self_t[g].most_common(n):
            print(f"   {100 * k / c:5.1f}%  {f}")
        print("  total (frames from dev.tributary, vertx json/web, sqlite, jackson, netty compression):")
        interesting = re.compile(r"^(dev\.tributary|io\.vertx\.core\.json|io\.vertx\.ext\.web\.impl\.RoutingContextImpl|org\.sqlite\.jdbc3\.JDBC3ResultSet|org\.sqlite\.core|com\.fasterxml\.jackson\.core\.json\.WriterBasedJsonGenerator\.writeString|io\.netty\.handler\.codec\.compression|io\.netty\.handler\.codec\.http\.HttpContentCompressor|io\.vertx\.core\.eventbus\.impl\.HandlerRegistration|io\.vertx\.core\.buffer|java\.util\.zip)")
        shown = 0
        for f, k in total_t[g].most_common():
            if interesting.match(f):
                print(f"   {100 * k / c:5.1f}%  {f}")
                shown += 1
                if shown >= n:
                    break


if __name__ == "__main__":
    main()
