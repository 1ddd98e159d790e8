#!/usr/bin/env bash
# Injector overhead: the default mix's reader journeys against a bare Gatling simulation of the same endpoints and
# weights, both at saturation (closed model, bench.users looping users), against canned responses (bench/CannedServer:
# the simulator answers each URL once, then it is served from memory), so that the server's work does not hide the
# injector's. Gatling runs in a JVM of its own pinned to INJECTOR_CPUS (the servers to SERVER_CPUS); prints per run
# the rate, the injector's CPU seconds over the load window (from Gatling's first progress line 10 s or more into the run, to its end; from /proc,
# scripts/cpu-window.py) and requests per CPU-second, the figure that holds best on a shared machine, the body kB per
# request the canned server sent (what the journeys ask for sets much of the cost) and the load average; then both
# ratios.
# COMPARE=<dir> also runs the mix from another checkout's compiled classes (its target/classes and
# target/test-classes), e.g. the commit before a change.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-50}"; SECONDS_PER_RUN="${SECONDS_PER_RUN:-40}"
INJECTOR_CPUS="${INJECTOR_CPUS:-1}"; SERVER_CPUS="${SERVER_CPUS:-0-1}"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
DEPS="$(cat target/bench.classpath)"
CP="target/classes:target/test-classes:$DEPS"
ZERO=()
for c in search record files download deposit communities harvest landing page iiif static; do
  ZERO+=("-Dsimulator.serviceTime.$c=0ms" "-Dsimulator.backendTime.$c=none")
done
taskset -c "$SERVER_CPUS" java -Xmx1g -cp "$CP" -Dsimulator.port=18083 -Dsimulator.workers=512 "${ZERO[@]}" \
  rdmloadtest.simulator.SimulatorMain > target/bench-inj-sim.log 2>&1 &
SIM=$!
taskset -c "$SERVER_CPUS" java -Xmx1g -cp "$CP" rdmloadtest.bench.CannedServer 18084 http://127.0.0.1:18083 \
  > target/bench-inj-canned.log 2>&1 &
CANNED=$!
trap 'kill $SIM $CANNED 2>/dev/null' EXIT
for _ in $(seq 1 60); do
  grep -q listening target/bench-inj-sim.log && grep -q listening target/bench-inj-canned.log && break
  sleep 1
done
# run <label> <simulation> <classpath>: one Gatling run; prints "requests cpu_s wall_s" over its window, from the
# first progress line 10 s or more in (each run is a new JVM: its JIT compiles the first seconds away) to the run's end,
# then the body bytes per request over the whole run (from the canned server).
FROM=' [1-9][0-9]+s elapsed$'
run() {
  local log="target/bench-$1.log" window
  served=$(curl -sf http://127.0.0.1:18084/_canned/bytes)
  window=$(python3 scripts/cpu-window.py --start "$FROM" --end 'Parsing log file' --log "$log" -- \
    taskset -c "$INJECTOR_CPUS" java -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -cp "$3" -Dinvenio.baseUrl=http://127.0.0.1:18084 \
    -Dbench.users="$USERS" -Dbench.duration="${SECONDS_PER_RUN}s" -Dslo.enforce=false -Dhistory.record=false \
    io.gatling.app.Gatling --simulation "$2" --results-folder target/bench-gatling) || true
  local before after
  before=$(awk -F'|' -v from="$FROM" '$0 ~ from {on = 1} on && /^> Global/ {
    gsub(/[ ,]/, "", $2); print $2; exit}' "$log")
  after=$(grep -E '^> request count' "$log" | tail -1 | awk -F'|' '{gsub(/[ ,]/,"",$2); print $2}')
  [ -n "$before" ] && [ -n "$after" ] && [ -n "$window" ] || { echo "bench-injector: run $1 failed, see $log" >&2; exit 4; }
  served=$(( $(curl -sf http://127.0.0.1:18084/_canned/bytes) - served ))
  echo "$((after - before)) $(sed -E 's/cpu_s=([0-9.]+) wall_s=([0-9.]+)/\1 \2/' <<< "$window") $((served / after))"
}
labels=(bare mix); sims=(rdmloadtest.bench.BareEndpointsSimulation rdmloadtest.bench.MixThroughputSimulation)
cps=("$CP" "$CP")
if [ -n "${COMPARE:-}" ]; then
  labels+=(compared); sims+=(rdmloadtest.bench.MixThroughputSimulation)
  cps+=("$COMPARE/target/classes:$COMPARE/target/test-classes:$DEPS")
fi
# First runs fill the cache and warm the JIT; then alternate so that drift hits every kind alike.
for i in "${!labels[@]}"; do SECONDS_PER_RUN=15 run "warmup-${labels[$i]}" "${sims[$i]}" "${cps[$i]}" >/dev/null; done
declare -A req cpu wall bytes runs
for r in $(seq 1 "${ROUNDS:-2}"); do
  for i in "${!labels[@]}"; do
    read -r n c w b <<< "$(run "${labels[$i]}-$r" "${sims[$i]}" "${cps[$i]}")"
    req[${labels[$i]}]=$(( ${req[${labels[$i]}]:-0} + n ))
    cpu[${labels[$i]}]=$(python3 -c "print(${cpu[${labels[$i]}]:-0} + $c)")
    wall[${labels[$i]}]=$(python3 -c "print(${wall[${labels[$i]}]:-0} + $w)")
    bytes[${labels[$i]}]=$(( ${bytes[${labels[$i]}]:-0} + b )); runs[${labels[$i]}]=$(( ${runs[${labels[$i]}]:-0} + 1 ))
    python3 -c "print(f'round $r: ${labels[$i]}: {$n/$w:.0f} req/s, {$c:.1f} CPU-s, {$n/$c:.0f} req per CPU-s,'
      f' {$b/1000:.0f} kB per request, load {open(\"/proc/loadavg\").read().split()[0]}')"
  done
done
for l in "${labels[@]}"; do
  python3 -c "print(f'total $l: {${req[$l]}/${wall[$l]}:.0f} req/s, {${req[$l]}/${cpu[$l]}:.0f} req per CPU-s,'
    f' {${bytes[$l]}/${runs[$l]}/1000:.0f} kB per request')"
done
python3 -c "
b, m = ${req[bare]}, ${req[mix]}
print(f'ratio mix/bare: {(m/${wall[mix]})/(b/${wall[bare]}):.3f} in req/s, {(m/${cpu[mix]})/(b/${cpu[bare]}):.3f} per CPU-s')"
if [ -n "${COMPARE:-}" ]; then
  python3 -c "
b, m = ${req[bare]}, ${req[compared]}
print(f'ratio compared/bare: {(m/${wall[compared]})/(b/${wall[bare]}):.3f} in req/s, {(m/${cpu[compared]})/(b/${cpu[bare]}):.3f} per CPU-s')"
fi
