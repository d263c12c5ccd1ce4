# OCPI adapter container: built with the Maven wrapper, run on a JRE as a non-root user.
#   docker build -t ocpi-adapter .      (or podman build / buildah bud: the base images are named in full)
#   docker run -p 8080:8080 -v $PWD/routes:/opt/ocpi-adapter/routes:ro -v $PWD/mappings:/opt/ocpi-adapter/mappings:ro \
#              -v $PWD/config:/opt/ocpi-adapter/config:ro ocpi-adapter
# Both stages use the same Temurin release, pinned: move both tags together to take a JDK update.

FROM docker.io/library/eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package \
    && java -Djarmode=tools -jar target/ocpi-adapter.jar extract --layers --destination /extracted

FROM docker.io/library/eclipse-temurin:17.0.15_6-jre-noble
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /opt/ocpi-adapter ocpi
WORKDIR /opt/ocpi-adapter
# Dependencies change least often: they go first so rebuilds reuse their layers.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# The site's files belong to root: the adapter reads them (and reloads changed routes) but cannot change them.
COPY routes/ routes/
COPY mappings/ mappings/
COPY config/ config/
# Class data sharing: a training run here, with this JRE and these jar paths, writes the classes a start loads to
# app.jsa, parsed and verified, which halves the class loading of every later start (bench/README.md, Findings).
COPY docker/cds-archive.sh docker/sync-site-files.sh /usr/local/bin/
RUN cds-archive.sh ocpi-adapter.jar app.jsa \
    && mkdir data cluster && chown ocpi data cluster
USER ocpi

# Configuration comes from the environment (see README, "Configuration") and the mounted config/ folder.
# PORTFILE: once listening, the adapter writes its port there, and the admin port (when it has its own) beside it,
# in /tmp/ocpi-adapter-management.port, for the health check below.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    SERVER_PORT=8080 \
    PORTFILE=/tmp/ocpi-adapter.port
EXPOSE 8080
# The probes are on the admin port, wherever the configuration put it (plain HTTP, or HTTPS with the adapter's own
# certificate, which a check on localhost does not verify).
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD port=$(cat "${PORTFILE%.port}-management.port" 2>/dev/null || cat "$PORTFILE") \
        && { curl -fsS "http://localhost:$port/actuator/health/readiness" \
             || curl -fsSk "https://localhost:$port/actuator/health/readiness"; } || exit 1
# Arguments after the image name reach the adapter, e.g. --check to check mounted routes and mappings.
# The archive flag is not in JAVA_OPTS, so that setting JAVA_OPTS keeps it; a JVM that cannot use the archive starts
# without it.
ENTRYPOINT ["sh", "-c", "exec java -XX:SharedArchiveFile=app.jsa $JAVA_OPTS -jar ocpi-adapter.jar \"$@\"", "--"]
