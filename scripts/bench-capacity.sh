#!/usr/bin/env bash
# Capacity accuracy: the capacity search against the embedded simulator, whose capacity for one request class is
# known exactly (workers / service time), in three configurations; prints found against truth and whether the
# injector judged its own measurements valid. STRESS=1 runs the same beside `stress-ng --cpu 2` (Debian's stress-ng):
# each result must then be within ±5 % or marked INVALID, never a wrong figure presented as valid.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
if [ "${STRESS:-0}" = 1 ]; then
  command -v stress-ng >/dev/null || { apt-get update -q && apt-get install -y -q stress-ng; }
  stress-ng --cpu 2 --timeout 30m --quiet &
  STRESSOR=$!
  trap 'kill $STRESSOR 2>/dev/null' EXIT
  echo "bench-capacity: stress-ng --cpu 2 running beside the search"
fi
out=target/bench-capacity
rm -rf "$out" && mkdir -p "$out"
# workers, service time, distribution, start rate, step: truth = workers / service time
configs=("4 20ms fixed 120 40" "8 20ms fixed 240 80" "2 5ms exponential 240 80")
printf '%-34s %8s %8s %8s  %s\n' "configuration" "truth" "found" "error" "verdict"
for c in "${configs[@]}"; do
  read -r workers service dist start step <<< "$c"
  name="w$workers-$service-$dist"
  truth=$(python3 -c "print($workers / (float('${service%ms}') / 1000))")
  status=0
  mvn -q -B exec:java@capacity -Dcapacity.journey=viewRecord -Dslo.file=classpath:slo/saturation.json \
    -Dsimulator.workers="$workers" -Dsimulator.serviceTime.record="$service" \
    -Dsimulator.serviceTime.distribution="$dist" -Dcapacity.startRate="$start" -Dcapacity.step="$step" \
    -Dcapacity.rampBetweenSteps=2s -Dcapacity.stepDuration=8s -Dcapacity.settle=2s -Dcapacity.refineSteps=3 \
    -Dcapacity.maxDuration=5m -Dslo.resultsFolder="$out/$name/gatling" -Dcapacity.reportDir="$out/$name/reports" \
    > "$out/$name.log" 2>&1 || status=$?
  json=$(find "$out/$name/reports" -name capacity.json 2>/dev/null | head -1 || true)
  python3 - "$json" "$truth" "$name" "$status" <<'PY'
import json, sys
path, truth, name, status = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
c = json.load(open(path)) if path else {}
found, bound = c.get("maxSustainableRps"), c.get("injectorBoundAtRps")
if bound is not None:
    print(f"{name:34s} {truth:8.0f} {'-':>8s} {'-':>8s}  INVALID: injector-bound at {bound:g} req/s (exit {status})")
elif found is None:
    print(f"{name:34s} {truth:8.0f} {'-':>8s} {'-':>8s}  no capacity: {c.get('stopReason', 'no report, exit ' + status)}")
else:
    err = (found / truth - 1) * 100
    print(f"{name:34s} {truth:8.0f} {found:8.1f} {err:+7.1f}%  {'valid, within 5 %' if abs(err) <= 5 else 'VALID BUT WRONG'}")
PY
done
