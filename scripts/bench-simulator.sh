#!/usr/bin/env bash
# Benchmarks the simulator's record read (GET /api/records/{id}) against a hello-world handler on the same server
# library (Jetty 12), with wrk, alternating the two in one run; prints both rates and their ratio. It measures the
# implementation: every modelled time (each endpoint class's own and its backend tiers') is zeroed, and a check
# (bench/ModelledCapCheck, from the simulator's /metrics) fails the benchmark when a modelled tier still caps the
# rate measured. COMPARE=<dir> also measures the simulator of another checkout's compiled classes (e.g. the commit
# before a change) in the same rounds. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-15s}"; ROUNDS="${ROUNDS:-3}"; CONNS="${CONNS:-50}"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
# Every endpoint class of the model (simulator/perf/EndpointClass); one left out is caught by the check below.
ZERO=()
for c in search record files download deposit communities harvest landing page iiif static; do
  ZERO+=("-Dsimulator.serviceTime.$c=0ms" "-Dsimulator.backendTime.$c=none")
done
java -Xmx1g -cp "$CP" -Dsimulator.port=18081 -Dsimulator.workers=512 -Dsimulator.serviceTime.distribution=fixed \
  "${ZERO[@]}" rdmloadtest.simulator.SimulatorMain > target/bench-sim.log 2>&1 &
SIM=$!
java -Xmx512m -cp "$CP" rdmloadtest.bench.HelloJetty 18082 > target/bench-hello.log 2>&1 &
HELLO=$!
OTHER=""
if [ -n "${COMPARE:-}" ]; then
  java -Xmx1g -cp "$COMPARE/target/classes:$COMPARE/target/test-classes:$(cat target/bench.classpath)" \
    -Dsimulator.port=18089 -Dsimulator.workers=512 -Dsimulator.serviceTime.distribution=fixed "${ZERO[@]}" \
    rdmloadtest.simulator.SimulatorMain > target/bench-sim-compared.log 2>&1 &
  OTHER=$!
fi
trap 'kill $SIM $HELLO $OTHER 2>/dev/null' EXIT
for _ in $(seq 1 60); do
  grep -q listening target/bench-sim.log && grep -q listening target/bench-hello.log \
    && { [ -z "$OTHER" ] || grep -q listening target/bench-sim-compared.log; } && break
  sleep 1
done
ID=$(sed -n 2p data/default/feeders/records.csv | cut -d, -f2)
wrk -t2 -c"$CONNS" -d5s "http://127.0.0.1:18081/api/records/$ID" >/dev/null   # warm-up (JIT)
wrk -t2 -c"$CONNS" -d5s "http://127.0.0.1:18082/" >/dev/null
[ -z "$OTHER" ] || wrk -t2 -c"$CONNS" -d5s "http://127.0.0.1:18089/api/records/$ID" >/dev/null
sims=(); hellos=(); others=()
for r in $(seq 1 "$ROUNDS"); do
  if [ -n "$OTHER" ]; then
    others+=("$(wrk -t2 -c"$CONNS" -d"$DURATION" "http://127.0.0.1:18089/api/records/$ID" | awk '/Requests\/sec/ {print $2}')")
    echo "round $r: compared simulator record read ${others[-1]} req/s"
  fi
  sims+=("$(wrk -t2 -c"$CONNS" -d"$DURATION" "http://127.0.0.1:18081/api/records/$ID" | awk '/Requests\/sec/ {print $2}')")
  hellos+=("$(wrk -t2 -c"$CONNS" -d"$DURATION" "http://127.0.0.1:18082/" | awk '/Requests\/sec/ {print $2}')")
  echo "round $r: simulator record read ${sims[-1]} req/s, hello world ${hellos[-1]} req/s"
done
python3 -c "
s=[$(IFS=,; echo "${sims[*]}")]; h=[$(IFS=,; echo "${hellos[*]}")]
print(f'mean: simulator {sum(s)/len(s):.0f} req/s, hello world {sum(h)/len(h):.0f} req/s, ratio {sum(s)/sum(h):.3f}')"
[ -z "$OTHER" ] || python3 -c "
o=[$(IFS=,; echo "${others[*]}")]; h=[$(IFS=,; echo "${hellos[*]}")]
print(f'mean: compared simulator {sum(o)/len(o):.0f} req/s, ratio {sum(o)/sum(h):.3f}')"
# The highest rate measured is the one nearest any modelled cap.
java -cp "$CP" rdmloadtest.bench.ModelledCapCheck http://127.0.0.1:18081 \
  "$(printf '%s\n' "${sims[@]}" | sort -g | tail -1)"
