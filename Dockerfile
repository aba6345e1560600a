# syntax=docker/dockerfile:1
# Tributary: multi-stage image. Build: docker build -t tributary .
# Run:   docker run -p 8080:8080 -v tributary-data:/data tributary
# Every setting can be given as a TRIBUTARY_* environment variable (docs/CONFIGURATION.md).

# ---- build: Maven + JDK 17 ----------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, in their own layer: it is rebuilt only when the POM changes.
COPY pom.xml mvnw ./
COPY .mvn/ .mvn/
RUN mvn -B -ntp -q dependency:go-offline
# Then the sources (conf/ is packaged into the jar as the bundled defaults).
COPY src/ src/
COPY conf/ conf/
COPY samples/ samples/
RUN mvn -B -ntp -q package -DskipTests \
 && cp target/tributary.jar /tributary.jar

# ---- runtime: JRE 17 only, non-root ---------------------------------------------------------
FROM eclipse-temurin:17-jre
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
LABEL org.opencontainers.image.title="Tributary" \
      org.opencontainers.image.description="Self-hosted, event-driven feed aggregator on Vert.x 5: inbox and HTTP in, Atom/RSS/JSON Feed out" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/tributary-aggregator/tributary" \
      org.opencontainers.image.url="https://github.com/tributary-aggregator/tributary" \
      org.opencontainers.image.documentation="https://github.com/tributary-aggregator/tributary#docker"

# Fixed uid/gid so volume ownership is predictable (chown -R 10001:10001 a bind-mounted dir).
RUN groupadd --system --gid 10001 tributary \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin tributary \
 && mkdir -p /app /data/inbox \
 && chown -R 10001:10001 /data

WORKDIR /app
COPY --from=build /tributary.jar /app/tributary.jar
COPY conf/ /app/conf/
# Class data sharing (AppCDS): one training start at build time writes the classes a start loads
# into /app/tributary.jsa; every start of the container maps them instead of loading them again,
# about a third less time to /health/ready (bench/README.md, "Restart"). The archive fits this jar
# and this JVM: a mismatch only costs that saving (the JVM warns and starts without it).
COPY bin/class-archive.sh /app/bin/class-archive.sh
RUN /app/bin/class-archive.sh /app/tributary.jar /app/tributary.jsa -XX:MaxRAMPercentage=75

ENV TRIBUTARY_DATA_DIR=/data \
    TRIBUTARY_INBOX_DIR=/data/inbox \
    TRIBUTARY_HTTP_HOST=0.0.0.0
VOLUME /data
EXPOSE 8080
USER 10001:10001

# Liveness: the event loop answers. Uses the configured port; curl or wget, whichever exists.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD url="http://127.0.0.1:${TRIBUTARY_HTTP_PORT:-8080}/health/live"; \
      curl -fsS -o /dev/null "$url" 2>/dev/null || wget -q -O /dev/null "$url" || exit 1

# Exec form: java is PID 1 and receives SIGTERM; its shutdown hook closes Vert.x cleanly.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=0", "-XX:SharedArchiveFile=/app/tributary.jsa", "-jar", "/app/tributary.jar"]
CMD ["serve"]
