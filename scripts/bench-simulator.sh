#!/usr/bin/env bash
# Benchmarks the simulator's record read (GET /api/records/{id}, the performance model's service time set
# to 0 so only the implementation costs) against a hello-world handler on the same server library (Jetty 12),
# with wrk, alternating the two in one run; prints both rates and their ratio. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-15s}"; ROUNDS="${ROUNDS:-3}"; CONNS="${CONNS:-50}"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
java -Xmx1g -cp "$CP" -Dsimulator.port=18081 -Dsimulator.workers=512 -Dsimulator.serviceTime.record=0ms \
  -Dsimulator.serviceTime.distribution=fixed rdmloadtest.simulator.SimulatorMain > target/bench-sim.log 2>&1 &
SIM=$!
java -Xmx512m -cp "$CP" rdmloadtest.bench.HelloJetty 18082 > target/bench-hello.log 2>&1 &
HELLO=$!
trap 'kill $SIM $HELLO 2>/dev/null' EXIT
for i in $(seq 1 60); do grep -q listening target/bench-sim.log && grep -q listening target/bench-hello.log && break; sleep 1; done
ID=$(head -1 data/default/feeders/records.csv >/dev/null; sed -n 2p data/default/feeders/records.csv | cut -d, -f2)
wrk -t2 -c"$CONNS" -d5s "http://127.0.0.1:18081/api/records/$ID" >/dev/null   # warm-up (JIT)
wrk -t2 -c"$CONNS" -d5s "http://127.0.0.1:18082/" >/dev/null
sim_total=0; hello_total=0
for r in $(seq 1 "$ROUNDS"); do
  s=$(wrk -t2 -c"$CONNS" -d"$DURATION" "http://127.0.0.1:18081/api/records/$ID" | awk '/Requests\/sec/ {print $2}')
  h=$(wrk -t2 -c"$CONNS" -d"$DURATION" "http://127.0.0.1:18082/" | awk '/Requests\/sec/ {print $2}')
  echo "round $r: simulator record read ${s} req/s, hello world ${h} req/s"
  sim_total=$(python3 -c "print($sim_total + $s)"); hello_total=$(python3 -c "print($hello_total + $h)")
done
python3 -c "s=$sim_total/$ROUNDS; h=$hello_total/$ROUNDS; print(f'mean: simulator {s:.0f} req/s, hello world {h:.0f} req/s, ratio {s/h:.3f}')"
