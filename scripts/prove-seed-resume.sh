#!/usr/bin/env bash
# Proof that a seeding killed with kill -9 at random moments and resumed each time publishes every source record
# exactly once, against a real InvenioRDM (invenio-local by default): a data set of RECORDS generated records is
# seeded, the seeder is killed KILLS times at a random moment (KILL_MIN..KILL_MAX s after its start) and rerun with
# the same progress file, then run to its end; then, through the API: every source record's identity subject
# (rdm-loadtest:seed:<source id>) is on exactly one published record, no draft is left, and the target holds exactly
# RECORDS records more than before. Cleanup (-Dcleanup.runId=seed) then deletes what was seeded.
#
#   scripts/prove-seed-resume.sh                   # invenio-local v13 on 127.0.0.1:5000, its tokens
#   STATE=/work/invenio-state/v13 KILLS=20 RECORDS=40 scripts/prove-seed-resume.sh
#
# Prints one line per kill and per count and ends with "PROOF PASSED" (exit 0) or "PROOF FAILED" (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${INVENIO_BASE:-http://127.0.0.1:5000}
STATE=${STATE:-invenio-local/.state/v$(cat invenio-local/.state/active-version 2>/dev/null || echo 13)}
KILLS=${KILLS:-20}
RECORDS=${RECORDS:-40}
KILL_MIN=${KILL_MIN:-5}   # seconds after the seeder's start (its JVM starts in 1-5 s)
KILL_MAX=${KILL_MAX:-40}
OUT=${OUT:-target/prove-seed-resume}
TOKENS_DIR=$STATE/tokens
for f in loadtest.token loadtest-admin.token; do
    [[ -s $TOKENS_DIR/$f ]] || { echo "prove-seed-resume: $TOKENS_DIR/$f: missing; run invenio-local/invenio-local up first" >&2; exit 3; }
done
INVENIO_TOKEN=$(cat "$TOKENS_DIR/loadtest.token")
INVENIO_ADMIN_TOKEN=$(cat "$TOKENS_DIR/loadtest-admin.token")
export INVENIO_TOKEN INVENIO_ADMIN_TOKEN
rm -rf "$OUT"
mkdir -p "$OUT"

# Counts through the API (jq-free): the total of one search.
total() { python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"]["total"])'; }
# Every version of every record the administrator's search finds.
all_records() {
    curl -sf -H "Authorization: Bearer $INVENIO_ADMIN_TOKEN" "$BASE/api/records?allversions=true&size=1" | total
}
# The depositor's drafts (never published, or edits of published records).
drafts() {
    curl -sf -H "Authorization: Bearer $INVENIO_TOKEN" \
        "$BASE/api/user/records?q=is_published:false%20OR%20has_draft:true&size=1" | total
}
# Published records whose subjects hold this one whole (a phrase may match a longer one: counted exactly).
published_with() {
    curl -sf -G -H "Authorization: Bearer $INVENIO_ADMIN_TOKEN" "$BASE/api/records" \
        --data-urlencode "q=metadata.subjects.subject:\"$1\"" -d allversions=true -d size=100 |
        python3 -c 'import json,sys
s=sys.argv[1]
print(sum(1 for h in json.load(sys.stdin)["hits"]["hits"]
          if any(x.get("subject")==s for x in h["metadata"].get("subjects",[]))))' "$1"
}

mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" -Dmdep.includeScope=runtime
# A copy of the classes: a build during the proof does not change the seeder under test.
cp -r target/classes "$OUT/classes"
CP=$OUT/classes:$(cat "$OUT/classpath")
# java itself, never through a shell function: kill -9 must hit the seeder's JVM.
run_java() { java -cp "$CP" "$@"; }

run_java -Ddatagen.records="$RECORDS" -Ddatagen.out="$OUT/data" -Ddatagen.maxFileSize=256k \
    rdmloadtest.datagen.DatagenMain > "$OUT/datagen.out"
sources=$(python3 -c 'import json,sys
for l in open(sys.argv[1]):
    if l.strip(): print(json.loads(l)["id"])' "$OUT/data/records.jsonl")
before=$(all_records)
drafts_before=$(drafts)
echo "prove-seed-resume: $BASE: $RECORDS generated records ($(echo "$sources" | wc -l) source ids); records before: $before, drafts before: $drafts_before"

SEED=(-Dinvenio.baseUrl="$BASE" -Dseed.data="$OUT/data" -Dseed.progressFile="$OUT/progress.csv" rdmloadtest.seed.SeedMain)
published_lines() { sort -u "$OUT/progress.csv" 2>/dev/null | grep -c ',published$' || true; }
kills=0
attempt=0
while (( kills < KILLS )); do
    attempt=$((attempt + 1))
    delay=$(python3 -c "import random; print(round(random.uniform($KILL_MIN, $KILL_MAX), 1))")
    java -cp "$CP" "${SEED[@]}" > "$OUT/seed-$attempt.out" 2>&1 &
    pid=$!
    sleep "$delay"
    if kill -9 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || true
        kills=$((kills + 1))
        echo "prove-seed-resume: kill -9 #$kills at ${delay}s: $(published_lines) of $RECORDS published in the progress file"
    else
        wait "$pid" || true
        echo "prove-seed-resume: attempt $attempt finished before its kill at ${delay}s: more records needed for $KILLS kills" >&2
        break
    fi
done
run_java "${SEED[@]}" > "$OUT/seed-final.out" 2>&1 || { echo "prove-seed-resume: the final seeding failed; see $OUT/seed-final.out" >&2; exit 1; }
grep '^seed: done' "$OUT/seed-final.out"
adopted=$(cat "$OUT"/seed-*.out | grep -c 'already published as' || true)
resumed=$(cat "$OUT"/seed-*.out | grep -c 'resuming draft' || true)
found=$(cat "$OUT"/seed-*.out | grep -c 'found draft' || true)
sleep 3   # the search index's refresh (1 s in InvenioRDM's default)

once=0
wrong=""
for s in $sources; do
    n=$(published_with "rdm-loadtest:seed:$s")
    if [[ $n == 1 ]]; then once=$((once + 1)); else wrong="$wrong $s:$n"; fi
done
after=$(all_records)
drafts_after=$(drafts)
echo "prove-seed-resume: after $kills kill(s) and resumes: $once of $RECORDS source records published exactly once${wrong:+ (not once:$wrong)};" \
    "records $before -> $after (+$((after - before))), drafts $drafts_before -> $drafts_after;" \
    "the resumes adopted $adopted record(s) published before their line was written and resumed $resumed draft(s)" \
    "($found of them found by their identity: their id never written)"

INVENIO_TOKENS=$INVENIO_TOKEN run_java -Dinvenio.baseUrl="$BASE" -Dcleanup.runId=seed -Dcleanup.published=true -Dcleanup.apply=true \
    -Drun.ledgerDir="$OUT/drafts" rdmloadtest.run.CleanupMain > "$OUT/cleanup.out" 2>&1 || true
grep -E '^cleanup: [0-9]+ published' "$OUT/cleanup.out" || true
sleep 3
cleaned=$(all_records)
echo "prove-seed-resume: after cleanup: records $cleaned (before the seeding: $before)"

if [[ $kills -eq $KILLS && $once -eq $RECORDS && $((after - before)) -eq $RECORDS && $drafts_after -eq $drafts_before ]]; then
    echo "PROOF PASSED"
else
    echo "PROOF FAILED"
    exit 1
fi
