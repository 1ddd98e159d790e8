#!/usr/bin/env bash
# Injector overhead: the default mix's reader journeys against a bare Gatling simulation of the same
# endpoints and weights, both at saturation (closed model, bench.users looping users), against canned responses
# (bench/CannedServer: the simulator answers each URL once, then it is served from memory), so that the server's
# work does not hide the injector's; prints both rates and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-50}"; SECONDS_PER_RUN="${SECONDS_PER_RUN:-20}"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
ZERO=""
for c in search record files download deposit communities harvest; do ZERO="$ZERO -Dsimulator.serviceTime.$c=0ms"; done
java -Xmx1g -cp "$CP" -Dsimulator.port=18083 -Dsimulator.workers=512 $ZERO rdmloadtest.simulator.SimulatorMain \
  > target/bench-inj-sim.log 2>&1 &
SIM=$!
java -Xmx1g -cp "$CP" rdmloadtest.bench.CannedServer 18084 http://127.0.0.1:18083 > target/bench-inj-canned.log 2>&1 &
CANNED=$!
trap 'kill $SIM $CANNED 2>/dev/null' EXIT
for i in $(seq 1 60); do grep -q listening target/bench-inj-sim.log && grep -q listening target/bench-inj-canned.log && break; sleep 1; done
run() {
  mvn -B gatling:test -Dsimulation="$1" -Dinvenio.baseUrl=http://127.0.0.1:18084 -Dbench.users="$USERS" \
    -Dbench.duration="${SECONDS_PER_RUN}s" -Dslo.enforce=false > "target/bench-$2.log" 2>&1 || true
  grep -E '> mean throughput \(rps\)' "target/bench-$2.log" | tail -1 | awk -F'|' '{gsub(/[ ,]/,"",$2); print $2}'
}
# First runs fill the cache and warm the JIT; then alternate the two so drift hits both alike.
run rdmloadtest.bench.BareEndpointsSimulation warmup >/dev/null
run rdmloadtest.bench.MixThroughputSimulation warmup-mix >/dev/null
bares=(); mixes=()
for r in $(seq 1 "${ROUNDS:-2}"); do
  bares+=("$(run rdmloadtest.bench.BareEndpointsSimulation bare-$r)")
  mixes+=("$(run rdmloadtest.bench.MixThroughputSimulation mix-$r)")
  echo "round $r: bare ${bares[-1]} req/s, default mix ${mixes[-1]} req/s"
done
python3 -c "
b=[$(IFS=,; echo "${bares[*]}")]; m=[$(IFS=,; echo "${mixes[*]}")]
print(f'mean: bare {sum(b)/len(b):.0f} req/s, default mix {sum(m)/len(m):.0f} req/s, ratio mix/bare {sum(m)/sum(b):.3f}')"
