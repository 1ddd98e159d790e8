#!/usr/bin/env bash
# Profiles the injector on the canned server (bench/CannedServer, as bench-injector.sh): bare Gatling on the same
# endpoints (bench/BareEndpointsSimulation), the default mix's readers, then each of JOURNEYS alone (the other
# traffic.mix.* weights zeroed), each a Gatling run of SECONDS_PER_RUN with JFR's profile settings, pinned to
# INJECTOR_CPUS; COMPARE=<checkout> runs each of the mix's also from that checkout's compiled classes, alternately.
# Prints per run the requests per CPU-second of the injector's JVM from 10 s in (scripts/cpu-window.py), then where its
# samples went and its top frames (scripts/jfr-top.py); the recordings stay in target/profile/.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-50}"; SECONDS_PER_RUN="${SECONDS_PER_RUN:-40}"; INJECTOR_CPUS="${INJECTOR_CPUS:-1}"
JOURNEYS="${JOURNEYS:-search landingPage recordView download iiif}"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
DEPS="$(cat target/bench.classpath)"
CP="target/classes:target/test-classes:$DEPS"
out=target/profile
mkdir -p "$out"
ZERO=()
for c in search record files download deposit communities harvest landing page iiif static; do
  ZERO+=("-Dsimulator.serviceTime.$c=0ms" "-Dsimulator.backendTime.$c=none")
done
java -Xmx1g -cp "$CP" -Dsimulator.port=18090 -Dsimulator.workers=512 "${ZERO[@]}" rdmloadtest.simulator.SimulatorMain \
  > "$out/sim.log" 2>&1 &
SIM=$!
java -Xmx1g -cp "$CP" rdmloadtest.bench.CannedServer 18091 http://127.0.0.1:18090 > "$out/canned.log" 2>&1 &
CANNED=$!
trap 'kill $SIM $CANNED 2>/dev/null' EXIT
for _ in $(seq 1 60); do grep -q listening "$out/sim.log" && grep -q listening "$out/canned.log" && break; sleep 1; done
FROM=' [1-9][0-9]+s elapsed$'
# profile <label> <classpath> [keys...]; SIMULATION names the simulation (default: the mix's readers)
profile() {
  local label=$1 cp=$2 window before after
  shift 2
  window=$(python3 scripts/cpu-window.py --start "$FROM" --end 'Parsing log file' --log "$out/$label.log" -- \
    taskset -c "$INJECTOR_CPUS" java -Xmx1g -XX:StartFlightRecording="filename=$out/$label.jfr,settings=profile" \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -cp "$cp" \
    -Dinvenio.baseUrl=http://127.0.0.1:18091 -Dbench.users="$USERS" -Dbench.duration="${SECONDS_PER_RUN}s" \
    -Dslo.enforce=false -Dhistory.record=false "$@" \
    io.gatling.app.Gatling --simulation "${SIMULATION:-rdmloadtest.bench.MixThroughputSimulation}" \
    --results-folder "$out/gatling")
  before=$(awk -F'|' -v from="$FROM" '$0 ~ from {on = 1} on && /^> Global/ {gsub(/[ ,]/, "", $2); print $2; exit}' \
    "$out/$label.log")
  after=$(grep -E '^> request count' "$out/$label.log" | tail -1 | awk -F'|' '{gsub(/[ ,]/,"",$2); print $2}')
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$out/$label.jfr" > "$out/$label.samples"
  python3 -c "
n, c = $((after - before)), float('$(sed -E 's/cpu_s=([0-9.]+).*/\1/' <<< "$window")')
print(f'$label: {n} requests, {c:.1f} CPU-s, {n / c:.0f} req per CPU-s')"
}
ALL="search recordView download communities landingPage searchPage frontPage communityPages uploads iiif"
alone() {
  for j in $ALL; do [ "$j" = "$1" ] || echo "-Dtraffic.mix.$j=0"; done
}
profile warmup "$CP" >/dev/null # fills the canned server's cache
SIMULATION=rdmloadtest.bench.BareEndpointsSimulation profile bare "$CP"
labels=(bare)
for journey in mix $JOURNEYS; do
  keys=()
  [ "$journey" = mix ] || mapfile -t keys < <(alone "$journey")
  if [ -n "${COMPARE:-}" ]; then
    profile "$journey-before" "$COMPARE/target/classes:$COMPARE/target/test-classes:$DEPS" "${keys[@]}"
    labels+=("$journey-before")
  fi
  profile "$journey" "$CP" "${keys[@]}"
  labels+=("$journey")
done
for l in "${labels[@]}"; do python3 scripts/jfr-top.py "$out/$l.samples"; done
