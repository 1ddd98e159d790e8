#!/usr/bin/env bash
# Gatling with our journeys against its peers on the same journeys: the default mix's read journeys (an API search
# with paging, then maybe a hit and one of its files; a landing page with its citation box and what it links; an
# image through IIIF) written idiomatically in Locust (scripts/peers/locustfile.py, FastHttpUser) and JMeter
# (scripts/peers/jmeter/readers.jmx, run by jmeter-maven-plugin), against the same canned server as bench-injector.sh, each
# on the same cores (taskset INJECTOR_CPUS; the servers on SERVER_CPUS), USERS looping users for SECONDS_PER_RUN.
# Prints per tool the rate, the injector's CPU seconds over the load window (from /proc, scripts/cpu-window.py) and
# requests per CPU-second, then Gatling's ratio to each peer. Benchmark only (not part of mvn verify). Locust comes
# from PyPI into ~/.cache/rdm-loadtest (pinned, like shellcheck in lint-workflows.sh); JMeter from Maven Central
# through Maven 3.9 (./mvnw), which its plugin needs.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-50}"; SECONDS_PER_RUN="${SECONDS_PER_RUN:-40}"; ROUNDS="${ROUNDS:-2}"
INJECTOR_CPUS="${INJECTOR_CPUS:-1}"; SERVER_CPUS="${SERVER_CPUS:-0-1}"
locust_version=2.47.0
tools="${XDG_CACHE_HOME:-$HOME/.cache}/rdm-loadtest"
locust_dir="$tools/locust-$locust_version"
if [ ! -d "$locust_dir/locust" ]; then
  mkdir -p "$tools"
  out=$(mktemp -d "$tools/build.XXXXXX")
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --target "$out" \
    "locust==$locust_version"
  rm -rf "$locust_dir"
  mv -T "$out" "$locust_dir" 2>/dev/null || rm -rf "$out"
fi
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
# The records that hold an image (IIIF), as the Gatling journey's feeder reads them from files.csv.
{ echo image_record; awk -F, 'NR > 1 && $NF ~ /^image\// {print $1}' data/default/feeders/files.csv | sort -u; } \
  > target/peers-image-records.csv
ZERO=()
for c in search record files download deposit communities harvest landing page iiif static; do
  ZERO+=("-Dsimulator.serviceTime.$c=0ms" "-Dsimulator.backendTime.$c=none")
done
taskset -c "$SERVER_CPUS" java -Xmx1g -cp "$CP" -Dsimulator.port=18087 -Dsimulator.workers=512 "${ZERO[@]}" \
  rdmloadtest.simulator.SimulatorMain > target/bench-peers-sim.log 2>&1 &
SIM=$!
taskset -c "$SERVER_CPUS" java -Xmx1g -cp "$CP" rdmloadtest.bench.CannedServer 18088 http://127.0.0.1:18087 \
  > target/bench-peers-canned.log 2>&1 &
CANNED=$!
trap 'kill $SIM $CANNED 2>/dev/null' EXIT
for _ in $(seq 1 60); do
  grep -q listening target/bench-peers-sim.log && grep -q listening target/bench-peers-canned.log && break
  sleep 1
done
BASE=http://127.0.0.1:18088
# The same three journeys in Gatling: the other reader weights zeroed, no facets or deep pages (the peers have none).
ONLY_THESE=()
for j in recordView download communities searchPage frontPage communityPages uploads; do
  ONLY_THESE+=("-Dtraffic.mix.$j=0")
done
# The JVMs' windows start 10 s in (their JIT compiles the first seconds away); Locust's (no JIT) at its first user.
FROM=' [1-9][0-9]+s elapsed$'
gatling() {
  python3 scripts/cpu-window.py --start "$FROM" --end 'Parsing log file' --log "$1" -- \
    taskset -c "$INJECTOR_CPUS" java -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -cp "$CP" -Dinvenio.baseUrl="$BASE" "${ONLY_THESE[@]}" \
    -Dtraffic.search.deepPageShare=0 -Dtraffic.search.facetShare=0 -Dbench.users="$USERS" \
    -Dbench.duration="${SECONDS_PER_RUN}s" -Dslo.enforce=false -Dhistory.record=false \
    io.gatling.app.Gatling --simulation rdmloadtest.bench.MixThroughputSimulation --results-folder target/bench-gatling
}
gatling_count() {
  local before after
  before=$(awk -F'|' -v from="$FROM" '$0 ~ from {on = 1} on && /^> Global/ {gsub(/[ ,]/, "", $2); print $2; exit}' "$1")
  after=$(grep -E '^> request count' "$1" | tail -1 | awk -F'|' '{gsub(/[ ,]/,"",$2); print $2}')
  [ -n "$before" ] && [ -n "$after" ] && echo $((after - before))
}
locust() {
  PYTHONPATH="$locust_dir" PEERS_DATA=data/default/feeders python3 scripts/cpu-window.py --start 'Ramping to' \
    --end 'run-time limit reached' --log "$1" -- taskset -c "$INJECTOR_CPUS" python3 -m locust \
    -f scripts/peers/locustfile.py --headless -u "$USERS" -r "$USERS" -t "${SECONDS_PER_RUN}s" -H "$BASE" \
    --only-summary --csv "${1%.log}"
}
gatling_errors() { grep -E '^> request count' "$1" | tail -1 | awk -F'|' '{gsub(/[ ,-]/,"",$4); print $4 + 0}'; }
locust_count() { awk -F, '$2 == "Aggregated" {print $3}' "${1%.log}_stats.csv"; }
locust_errors() { awk -F, '$2 == "Aggregated" {print $4}' "${1%.log}_stats.csv"; }
jmeter() {
  python3 scripts/cpu-window.py --start 'summary = ' --end 'Tidying up' --pid-of 'ApacheJMeter' \
    --log "$1" -- taskset -c "$INJECTOR_CPUS" ./mvnw -B -f scripts/peers/pom.xml integration-test -Dpeers.port=18088 \
    -Dpeers.users="$USERS" -Dpeers.seconds="$SECONDS_PER_RUN"
}
jmeter_count() {
  local counts
  counts=$(grep -E 'summary = ' "$1" | sed -E 's/.*summary = +([0-9]+) in.*/\1/')
  [ -n "$counts" ] && echo $(($(tail -1 <<< "$counts") - $(head -1 <<< "$counts")))
}
jmeter_errors() { grep -E 'summary = ' "$1" | tail -1 | sed -E 's/.*Err: +([0-9]+) .*/\1/'; }
# run <tool> <label>: prints "requests cpu_s wall_s"; a run with errors (KO, fails, Err) is no measurement.
run() {
  local log="target/bench-peers-$2.log" window n errors
  window=$("$1" "$log") || true
  n=$("$1_count" "$log" || true)
  errors=$("$1_errors" "$log" || true)
  [ -n "$n" ] && [ -n "$window" ] || { echo "bench-peers: $1 ($2) failed, see $log" >&2; exit 4; }
  [ "${errors:-0}" = 0 ] || { echo "bench-peers: $1 ($2) had $errors failed requests, see $log" >&2; exit 4; }
  echo "$n $(sed -E 's/cpu_s=([0-9.]+) wall_s=([0-9.]+)/\1 \2/' <<< "$window")"
}
peers=(gatling locust jmeter)
# First runs fill the canned server's cache and warm the JITs; then alternate so that drift hits every tool alike.
for t in "${peers[@]}"; do SECONDS_PER_RUN=15 run "$t" "warmup-$t" >/dev/null; done
declare -A req cpu wall
for r in $(seq 1 "$ROUNDS"); do
  for t in "${peers[@]}"; do
    read -r n c w <<< "$(run "$t" "$t-$r")"
    req[$t]=$(( ${req[$t]:-0} + n ))
    cpu[$t]=$(python3 -c "print(${cpu[$t]:-0} + $c)")
    wall[$t]=$(python3 -c "print(${wall[$t]:-0} + $w)")
    python3 -c "print(f'round $r: $t: {$n/$w:.0f} req/s, {$c:.1f} CPU-s, {$n/$c:.0f} req per CPU-s')"
  done
done
printf '%-8s %9s %9s %9s %14s\n' tool requests 'req/s' CPU-s 'req per CPU-s'
for t in "${peers[@]}"; do
  python3 -c "print(f'%-8s %9d %9.0f %9.1f %14.0f' % ('$t', ${req[$t]}, ${req[$t]}/${wall[$t]}, ${cpu[$t]}, ${req[$t]}/${cpu[$t]}))"
done
for t in locust jmeter; do
  python3 -c "
g, p = ${req[gatling]}/${cpu[gatling]}, ${req[$t]}/${cpu[$t]}
print(f'Gatling/$t: {(${req[gatling]}/${wall[gatling]})/(${req[$t]}/${wall[$t]}):.2f} in req/s, {g/p:.2f} per CPU-s')"
done
