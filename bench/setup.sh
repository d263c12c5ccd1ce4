# Sourced by bench/run and bench/soak: sets up what both measure and cleans it up on exit. Afterwards the adapter
# ($ADAPTER, pid $ADAPTER_PID) runs in its production shape on PostgreSQL (database ocpi_bench), the embedded SFTP
# server and a KRaft broker ($KAFKA), with 10,000 sites published as Locations and 1,000,000 contracts in billing;
# the bench peer is registered ($BENCH_TOKEN); $RAW collects raw figures as JSON lines.
WARMUP=${BENCH_WARMUP:-15}
ADAPTER=http://localhost:18080
BASELINE=http://localhost:18090
FLOOR=http://localhost:18091
export BENCH_WORK
BENCH_WORK=$(mktemp -d /tmp/ocpi-bench.XXXXXX)
RESULTS=bench/results
mkdir -p "$RESULTS"
RAW="$BENCH_WORK/raw.jsonl"
: > "$RAW"
JAVA_OPTS_BENCH="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"   # as in the Dockerfile
PIDS=()

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
raw() { echo "$1" >> "$RAW"; }

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    psql_admin -q -c "DROP DATABASE IF EXISTS ocpi_bench WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$BENCH_WORK"
}
trap cleanup EXIT

# --- what the benchmark needs: wrk, PostgreSQL, the jar, the test classpath (Kafka broker, JMH) -------------------
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | grep -q "^${pg_version} main" || pg_createcluster "${pg_version}" main >/dev/null
pg_ctlcluster "${pg_version}" main start 2>/dev/null || true
export BENCH_PG_PORT
BENCH_PG_PORT=$(pg_lsclusters -h | awk -v v="${pg_version}" '$1 == v && $2 == "main" { print $3 }')
psql_admin() { su postgres -c "psql -p ${BENCH_PG_PORT} $(printf '%q ' "$@")"; }
psql_bench() { PGPASSWORD=ocpi psql -h localhost -p "${BENCH_PG_PORT}" -U ocpi -d ocpi_bench -v ON_ERROR_STOP=1 -qAt "$@"; }
for _ in $(seq 1 30); do su postgres -c "pg_isready -q -p ${BENCH_PG_PORT}" && break; sleep 1; done
psql_admin -qtc "SELECT 1 FROM pg_roles WHERE rolname = 'ocpi'" | grep -q 1 || psql_admin -qc "CREATE ROLE ocpi LOGIN PASSWORD 'ocpi'"
psql_admin -qc "DROP DATABASE IF EXISTS ocpi_bench WITH (FORCE)" >/dev/null
psql_admin -qc "CREATE DATABASE ocpi_bench OWNER ocpi" >/dev/null

log "building the adapter and the benchmark classpath"
./mvnw -B -q -DskipTests package
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$BENCH_WORK/classpath" -Dmdep.includeScope=test
CLASSPATH_TEST="target/test-classes:target/classes:$(cat "$BENCH_WORK/classpath")"
# Unpacked as the Dockerfile does: the jar and its lib/ folder, which starts faster than the nested jar, with the class
# data sharing archive of a training run, made by the Dockerfile's script.
java -Djarmode=tools -jar target/ocpi-adapter.jar extract --destination "$BENCH_WORK/app" >/dev/null
log "training run for the class data sharing archive"
docker/cds-archive.sh "$BENCH_WORK/app/ocpi-adapter.jar" "$BENCH_WORK/app/app.jsa"

# --- helpers -----------------------------------------------------------------------------------------------------
wait_for() { # url, seconds
    for _ in $(seq 1 $(( $2 * 10 ))); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
    echo "no answer from $1 within $2 s" >&2; return 1
}
wait_for_status() { # url, seconds: any HTTP answer
    for _ in $(seq 1 $(( $2 * 10 ))); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
    echo "no answer from $1 within $2 s" >&2; return 1
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# CPU of every PostgreSQL process (the backends of the adapter's and the floor's connections live through a scenario;
# one that ends meanwhile is left out).
postgres_ticks() {
    for pid in $(pgrep -u postgres); do awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true; done | awk '{ s += $1 } END { print s + 0 }'
}
heap_used_mb() { jstat -gc "$1" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'; }
# wrk pinned to the second core, the same settings for every server. The CPU of the server measured (the adapter unless
# another pid is given) and of PostgreSQL over the run is recorded with wrk's figures, in seconds.
load() { # name, script, url, seconds, connections[, pid of the server]
    local out="$BENCH_WORK/$1.txt" pid=${6:-$ADAPTER_PID} before after pg_before pg_after
    before=$(cpu_ticks "$pid")
    pg_before=$(postgres_ticks)
    taskset -c 1 wrk -t1 -c"$5" -d"$4"s --latency -s "bench/wrk/$2" "$3" > "$out" 2>&1 || true
    after=$(cpu_ticks "$pid")
    pg_after=$(postgres_ticks)
    local result hz
    result=$(grep '^RESULT ' "$out" | sed 's/^RESULT //')
    hz=$(getconf CLK_TCK)
    raw "{\"scenario\":\"$1\",\"server_cpu_s\":$(awk -v d=$(( after - before )) -v hz="$hz" 'BEGIN { printf "%.2f", d / hz }'),\"postgres_cpu_s\":$(awk -v d=$(( pg_after - pg_before )) -v hz="$hz" 'BEGIN { printf "%.2f", (d > 0 ? d : 0) / hz }'),\"heap_used_mb\":$(heap_used_mb "$ADAPTER_PID"),\"wrk\":$result}"
    log "$1: $result"
}

# The same load, unrecorded, so that the JIT has compiled the path before it is measured.
warm() { # script, url, connections
    taskset -c 1 wrk -t1 -c"$3" -d"$WARMUP"s -s "bench/wrk/$1" "$2" > /dev/null 2>&1 || true
}

# --- the Kafka broker and the baseline server --------------------------------------------------------------------
log "starting a KRaft Kafka broker and the baseline server"
java -cp "$CLASSPATH_TEST" io.ocpi.adapter.bench.BenchKafka broker "$BENCH_WORK/kafka.brokers" cpms.evse-status cpms.sessions \
    cpms.cdrs ocpi.received.cdrs ocpi.received.sessions > "$BENCH_WORK/kafka.log" 2>&1 &
PIDS+=($!)
mkdir -p "$BENCH_WORK/captured"
java -Dsun.net.httpserver.nodelay=true bench/Baseline.java 18090 "$BENCH_WORK/captured" > "$BENCH_WORK/baseline.log" 2>&1 &
BASELINE_PID=$!
PIDS+=("$BASELINE_PID")
for _ in $(seq 1 120); do [ -f "$BENCH_WORK/kafka.brokers" ] && break; sleep 0.5; done
KAFKA=$(cat "$BENCH_WORK/kafka.brokers")
wait_for "$BASELINE/stats" 30

# With BENCH_SFTP=external the SFTP server runs in a JVM of its own, as SAP's file drop is elsewhere in production;
# otherwise inside the adapter, as the embedded binding ships.
ADAPTER_SFTP=()
if [ "${BENCH_SFTP:-embedded}" = external ]; then
    log "starting the SFTP server in a JVM of its own"
    java -cp "$CLASSPATH_TEST" io.ocpi.adapter.bench.BenchSftp 12222 "$BENCH_WORK/sftp" sap sap-file-drop > "$BENCH_WORK/sftp.log" 2>&1 &
    SFTP_PID=$!
    PIDS+=("$SFTP_PID")
    ADAPTER_SFTP=(--ocpi.bindings.sftp.embedded.enabled=false)
    for _ in $(seq 1 60); do [ -d "$BENCH_WORK/sftp/outbound" ] && break; sleep 0.5; done
fi

# --- scenario 6a: start to ready ------------------------------------------------------------------------------------
log "starting the adapter"
start_ns=$(date +%s%N)
# shellcheck disable=SC2086
java -XX:SharedArchiveFile="$BENCH_WORK/app/app.jsa" $JAVA_OPTS_BENCH -jar "$BENCH_WORK/app/ocpi-adapter.jar" --spring.config.additional-location=bench/application-bench.yaml \
    --ocpi.bindings.kafka.brokers="$KAFKA" "${ADAPTER_SFTP[@]}" > "$BENCH_WORK/adapter.log" 2>&1 &
ADAPTER_PID=$!
PIDS+=("$ADAPTER_PID")
wait_for "$ADAPTER/actuator/health/readiness" 120
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
raw "{\"scenario\":\"start-to-ready\",\"ms\":$ready_ms}"
log "ready in ${ready_ms} ms"

# --- data ------------------------------------------------------------------------------------------------------------
log "seeding 10,000 sites and 1,000,000 contracts"
psql_bench -f bench/seed-sites.sql
psql_bench -f bench/seed-contracts.sql
publish_start=$(date +%s%N)
until [ "$(psql_bench -c "SELECT COUNT(*) FROM ocpi_object WHERE module = 'locations'")" -ge 10000 ]; do sleep 1; done
publish_ms=$(( ($(date +%s%N) - publish_start) / 1000000 ))
# The steady state autovacuum reaches on its own after a bulk load: visibility map set, statistics current.
psql_bench -c "VACUUM ANALYZE" 2>/dev/null   # (warns of the catalog tables it may not vacuum)
raw "{\"scenario\":\"sites-published\",\"locations\":10000,\"ms\":$publish_ms}"
log "10,000 sites published as Locations in ${publish_ms} ms"

# The bench peer registers with the adapter (credentials handshake) and gets its token.
token_a=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' -d '{"name":"bench"}' "$ADAPTER/actuator/invitations" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')
export BENCH_TOKEN
BENCH_TOKEN=$(curl -fs -H "Authorization: Token $(printf %s "$token_a" | base64 -w0)" -H 'Content-Type: application/json' \
    -d "{\"token\":\"bench-peer-token\",\"url\":\"$BASELINE/peer/versions\",\"roles\":[
         {\"role\":\"CPO\",\"country_code\":\"NL\",\"party_id\":\"BCP\",\"business_details\":{\"name\":\"Bench CPO\"}},
         {\"role\":\"EMSP\",\"country_code\":\"NL\",\"party_id\":\"BMS\",\"business_details\":{\"name\":\"Bench eMSP\"}}]}" \
    "$ADAPTER/ocpi/2.2.1/credentials" | sed 's/.*"token":"\([^"]*\)".*/\1/')
BENCH_TOKEN=$(printf %s "$BENCH_TOKEN" | base64 -w0)
auth="Authorization: Token $BENCH_TOKEN"

# The floor: the adapter's SQL for each HTTP scenario on plain JDBC, on the same data.
java -Dsun.net.httpserver.nodelay=true -cp "$CLASSPATH_TEST" bench/Floor.java 18091 "jdbc:postgresql://localhost:${BENCH_PG_PORT}/ocpi_bench" ocpi ocpi \
    mappings/billing/contract-state.sql > "$BENCH_WORK/floor.log" 2>&1 &
FLOOR_PID=$!
PIDS+=("$FLOOR_PID")
wait_for_status "$FLOOR/ocpi/cpo/2.2.1/locations" 60

if [ -n "${BENCH_PAUSE:-}" ]; then
    # For profiling by hand: everything is set up and seeded; the peer's token is in the file below.
    echo "$BENCH_TOKEN" > "$BENCH_WORK/token"
    log "paused: adapter $ADAPTER, floor $FLOOR, token in $BENCH_WORK/token; Ctrl-C ends and cleans up"
    sleep infinity
fi

# The baseline answers with the adapter's own bytes.
curl -fs -H "$auth" "$ADAPTER/ocpi/cpo/2.2.1/locations?limit=100&offset=500" > "$BENCH_WORK/captured/locations.json"
curl -fs -H "$auth" -H 'Content-Type: application/json' -d '{"location_id":"BENCH-LOC"}' \
    "$ADAPTER/ocpi/emsp/2.2.1/tokens/B0000001/authorize" > "$BENCH_WORK/captured/authorize.json"
echo '{"status_code":1000,"status_message":"Success","timestamp":"2026-01-01T00:00:00Z"}' > "$BENCH_WORK/captured/cdr.json"

# How many of the CDRs posted by the load (ids BENCH-...) each sink holds.
count_sinks() {
    billed=$(psql_bench -c "SELECT COUNT(*) FROM billing_line_item WHERE cdr_id LIKE 'BENCH-%'")
    idocs=$(grep -rl 'BENCH-' "$BENCH_WORK/sftp/outbound" 2>/dev/null | grep -c '\.idoc$' || true)
    published=$(java -cp "$CLASSPATH_TEST" io.ocpi.adapter.bench.BenchKafka count "$KAFKA" ocpi.received.cdrs 2>/dev/null | sed -n "s/^RECORDS //p")
}
