#!/usr/bin/env bash
# The web UI and IIIF journeys against a real InvenioRDM (issue 14): invenio-local vN, feeders harvested from it, every
# new simulation's smoke profile (each branch once; any KO fails it), then the differential check of the simulator
# against the instance. Prints the requests and KO per journey and the check's verdict; writes OUT/vN.md.
#
#   scripts/prove-web-real.sh [13|14] [OUT]     # OUT: reports/web-real; about 5 minutes per version once up
#
# Starts invenio-local vN (its state survives; INVENIO_LOCAL_STATE picks another state folder) and leaves it running.
# The logged-in journey logs in as loadtest@example.org with the password invenio-local wrote (INVENIO_WEB_USERS).
set -euo pipefail
cd "$(dirname "$0")/.."

V=${1:-13}
OUT=${2:-reports/web-real}
WORK=target/prove-web-real/v$V
LOCAL=invenio-local/invenio-local
STATE=$(realpath -m "${INVENIO_LOCAL_STATE:-invenio-local/.state}") # absolute: redis resolves its log file after chdir
export INVENIO_LOCAL_STATE=$STATE
BASE=http://127.0.0.1:5000
rm -rf "$WORK" && mkdir -p "$WORK" "$OUT"
mvn -q -B test-compile

"$LOCAL" up --version "$V" >"$WORK/up.log" 2>&1 || { echo "prove-web-real: up failed, see $WORK/up.log" >&2; exit 1; }
TOKEN=$(cat "$STATE/v$V/tokens/loadtest.token")
TOKEN2=$(cat "$STATE/v$V/tokens/loadtest2.token")
export INVENIO_TOKEN=$TOKEN
PASSWORD=$(cat "$STATE/v$V/tokens/loadtest.password")
export INVENIO_WEB_USERS="loadtest@example.org:$PASSWORD"
ok=true
# First: it also publishes a record with a PNG the instance renders, which the harvest below then finds.
INVENIO_TOKEN_2=$TOKEN2 mvn -q -B exec:java@differential -Dconformance.real=$BASE -Dconformance.version="$V" \
    -Dconformance.out="$OUT/differential-v$V.md" >"$WORK/differential.log" 2>&1 || ok=false
tail -3 "$WORK/differential.log"
mvn -q -B exec:java@harvest -Dinvenio.baseUrl=$BASE -Dharvest.out="$WORK/data" -Dharvest.rate=20 \
    >"$WORK/harvest.log" 2>&1 || { echo "prove-web-real: harvest failed, see $WORK/harvest.log" >&2; exit 1; }

{
    echo "# Web UI and IIIF journeys on the real InvenioRDM v$V (scripts/prove-web-real.sh)"
    echo
    echo "| Simulation | Verdict | Requests | KO | Request kinds |"
    echo "|---|---|---:|---:|---|"
} >"$OUT/v$V.md"
# Image files the instance cannot render (no width/height in its manifest: data seeded before image files were real
# pictures) leave the IIIF journey after the manifest; keep the ones it renders so every IIIF request runs.
python3 - "$WORK/data/feeders/files.csv" "$BASE" <<'PY'
import csv, json, sys, urllib.request
path, base = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(path, newline="")))
def renders(rid, cache={}):
    if rid not in cache:
        with urllib.request.urlopen(f"{base}/api/iiif/record:{rid}/manifest") as r:
            cache[rid] = bool(json.load(r)["sequences"][0]["canvases"])
    return cache[rid]
keep = [r for r in rows if not r["mimetype"].startswith("image/") or renders(r["record_id"])]
with open(path, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys())); w.writeheader(); w.writerows(keep)
print(f"prove-web-real: {sum(r['mimetype'].startswith('image/') for r in keep)} of "
      f"{sum(r['mimetype'].startswith('image/') for r in rows)} image files render on the instance")
PY
for sim in LandingPage SearchPage FrontPage CommunityPages Uploads Iiif DefaultMix; do
    extra=()
    [[ $sim == DefaultMix ]] && extra=(-Dtraffic.depositors=0 -Dtraffic.harvesters=0)
    mvn -B gatling:test -Dsimulation=rdmloadtest.simulations.${sim}Simulation -Dprofile=smoke \
        -Dinvenio.baseUrl=$BASE -Dinvenio.version="$V" -Ddata.dir="$WORK/data" -Dhistory.record=false \
        "${extra[@]}" >"$WORK/$sim.log" 2>&1 || ok=false
    summary=$(grep -o "target/gatling/[a-z]*simulation-[0-9]*" "$WORK/$sim.log" | tail -1)/summary.json
    [[ -f $summary ]] || summary=
    if [[ -z $summary ]]; then echo "| $sim | no run (see $WORK/$sim.log) | | | |" >>"$OUT/v$V.md"; ok=false; continue; fi
    python3 - "$summary" "$sim" >>"$OUT/v$V.md" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
reqs = d["requests"]
n = sum(r["run"]["count"] for r in reqs); ko = sum(r["run"]["ko"] for r in reqs)
kinds = ", ".join(f'{r["name"]} {r["run"]["count"]}' + (f' ({r["run"]["ko"]} KO)' if r["run"]["ko"] else "") for r in reqs)
print(f'| {sys.argv[2]} | {d["verdict"]} | {n} | {ko} | {kinds} |')
PY
done
cat "$OUT/v$V.md"

# What a landing page costs against the JSON record, at low load: one client, 3 warm-ups, then 20 sequential each.
python3 - "$BASE" "$WORK/data/feeders/records.csv" >>"$OUT/v$V.md" <<'PY'
import csv, statistics, sys, time, urllib.request
base, records = sys.argv[1], sys.argv[2]
rid = next(r["id"] for r in csv.DictReader(open(records, newline="")) if r["access_status"] == "open")
def timed(path, n):
    out = []
    for _ in range(n):
        t = time.perf_counter()
        with urllib.request.urlopen(base + path) as r: size = len(r.read())
        out.append((time.perf_counter() - t) * 1000)
    return out, size
print("\n| Record " + rid + " | mean ms | min | max | bytes |\n|---|---:|---:|---:|---:|")
for name, path in (("landing page /records/{id}", f"/records/{rid}"), ("JSON /api/records/{id}", f"/api/records/{rid}")):
    timed(path, 3)
    ms, size = timed(path, 20)
    print(f"| {name} | {statistics.mean(ms):.1f} | {min(ms):.1f} | {max(ms):.1f} | {size} |")
PY
tail -4 "$OUT/v$V.md"
if $ok; then echo "PROOF PASSED"; else echo "PROOF FAILED"; exit 1; fi
