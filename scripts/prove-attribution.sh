#!/usr/bin/env bash
# Proof that attribution names the tier that limits and that its what-if holds, on the simulator (issue 13):
# three simulator configurations, each limited by another tier (app workers, search, database), each searched for
# its capacity with Prometheus scraping the simulator's /metrics (classpath:metrics/simulator.json); then each
# again with the limiting tier's workers doubled. Passes when every first report names the configured tier and the
# what-if it predicts for doubling that tier is within 10 % of the capacity then measured.
#
#   scripts/prove-attribution.sh [OUT]      # OUT: reports/attribution-simulator; about 15 minutes
#
# Its Prometheus is scripts/build-prometheus.sh's (PROMETHEUS_BINARY, or one built once from its Go module). Prints a
# table and ends with "PROOF PASSED" (exit 0) or "PROOF FAILED" (exit 1); the six capacity reports and proof.md go
# to OUT.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-reports/attribution-simulator}
SIM_PORT=${SIM_PORT:-18931}
PROM_PORT=${PROM_PORT:-19931}
WORK=target/prove-attribution
# shellcheck source=scripts/lib/simulator-proof.sh
source scripts/lib/simulator-proof.sh
rm -rf "$WORK" "$OUT"
mkdir -p "$WORK" "$OUT"
mvn -q -B test-compile
start_prometheus "$WORK"

# Each configuration makes one tier the tightest: its workers x1, then x2.
SEARCH_10="-Dsimulator.backendTime.search=search=10ms,database=1ms"
SEARCH_60="-Dsimulator.backendTime.search=search=60ms,database=1ms"
RECORD_4="-Dsimulator.backendTime.record=database=4ms"
RECORD_60="-Dsimulator.backendTime.record=database=60ms"
declare -A CONFIG SCALED
CONFIG[app]="-Dsimulator.workers=1 $SEARCH_10 $RECORD_4"
SCALED[app]="-Dsimulator.workers=2 $SEARCH_10 $RECORD_4"
CONFIG[search]="-Dsimulator.tiers.search.workers=1 $SEARCH_60 $RECORD_4"
SCALED[search]="-Dsimulator.tiers.search.workers=2 $SEARCH_60 $RECORD_4"
CONFIG[database]="-Dsimulator.tiers.database.workers=1 $SEARCH_10 $RECORD_60"
SCALED[database]="-Dsimulator.tiers.database.workers=2 $SEARCH_10 $RECORD_60"

# run NAME SIMULATOR-KEYS: one capacity search against a fresh simulator; its report folder in OUT/NAME
run() {
    local name=$1 keys=$2
    # shellcheck disable=SC2086 # the keys are words on purpose
    start_simulator "$WORK/$name-simulator.log" $keys
    echo "prove-attribution: $name: capacity search ($keys)"
    capacity_search "$WORK/$name-capacity.log" \
        -Dcapacity.journey=mix -Dcapacity.startRate=10 -Dcapacity.step=10 -Dcapacity.growth=1 -Dcapacity.maxRate=150 \
        -Dcapacity.stepDuration=15s -Dcapacity.settle=4s -Dcapacity.rampBetweenSteps=3s -Dcapacity.refineSteps=2 \
        -Dcapacity.maxDuration=30m -Dcapacity.reportDir="$WORK/$name"
    grep '^capacity: ' "$WORK/$name-capacity.log" | grep -v 'live t+' | tail -4 | sed "s/^/  $name: /"
    stop_simulator
    [[ -f $(echo "$WORK/$name"/*/capacity.json) ]] || { echo "prove-attribution: $name: no report, see $WORK/$name-capacity.log" >&2; exit 1; }
    mv "$WORK/$name"/* "$OUT/$name"
}

for c in app search database; do
    run "$c-x1" "${CONFIG[$c]}"
    run "$c-x2" "${SCALED[$c]}"
done

python3 - "$OUT" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
tiers = {"app": "app workers", "search": "search", "database": "database"}
rows, ok = [], True
for c, tier in tiers.items():
    a = json.loads((out / f"{c}-x1" / "capacity.json").read_text())
    b = json.loads((out / f"{c}-x2" / "capacity.json").read_text())
    att = a.get("attribution") or {}
    named = att.get("limitingTier")
    what = next((w for w in att.get("whatIf", []) if w["tier"] == tier), None)
    predicted = what and what.get("predictedRps")
    measured = b.get("maxSustainableRps")
    err = None if not (predicted and measured) else (predicted / measured - 1) * 100
    good = named == tier and err is not None and abs(err) <= 10
    ok &= good
    rows.append(f"| {c} | {tier} | {named} | {a.get('maxSustainableRps') and round(a['maxSustainableRps'], 1)} | {att.get('boundRps') and round(att['boundRps'], 1)} | "
                f"{predicted and round(predicted, 1)} | {measured and round(measured, 1)} | {'' if err is None else f'{err:+.1f} %'} | {'yes' if good else 'NO'} |")
table = ("| Configuration | Configured to limit | Report names | Capacity (req/s) | Bound | Predicted ×2 | Measured ×2 | Error | Pass |\n"
         "|---|---|---|---:|---:|---:|---:|---:|---|\n" + "\n".join(rows))
print(table)
(out / "proof.md").write_text("# Attribution on the simulator (scripts/prove-attribution.sh)\n\n" + table + "\n\n"
                              + ("PROOF PASSED" if ok else "PROOF FAILED") + "\n")
print("PROOF PASSED" if ok else "PROOF FAILED")
sys.exit(0 if ok else 1)
PY
