#!/usr/bin/env bash
# The trends report example under reports/trends-example: RUNS short runs of the default mix against the embedded
# simulator (the same configuration each time, so they are comparable), one of them with record views made slower
# (simulator.serviceTime.record), to show a regression marked, and two capacity searches; then
# `mvn -q exec:java@trends` over that history. About 6 minutes on this 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-6}
SLOW_RUN=${SLOW_RUN:-5}
HIST=target/trends-example/history
OUT=reports/trends-example
rm -rf "$HIST"
mkdir -p target/trends-example
mvn -q test-compile
common=(-Dprofile=load -Drun.duration=30s -Drun.rampUp=3s -Dtraffic.readers.rate=6 -Dhistory.dir="$HIST"
        -Dslo.enforce=false -Dsimulator.serviceTime.distribution=fixed)
for i in $(seq 1 "$RUNS"); do
    extra=()
    # The same fingerprint needs the same keys: the slow run changes a simulator key, so every run sets it.
    if [[ $i -eq $SLOW_RUN ]]; then extra=(-Dsimulator.serviceTime.record=40ms); else extra=(-Dsimulator.serviceTime.record=6ms); fi
    mvn -q gatling:test "${common[@]}" "${extra[@]}" > "target/trends-example/run-$i.out" 2>&1 || true
    grep -E '^(PASSED|FAILED|INVALID)' "target/trends-example/run-$i.out" | tail -1 | sed "s/^/trends-example: run $i: /"
done
for i in 1 2; do
    mvn -q exec:java@capacity -Dhistory.dir="$HIST" -Dcapacity.startRate=20 -Dcapacity.step=20 -Dcapacity.maxRate=60 \
        -Dcapacity.stepDuration=16s -Dcapacity.rampBetweenSteps=2s -Dcapacity.settle=2s -Dcapacity.refineSteps=0 \
        -Dcapacity.reportDir=target/trends-example/capacity > "target/trends-example/capacity-$i.out" 2>&1 || true
    grep -E '^capacity: (max sustainable|INVALID)' "target/trends-example/capacity-$i.out" | sed "s/^/trends-example: search $i: /"
done
rm -rf "$OUT"
mvn -q exec:java@trends -Dhistory.dir="$HIST" -Dtrends.out="$OUT"
ls "$OUT"
