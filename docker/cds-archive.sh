#!/bin/sh
# Writes the class data sharing archive the adapter starts from (java -XX:SharedArchiveFile=<archive>): a training run
# of the unpacked jar (java -Djarmode=tools -jar ocpi-adapter.jar extract) that starts everything, Camel's routes and
# every binding included, so that the classes a real start loads are in the archive, parsed and verified once.
# Run it in the folder the adapter runs in (routes/, mappings/, config/), with the JVM and jar paths it runs with:
# the JVM ignores an archive made by another JVM or for other jars, and then starts as without one.
#   docker/cds-archive.sh <ocpi-adapter.jar> <archive> [adapter arguments...]
# It needs no backend: the defaults keep the database (H2) and the SFTP server embedded, and Kafka is switched on
# towards a broker that is not there, so that its client classes load too. What the run writes under data/ is deleted
# afterwards: an image must not carry the database or the SFTP host key of its training.
set -eu
jar=$1
archive=$2
shift 2
port=${CDS_TRAINING_PORT:-18099}
# A dynamic archive extends the JVM's own; a JVM shipped without it makes it first.
java -Xshare:on -version >/dev/null 2>&1 || java -Xshare:dump >/dev/null
data=$(mktemp -d "${TMPDIR:-/tmp}/ocpi-cds.XXXXXX")
java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" --server.port="$port" \
    --spring.datasource.url="jdbc:h2:file:$data/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    --ocpi.bindings.sftp.port="${CDS_TRAINING_SFTP_PORT:-18022}" --ocpi.bindings.sftp.embedded.root="$data/sftp" \
    --camel.cluster.file.root="$data/cluster" \
    --ocpi.bindings.kafka.enabled=true --ocpi.bindings.kafka.brokers=localhost:9 "$@" > "$data/training.log" 2>&1 &
pid=$!
ready=""
for _ in $(seq 1 1800); do
    if curl -fs -o /dev/null "http://localhost:$port/actuator/health/liveness"; then ready=yes; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
kill "$pid" 2>/dev/null || true
wait "$pid" || true
if [ -z "$ready" ] || [ ! -s "$archive" ]; then
    echo "the CDS training run did not start; its log:" >&2
    tail -n 50 "$data/training.log" >&2
    rm -rf "$data"
    exit 1
fi
rm -rf "$data"
