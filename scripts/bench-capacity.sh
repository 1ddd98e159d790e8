#!/usr/bin/env bash
# Capacity accuracy: the capacity search against the embedded simulator over a grid of settings whose capacity is
# known exactly, and whether the search is within ±3 % of it or says INVALID (the injector, not the target, was the
# limit). One request class (capacity.journey=viewRecord) and one tier made the bottleneck: app workers (the record
# read calls no backend) or, in one row, the database (2 workers, the app's 16 plenty). The truth is that tier's
# workers / mean service time, for fixed and exponential service times alike, because the criterion is free of
# latency: a step passes when it had no errors and completed at least 97 % of the requests it started
# (capacity.keepUpPct), i.e. the queue did not grow for the whole window. A latency SLO would give out below that
# bound with exponential service times (a random queue waits before saturation) by an amount that depends on the
# SLO, not on the search. ONLY=<regex> runs the rows whose name matches; STRESS=1 runs beside `stress-ng --cpu 2`
# (Debian's stress-ng), where every row must still be within ±3 % or INVALID, never a wrong figure called valid.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
if [ "${STRESS:-0}" = 1 ]; then
  command -v stress-ng >/dev/null || { apt-get update -q && apt-get install -y -q stress-ng; }
  stress-ng --cpu 2 --timeout 60m --quiet &
  STRESSOR=$!
  trap 'kill $STRESSOR 2>/dev/null' EXIT
  echo "bench-capacity: stress-ng --cpu 2 running beside the search"
fi
out=target/bench-capacity
mkdir -p "$out"
slo="$out/keeps-up.json"
cat > "$slo" <<'JSON'
{
  "description": "bench-capacity: no errors; with capacity.keepUpPct the step must also complete what it started.",
  "groups": [
    {
      "name": "record view",
      "requests": ["View record"],
      "objectives": { "maxErrorRatePct": 0 },
      "why": "A latency-free criterion: the capacity is then the bottleneck tier's workers / mean service time."
    }
  ]
}
JSON
# name: tier, workers, mean service time (ms), distribution. Truth = workers / service time. Steps are longer with
# exponential service times: a window must hold enough completions for their count to be known within about 1 %.
rows=(
  "app 1 5 fixed" "app 1 10 fixed" "app 2 10 fixed" "app 4 20 fixed" "app 8 50 fixed" "app 16 50 fixed"
  "app 1 50 fixed" "database 2 10 fixed"
  "app 1 5 exponential" "app 2 10 exponential" "app 4 20 exponential" "app 8 50 exponential"
  "app 16 50 exponential"
)
printf '%-28s %8s %8s %8s  %s\n' "setting" "truth" "found" "error" "verdict"
for row in "${rows[@]}"; do
  read -r tier workers ms dist <<< "$row"
  name="$tier-$workers-${ms}ms-$dist"
  [[ $name =~ ${ONLY:-.} ]] || continue
  truth=$(python3 -c "print($workers / ($ms / 1000))")
  start=$(python3 -c "print(round($truth * 0.35, 1))")
  if [ "$tier" = app ]; then
    model=(-Dsimulator.workers="$workers" -Dsimulator.serviceTime.record="${ms}ms" -Dsimulator.backendTime.record=none)
  else
    model=(-Dsimulator.workers=16 -Dsimulator.serviceTime.record=1ms "-Dsimulator.backendTime.record=database=${ms}ms"
      -Dsimulator.tiers.database.workers="$workers")
  fi
  steady=8s
  [ "$dist" = exponential ] && steady=12s
  rm -rf "${out:?}/$name"
  status=0
  mvn -q -B exec:java@capacity -Dcapacity.journey=viewRecord -Dslo.file="$slo" -Dcapacity.keepUpPct=97 \
    "${model[@]}" -Dsimulator.serviceTime.distribution="$dist" -Dcapacity.startRate="$start" \
    -Dcapacity.rampBetweenSteps=2s -Dcapacity.stepDuration="$steady" -Dcapacity.settle=2s -Dcapacity.refineSteps=6 \
    -Dcapacity.maxDuration=8m -Dhistory.record=false -Dslo.resultsFolder="$out/$name/gatling" \
    -Dcapacity.reportDir="$out/$name/reports" > "$out/$name.log" 2>&1 || status=$?
  json=$(find "$out/$name/reports" -name capacity.json 2>/dev/null | head -1 || true)
  python3 - "$json" "$truth" "$name" "$status" <<'PY'
import json, sys
path, truth, name, status = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
c = json.load(open(path)) if path else {}
found, bound = c.get("maxSustainableRps"), c.get("injectorBoundAtRps")
secs = f"{len(c.get('steps', []))} steps, {c.get('wallSeconds', 0):.0f} s"
if bound is not None:
    print(f"{name:28s} {truth:8.0f} {'-':>8s} {'-':>8s}  INVALID: injector-bound at {bound:g} req/s (exit {status}; {secs})")
elif found is None:
    print(f"{name:28s} {truth:8.0f} {'-':>8s} {'-':>8s}  no capacity: {c.get('stopReason', 'no report, exit ' + status)}")
else:
    err = (found / truth - 1) * 100
    verdict = "valid, within 3 %" if abs(err) <= 3 else "VALID BUT WRONG"
    print(f"{name:28s} {truth:8.0f} {found:8.1f} {err:+7.1f}%  {verdict} ({secs})")
PY
done
