#!/usr/bin/env bash
# Proof that attribution and its what-if hold on a real InvenioRDM (issue 13): invenio-local v13 with Prometheus
# (up --monitoring) at two server configurations, gunicorn 1 worker x 2 threads, then 2 workers x 4 threads; a
# capacity search of the read-only mix at each. Passes when both reports name the tier that limits and the
# what-if made from the first for doubling the app workers is within 20 % of the capacity measured at the second.
#
#   scripts/prove-attribution-real.sh [OUT]     # OUT: reports/attribution-real-v13; about 45 minutes
#
# Stops and restarts invenio-local (its state survives; INVENIO_LOCAL_STATE picks another state folder). Prints a table; "PROOF PASSED" (exit 0) or
# "PROOF FAILED" (exit 1); both capacity reports and proof.md go to OUT. The injector shares the host with the
# target, which is meant to fill its cores: the machine-CPU rule is off (injector.maxMachineCpuPct=100); the injector's
# own CPU and its scheduling lag still make a step INVALID. Steps are 60 s (50 s measured) and a failing step is measured
# again (capacity.confirmFailures=1): with 40 s steps and no confirmation, the search tail decided the 2 x 4 capacity
# (8.5 req/s failed, 10 met, 11.5 failed, 13 met). ONLY=gunicorn-2x4 reruns one configuration.
# The REST API readers only (the web UI and IIIF weights 0), as the committed reports were measured.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-reports/attribution-real-v13}
WORK=target/prove-attribution-real
LOCAL=invenio-local/invenio-local
STATE=$(realpath -m "${INVENIO_LOCAL_STATE:-invenio-local/.state}") # absolute: redis resolves its log file after chdir
export INVENIO_LOCAL_STATE=$STATE
if [[ -z ${ONLY:-} ]]; then rm -rf "$WORK" "$OUT"; else rm -rf "${OUT:?}/$ONLY" "${WORK:?}/$ONLY"; fi
mkdir -p "$WORK" "$OUT"
mvn -q -B test-compile

# search NAME WORKERS THREADS: invenio-local at that size, then one capacity search into OUT/NAME
search() {
    local name=$1 workers=$2 threads=$3
    "$LOCAL" down >"$WORK/$name-down.log" 2>&1 || true
    INVENIO_LOCAL_WORKERS=$workers INVENIO_LOCAL_THREADS=$threads "$LOCAL" up --version 13 --monitoring \
        >"$WORK/$name-up.log" 2>&1 || { echo "prove-attribution-real: up failed, see $WORK/$name-up.log" >&2; exit 1; }
    sleep 40 # Prometheus's 30 s rate windows fill before the run's preflight asks them
    if [[ ! -f $WORK/data/feeders/records.csv ]]; then
        # Feeders of what this instance holds (the shipped data set names records it does not have).
        INVENIO_TOKEN=$(cat "$STATE/v13/tokens/loadtest.token") mvn -q -B exec:java@harvest \
            -Dinvenio.baseUrl=http://127.0.0.1:5000 -Dharvest.out="$WORK/data" -Dharvest.rate=20 \
            >"$WORK/harvest.log" 2>&1 || { echo "prove-attribution-real: harvest failed, see $WORK/harvest.log" >&2; exit 1; }
    fi
    echo "prove-attribution-real: $name: gunicorn $workers x $threads, capacity search"
    INVENIO_TOKEN=$(cat "$STATE/v13/tokens/loadtest.token") mvn -q -B exec:java@capacity \
        -Dinvenio.baseUrl=http://127.0.0.1:5000 -Dinvenio.version=13 \
        -Dmetrics.file="$STATE/monitoring/metrics.json" -Dmetrics.wait=90s -Ddata.dir="$WORK/data" \
        -Dtraffic.depositors=0 -Dtraffic.harvesters=0 -Dtraffic.mix.landingPage=0 -Dtraffic.mix.searchPage=0 -Dtraffic.mix.frontPage=0 -Dtraffic.mix.communityPages=0 -Dtraffic.mix.uploads=0 -Dtraffic.mix.iiif=0 \
        -Dhistory.record=false -Dinjector.maxMachineCpuPct=100 \
        -Dcapacity.journey=mix -Dcapacity.startRate=1 -Dcapacity.step=1.5 -Dcapacity.growth=1 -Dcapacity.maxRate=16 \
        -Dcapacity.stepDuration=60s -Dcapacity.settle=10s -Dcapacity.rampBetweenSteps=5s -Dcapacity.refineSteps=1 \
        -Dcapacity.confirmFailures=1 -Dcapacity.maxDuration=40m \
        -Dcapacity.expectedPeakRps=20 -Dcapacity.reportDir="$WORK/$name" >"$WORK/$name-capacity.log" 2>&1 || true
    grep '^capacity: ' "$WORK/$name-capacity.log" | grep -v 'live t+\|starting' | tail -5 | sed "s/^/  $name: /"
    [[ -f $(echo "$WORK/$name"/*/capacity.json) ]] || { echo "prove-attribution-real: $name: no report, see $WORK/$name-capacity.log" >&2; exit 1; }
    mv "$WORK/$name"/* "$OUT/$name"
}

[[ ${ONLY:-gunicorn-1x2} == gunicorn-1x2 ]] && search gunicorn-1x2 1 2
[[ ${ONLY:-gunicorn-2x4} == gunicorn-2x4 ]] && search gunicorn-2x4 2 4
"$LOCAL" down >"$WORK/down.log" 2>&1 || true

python3 - "$OUT" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
a = json.loads((out / "gunicorn-1x2" / "capacity.json").read_text())
b = json.loads((out / "gunicorn-2x4" / "capacity.json").read_text())
rows, ok = [], True
for name, c in (("gunicorn 1 x 2", a), ("gunicorn 2 x 4", b)):
    att = c.get("attribution") or {}
    ok &= att.get("limitingTier") is not None
    rows.append(f"| {name} | {c.get('maxSustainableRps') and round(c['maxSustainableRps'], 1)} | {att.get('busiestTier')} | {att.get('limitingTier')} | "
                f"{att.get('boundRps') and round(att['boundRps'], 1)} | {' → '.join(att.get('saturationOrder', []))} |")
what = next((w for w in (a.get("attribution") or {}).get("whatIf", []) if w["tier"] == "app workers"), None)
predicted = what and what.get("predictedRps")
measured = b.get("maxSustainableRps")
err = None if not (predicted and measured) else (predicted / measured - 1) * 100
ok &= err is not None and abs(err) <= 20
table = ("| Server | Capacity (req/s) | Busiest tier | Limits first | Bound (req/s) | Saturation order |\n"
         "|---|---:|---|---|---:|---|\n" + "\n".join(rows) + "\n\n"
         f"What-if from gunicorn 1 x 2, app workers ×2: {what and what.get('boundRps') and round(what['boundRps'], 1)} req/s bound,"
         f" then {what and what.get('thenLimits')} limits; predicted {predicted and round(predicted, 1)} req/s sustainable;"
         f" measured at 2 x 4: {measured and round(measured, 1)} req/s; error {'' if err is None else f'{err:+.1f} %'} (pass within 20 %).")
print(table)
(out / "proof.md").write_text("# Attribution on the real InvenioRDM v13 (scripts/prove-attribution-real.sh)\n\n" + table
                              + "\n\n" + ("PROOF PASSED" if ok else "PROOF FAILED") + "\n")
print("PROOF PASSED" if ok else "PROOF FAILED")
sys.exit(0 if ok else 1)
PY
