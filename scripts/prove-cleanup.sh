#!/usr/bin/env bash
# Proof that a crashed deposit run leaves nothing behind once cleanup has run, against a real InvenioRDM
# (invenio-local by default): a deposit run is killed with kill -9 mid-way, the depositors' open drafts are
# counted through the API, then `mvn -q exec:java@cleanup` deletes the drafts (from the run's ledger) and, with
# the administrator's token, the records the run published (by its marker); then everything is counted again.
#
#   scripts/prove-cleanup.sh                       # invenio-local v13 on 127.0.0.1:5000, its tokens
#   INVENIO_BASE=http://127.0.0.1:5000 STATE=invenio-local/.state/v14 KILL_AFTER=40 scripts/prove-cleanup.sh
#
# Prints one line per count and ends with "PROOF PASSED" (exit 0) or "PROOF FAILED" (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${INVENIO_BASE:-http://127.0.0.1:5000}
STATE=${STATE:-invenio-local/.state/v$(cat invenio-local/.state/active-version 2>/dev/null || echo 13)}
VERSION=${VERSION:-$(basename "$STATE" | tr -d v)}
KILL_AFTER=${KILL_AFTER:-45}   # seconds of deposit load before kill -9
RUN_ID=killproof-$(date +%Y%m%d%H%M%S)
LEDGERS=${LEDGERS:-target/prove-cleanup/drafts}
TOKENS_DIR=$STATE/tokens
for f in loadtest.token loadtest2.token loadtest-admin.token; do
    [[ -s $TOKENS_DIR/$f ]] || { echo "prove-cleanup: $TOKENS_DIR/$f: missing; run invenio-local/invenio-local up first" >&2; exit 3; }
done
INVENIO_TOKENS="$(cat "$TOKENS_DIR/loadtest.token"),$(cat "$TOKENS_DIR/loadtest2.token")"
INVENIO_ADMIN_TOKEN=$(cat "$TOKENS_DIR/loadtest-admin.token")
export INVENIO_TOKENS INVENIO_ADMIN_TOKEN
mkdir -p "$LEDGERS" target/prove-cleanup

# Open drafts of one depositor: never-published drafts and edits of published records (through the API).
drafts_of() {
    curl -sf -H "Authorization: Bearer $1" \
        "$BASE/api/user/records?q=is_published:false%20OR%20has_draft:true&size=1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"]["total"])'
}
drafts() {
    local a b
    a=$(drafts_of "$(cat "$TOKENS_DIR/loadtest.token")")
    b=$(drafts_of "$(cat "$TOKENS_DIR/loadtest2.token")")
    echo $((a + b))
}
# Records (every version) carrying the run's marker, as the administrator's search sees them.
published() {
    curl -sf -G -H "Authorization: Bearer $INVENIO_ADMIN_TOKEN" "$BASE/api/records" \
        --data-urlencode "q=metadata.subjects.subject:\"rdm-loadtest:$RUN_ID\"" -d allversions=true -d size=1 |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"]["total"])'
}

mvn -q test-compile
before=$(drafts)
echo "prove-cleanup: $BASE (v$VERSION), run $RUN_ID: open drafts of the two depositors before the run: $before"
mvn gatling:test -Dsimulation=rdmloadtest.simulations.DepositSimulation -Dprofile=load \
    -Dinvenio.baseUrl="$BASE" -Dinvenio.version="$VERSION" -Dinvenio.allowWrites=true \
    -Drun.id="$RUN_ID" -Drun.ledgerDir="$LEDGERS" -Drun.duration=300s -Dtraffic.depositors=4 \
    -Dtraffic.depositors.pause=0s -Dinjector.maxMachineCpuPct=100 -Dhistory.record=false -Dbaseline.runs=0 \
    -Ddata.depositTemplates=data/default/records.jsonl \
    > target/prove-cleanup/run.out 2>&1 &
mvn_pid=$!
sleep "$KILL_AFTER"
gatling=$(pgrep -P "$mvn_pid" -f 'io.gatling.app.Gatling' | head -1 || true)
[[ -n $gatling ]] || { echo "prove-cleanup: no Gatling JVM to kill; see target/prove-cleanup/run.out" >&2; exit 4; }
kill -9 "$gatling"
wait "$mvn_pid" || true
sleep 3   # the search index's refresh (1 s in InvenioRDM's default)
after_kill=$(drafts)
pub=$(published)
echo "prove-cleanup: kill -9 after ${KILL_AFTER}s: open drafts $after_kill (+$((after_kill - before)) left by the run), published records with the run's marker $pub"

mvn -q exec:java@cleanup -Dinvenio.baseUrl="$BASE" -Drun.ledgerDir="$LEDGERS" -Dcleanup.runId="$RUN_ID" \
    -Dcleanup.published=true > target/prove-cleanup/cleanup-list.out
mvn -q exec:java@cleanup -Dinvenio.baseUrl="$BASE" -Drun.ledgerDir="$LEDGERS" -Dcleanup.runId="$RUN_ID" \
    -Dcleanup.published=true -Dcleanup.apply=true > target/prove-cleanup/cleanup.out
grep -E '^cleanup: [0-9]+ ' target/prove-cleanup/cleanup.out || true
sleep 3
after=$(drafts)
pub_after=$(published)
echo "prove-cleanup: after cleanup: open drafts $after, published records with the run's marker $pub_after"
mvn -q exec:java@cleanup -Dinvenio.baseUrl="$BASE" -Drun.ledgerDir="$LEDGERS" -Dcleanup.runId="$RUN_ID" \
    -Dcleanup.published=true -Dcleanup.apply=true > target/prove-cleanup/cleanup-again.out
grep -E '^cleanup: [0-9]+ ' target/prove-cleanup/cleanup-again.out || true
if [[ $after -le $before && $pub_after -eq 0 && $after_kill -gt $before ]]; then
    echo "PROOF PASSED"
else
    echo "PROOF FAILED (the kill must leave drafts, and cleanup must remove them and the published records)"
    exit 1
fi
