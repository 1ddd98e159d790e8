#!/usr/bin/env bash
# The capacity report's self-check and queueing model on the simulator (issue 23, item 5): two configurations, each
# made tight on one backend tier (search, then database: 1 worker, 120 ms a visit), each searched for its capacity at
# the default SLOs with Prometheus scraping the simulator, then again with that tier's workers doubled. Prints, per
# configuration, the tier the report names, its bound against the throughput measured, the self-check, the model's
# prediction for the doubled tier and the capacity then measured (error %).
#
#   scripts/prove-prediction.sh [OUT]      # OUT: target/prove-prediction; about 25 minutes
#
# Its Prometheus is scripts/build-prometheus.sh's. The REST API readers only, fixed service times, steps of the
# default length (3 s ramp, 15 s, 12 s measured), ×2 growth from 5 req/s.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-target/prove-prediction}
SIM_PORT=${SIM_PORT:-18941}
PROM_PORT=${PROM_PORT:-19941}
# shellcheck source=scripts/lib/simulator-proof.sh
source scripts/lib/simulator-proof.sh
rm -rf "$OUT"
mkdir -p "$OUT"
mvn -q -B test-compile
start_prometheus "$OUT"

declare -A CONFIG
CONFIG[search]="-Dsimulator.backendTime.search=search=120ms,database=1ms -Dsimulator.backendTime.record=database=4ms"
CONFIG[database]="-Dsimulator.backendTime.search=search=10ms,database=1ms -Dsimulator.backendTime.record=database=120ms"

# run NAME SIMULATOR-KEYS: one capacity search against a fresh simulator; its report in OUT/NAME
run() {
    local name=$1 keys=$2
    # shellcheck disable=SC2086 # the keys are words on purpose
    start_simulator "$OUT/$name-simulator.log" $keys
    echo "prove-prediction: $name: capacity search ($keys)"
    capacity_search "$OUT/$name-capacity.log" \
        -Dcapacity.startRate=5 -Dcapacity.step=5 -Dcapacity.refineSteps=4 -Dcapacity.maxDuration=8m \
        -Dslo.resultsFolder="$OUT/$name-results" -Dcapacity.reportDir="$OUT/$name"
    stop_simulator
    [[ -f $(echo "$OUT/$name"/*/capacity.json) ]] || { echo "prove-prediction: $name: no report, see $OUT/$name-capacity.log" >&2; exit 1; }
}

for c in search database; do
    run "$c-x1" "${CONFIG[$c]} -Dsimulator.tiers.$c.workers=1"
    run "$c-x2" "${CONFIG[$c]} -Dsimulator.tiers.$c.workers=2"
done

python3 - "$OUT" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
print("| Configuration | Names | Capacity | Bound | Self-check | Model's past error | Predicted ×2 | Measured ×2 | Error |")
print("|---|---|---:|---:|---|---:|---:|---:|---:|")
for c in ("search", "database"):
    a = json.loads(next((out / f"{c}-x1").glob("*/capacity.json")).read_text())
    b = json.loads(next((out / f"{c}-x2").glob("*/capacity.json")).read_text())
    att = a.get("attribution") or {}
    w = next((w for w in att.get("whatIf", []) if w["tier"] == c), {})
    p, m = w.get("predictedRps"), b.get("maxSustainableRps")
    err = f"{(p / m - 1) * 100:+.1f} %" if p and m else "-"
    mae = (att.get("prediction") or {}).get("meanAbsErrorPct")
    check = "passed" if not att.get("findings") else "; ".join(f["message"] for f in att["findings"])
    print(f"| {c} (1 worker) | {att.get('limitingTier')} | {a.get('maxSustainableRps') or 0:.1f} | {att.get('boundRps') or 0:.1f} | "
          f"{check} | {'-' if mae is None else f'{mae:.1f} %'} | {p or 0:.1f} | {m or 0:.1f} | {err} |")
PY
