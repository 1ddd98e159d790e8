#!/usr/bin/env bash
# Proves invenio-local's bulk load (issue 22) on the running local InvenioRDM: `load-records N` is killed with kill -9
# once its first chunk is in, plus KILL_AFTER seconds (the wrapper, the loader and its workers at once), run again to the end, then checked
# (invenio-local/check_records.py: counts PostgreSQL == index == datagen, sampled records field by field, searches,
# file md5s), then the data set's records are reindexed by InvenioRDM's own machinery (RecordIndexer.bulk_index and
# process_bulk_queue, what rebuild-index runs) and checked again: counts and the sample's search documents must not
# change.
#
#   scripts/prove-bulk-load.sh [N]      N records (default 1000); the instance must be up (invenio-local up)
#
# Environment: INVENIO_LOCAL_STATE (invenio-local/.state), INVENIO_LOCAL_RECORDS_SEED (42), KILL_AFTER (seconds after
# the first chunk is in, default 5), SAMPLE (1000), LANDING_SAMPLE (SAMPLE: landing pages asked for),
# REBUILD (1: reindex and compare; 0: skip: the service's indexer does about 10 records/s here).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IL="$ROOT/invenio-local/invenio-local"
N="${1:-1000}"
KILL_AFTER="${KILL_AFTER:-5}"
SAMPLE="${SAMPLE:-1000}"
LANDING_SAMPLE="${LANDING_SAMPLE:-$SAMPLE}"
REBUILD="${REBUILD:-1}"
STATE="${INVENIO_LOCAL_STATE:-$ROOT/invenio-local/.state}"
VSTATE="$STATE/v13"
SEED="${INVENIO_LOCAL_RECORDS_SEED:-42}"
MARK="records-$N"
[[ "$SEED" == 42 ]] || MARK="records-$N-seed$SEED"
DATA="$VSTATE/datasets/$MARK"
PY="$VSTATE/venv/bin/python"
OUT="$VSTATE/prove-bulk-load"

die() { printf 'prove-bulk-load: %s\n' "$*" >&2; exit 1; }
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N: '$N': expected a number of records"
[[ "$KILL_AFTER" =~ ^[0-9]+$ ]] || die "KILL_AFTER: '$KILL_AFTER': expected seconds"
[[ -x "$PY" ]] || die "no InvenioRDM v13 venv at $VSTATE/venv (invenio-local up first)"
curl -sf --max-time 10 http://127.0.0.1:5000/api/ping >/dev/null || die "InvenioRDM is not answering on 127.0.0.1:5000 (invenio-local up first)"
mkdir -p "$OUT"

if [[ -f "$VSTATE/done/$MARK" ]]; then
    echo "prove-bulk-load: $MARK already loaded: no kill, only the checks"
else
    log="$VSTATE/load-records.log"
    before=$(grep -c '^load-records: chunk' "$log" 2>/dev/null || true)
    echo "prove-bulk-load: load-records $N; kill -9 ${KILL_AFTER}s after its first chunk is in"
    setsid "$IL" load-records "$N" >"$OUT/load-1.log" 2>&1 &
    loader=$!
    while kill -0 "$loader" 2>/dev/null && (( $(grep -c '^load-records: chunk' "$log" 2>/dev/null || true) <= ${before:-0} )); do
        sleep 1
    done
    sleep "$KILL_AFTER"
    if kill -0 "$loader" 2>/dev/null; then
        kill -9 -- "-$loader"   # the whole session: the wrapper, the loader and its workers
        wait "$loader" 2>/dev/null || true
        echo "prove-bulk-load: killed (kill -9) mid-load; the loader's last lines:"
        tail -3 "$log" | sed 's/^/    /'
    else
        die "the load ended before the kill: raise N, lower KILL_AFTER or INVENIO_LOCAL_LOAD_CHUNK"
    fi
    "$IL" load-records "$N" | tee "$OUT/load-2.log"
fi

check() { (cd "$VSTATE/instance" && INVENIO_INSTANCE_PATH="$VSTATE/instance" "$PY" "$ROOT/invenio-local/check_records.py" \
    "$DATA" http://127.0.0.1:5000/api "$VSTATE/tokens/loadtest-admin.token" --sample "$SAMPLE" --landing-sample "$LANDING_SAMPLE" "$@") 2>>"$OUT/check.err"; }

if [[ "$REBUILD" == 1 ]]; then check --rebuild; else check; fi
echo "prove-bulk-load: all checks passed"
