#!/usr/bin/env bash
# Proof that the capacity report names background work when it is what fails, on the simulator (issue 27, item 4):
# a deposit-heavy mix against a simulator whose one background worker takes 4 s to index a published record, then
# against the default simulator (a record searchable after the 1 s refresh), each searched for its capacity with
# Prometheus scraping the simulator's /metrics (classpath:metrics/simulator.json, whose background workers' saturation
# is their queue). Passes when the first report names the background workers and the second does not.
#
#   scripts/prove-background.sh [OUT]      # OUT: reports/background-simulator; about 6 minutes
#
# Prints each report's steps (background queue, time to searchable) and its verdict, and ends with "PROOF PASSED"
# (exit 0) or "PROOF FAILED" (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-reports/background-simulator}
SIM_PORT=${SIM_PORT:-18941}
PROM_PORT=${PROM_PORT:-19941}
WORK=target/prove-background
# shellcheck source=scripts/lib/simulator-proof.sh
source scripts/lib/simulator-proof.sh
rm -rf "$WORK" "$OUT"
mkdir -p "$WORK" "$OUT"
mvn -q -B test-compile
start_prometheus "$WORK"

# Four depositors (every publish queues one record for the background workers) beside a few reader sessions.
DEPOSIT_HEAVY=(
    -Dtraffic.depositors=4 -Dtraffic.depositors.pause=500ms -Dtraffic.deposit.maxFileMB=1 -Dtraffic.harvesters=0
    -Dtraffic.download.maxMB=2
)

# run NAME SIMULATOR-KEYS...: one capacity search against a fresh simulator; its report folder in OUT/NAME
run() {
    local name=$1
    shift
    start_simulator "$WORK/$name-simulator.log" "$@"
    echo "prove-background: $name: capacity search ($*)"
    INVENIO_TOKEN=rdm-loadtest-token-1 mvn -q -B exec:java@capacity \
        -Dinvenio.baseUrl="http://127.0.0.1:$SIM_PORT" -Dinvenio.allowWrites=true \
        -Dmetrics.file=classpath:metrics/simulator.json -Dmetrics.prometheusUrl="http://127.0.0.1:$PROM_PORT" \
        "${DEPOSIT_HEAVY[@]}" -Dhistory.record=false -Dcapacity.confirmFailures=0 -Dcapacity.expectedPeakRps=20 \
        -Dcapacity.startRate=2 -Dcapacity.maxRate=8 -Dcapacity.refineSteps=1 -Dcapacity.stepDuration=15s \
        -Dcapacity.settle=2s -Dcapacity.rampBetweenSteps=2s -Dcapacity.reportDir="$WORK/$name" \
        -Dinjector.maxShortSharePct=100 -Dslo.injector.maxStartLag=5s -Dslo.injector.maxMissing=50 \
        >"$WORK/$name-capacity.log" 2>&1 || true
    grep '^capacity: ' "$WORK/$name-capacity.log" | grep -v 'live t+' | tail -6 | sed "s/^/  $name: /"
    stop_simulator
    [[ -f $(echo "$WORK/$name"/*/capacity.json) ]] || { echo "prove-background: $name: no report, see $WORK/$name-capacity.log" >&2; exit 1; }
    mkdir -p "$OUT/$name"
    mv "$WORK/$name"/*/* "$OUT/$name/"
    sed -n '/^## Steps/,/^Background queue/p' "$OUT/$name/summary.md" | sed "s/^/  $name: /"
}

run background -Dsimulator.tiers.background.workers=1 -Dsimulator.tiers.background.serviceTime=4s
run default

verdict() { jq -r '.background.verdict // "none"' "$OUT/$1/capacity.json"; }
echo "prove-background: background: $(verdict background)"
echo "prove-background: default: $(verdict default)"
if [[ $(verdict background) == *"**background workers**"* && $(verdict default) == none ]]; then
    echo "PROOF PASSED"
else
    echo "PROOF FAILED"
    exit 1
fi
