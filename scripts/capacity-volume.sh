#!/usr/bin/env bash
# Capacity against volume (issue 22 item 4): one capacity search of the read mix on a real InvenioRDM (invenio-local,
# --monitoring, the web UI built) at each of SIZES records, the instance grown from one size to the next with
# `invenio-local load-records` (each increment a data set of its own datagen seed, so nothing is loaded twice), for
# each of VERSIONS; one capacity report folder per version and size, OUT/v<version>-<records>.
#
#   scripts/capacity-volume.sh [--wipe] [OUT]     # OUT: target/capacity-volume; about 25 minutes a size
#
# VERSIONS="13 14" (default 13), SIZES="1000 10000 100000" (default; ascending), SEED0 (1000: the first increment's
# seed, then SEED0+1, ...). Without --wipe the instance must hold no datagen records but this script's (it refuses
# otherwise: the sizes would be wrong); --wipe runs `invenio-local wipe` first, which drops the version's database
# and indices. A size whose OUT folder holds a capacity.json is not measured again (a rerun resumes).
# The readers' mix without writes: REST readers, landing pages, search, front and community pages; no deposits,
# harvesters, uploads (they need web users) or IIIF. Steps of 60 s (50 s measured), a failing step measured again.
# The injector shares the host with the target: the machine-CPU rule is off, its own CPU and lag still count, and it
# runs at nice -10 so that the target's tiers, not the injector, wait for a core. After a load the search waits until
# the tiers are idle (OpenSearch merges and refreshes, the app's caches): what the load left running is not the mix's.
# A size smaller than what the instance already holds cannot be measured (it says so, and the script exits 1 at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

WIPE=0
if [[ ${1:-} == --wipe ]]; then WIPE=1; shift; fi
OUT=${1:-target/capacity-volume}
VERSIONS=${VERSIONS:-13}
SIZES=${SIZES:-1000 10000 100000}
SEED0=${SEED0:-1000}
LOCAL=invenio-local/invenio-local
STATE=$(realpath -m "${INVENIO_LOCAL_STATE:-invenio-local/.state}")
export INVENIO_LOCAL_STATE=$STATE
WORK=target/capacity-volume-work
mkdir -p "$OUT" "$WORK"
die() { echo "capacity-volume: $*" >&2; exit 1; }
missing=()

tiers_ns() { # CPU ns so far of every invenio-local tier (cgroup v1 cpuacct), or nothing without its cgroups
    local f=/sys/fs/cgroup/cpuacct/invenio-local/cpuacct.usage
    [[ -r $f ]] && cat "$f"
}

wait_idle() { # until the tiers use under 0.2 cores over 15 s (at most 5 minutes)
    local a b t=0
    a=$(tiers_ns) || { sleep 40; return 0; }
    while ((t < 300)); do
        sleep 15; t=$((t + 15))
        b=$(tiers_ns)
        if (((b - a) < 3000000000)); then echo "  idle after ${t} s"; return 0; fi
        a=$b
    done
    echo "  still busy after ${t} s ($(((b - a) / 150000000)) % of a core): measuring anyway"
}

prev=0
for s in $SIZES; do
    [[ $s =~ ^[1-9][0-9]*$ ]] || die "SIZES: '$s' is not a positive whole number of records"
    ((s > prev)) || die "SIZES must ascend (got $s after $prev)"
    prev=$s
done
for v in $VERSIONS; do [[ $v == 13 || $v == 14 ]] || die "VERSIONS: '$v' is not 13 or 14"; done
mvn -q -B test-compile

for v in $VERSIONS; do
    log="$WORK/v$v"
    if ((WIPE)); then
        "$LOCAL" up --version "$v" --monitoring >"$log-up0.log" 2>&1 || die "up failed, see $log-up0.log"
        "$LOCAL" wipe --version "$v" >"$log-wipe.log" 2>&1 || die "wipe failed, see $log-wipe.log"
    fi
    "$LOCAL" up --version "$v" --monitoring >"$log-up.log" 2>&1 || die "up failed, see $log-up.log"
    marks="$STATE/v$v/done"
    for m in "$marks"/records-*; do
        [[ -e $m ]] || continue
        seed=${m##*-seed}; seed=${seed%.started}
        [[ $m == *-seed* && $seed -ge $SEED0 ]] || die "v$v already holds $(basename "$m") (not this script's): --wipe, or another INVENIO_LOCAL_STATE"
    done
    loaded=0 i=0
    for size in $SIZES; do
        name="v$v-$size"
        add=$((size - loaded))
        echo "capacity-volume: $name: load-records $add (seed $((SEED0 + i)))"
        INVENIO_LOCAL_RECORDS_SEED=$((SEED0 + i)) "$LOCAL" load-records "$add" --version "$v" >"$log-load-$size.log" 2>&1 \
            || die "load-records failed, see $log-load-$size.log"
        grep 'records: \|CPU: loader' "$log-load-$size.log" | tail -2 | sed "s/^/  $name: /"
        loaded=$size i=$((i + 1))
        if [[ -f $OUT/$name/capacity.json ]]; then
            echo "capacity-volume: $name: measured already ($OUT/$name)"
            continue
        fi
        later=$(find "$marks" -maxdepth 1 -name "records-*-seed$((SEED0 + i))*" | head -1)
        if [[ -n $later ]]; then
            echo "capacity-volume: $name: NOT measured: the instance already holds the next size's records ($(basename "$later")); --wipe to measure it"
            missing+=("$name")
            continue
        fi
        wait_idle # Prometheus's 30 s rate windows fill meanwhile, before the run's preflight asks them
        token=$(cat "$STATE/v$v/tokens/loadtest.token")
        rm -rf "${WORK:?}/$name"
        # Feeders of what the instance holds now: the first 3,000 records its search pages (the shipped data set names
        # records it does not have); the harvest is over before the search, its rate does not matter
        INVENIO_TOKEN=$token mvn -q -B exec:java@harvest -Dinvenio.baseUrl=http://127.0.0.1:5000 \
            -Dharvest.out="$WORK/$name/data" -Dharvest.rate=50 -Dharvest.maxRecords=3000 \
            >"$WORK/$name-harvest.log" 2>&1 || die "harvest failed, see $WORK/$name-harvest.log"
        echo "capacity-volume: $name: capacity search"
        wait_idle
        INVENIO_TOKEN=$token nice -n -10 mvn -q -B exec:java@capacity -Dinvenio.baseUrl=http://127.0.0.1:5000 -Dinvenio.version="$v" \
            -Dmetrics.file="$STATE/monitoring/metrics.json" -Dmetrics.wait=90s -Ddata.dir="$WORK/$name/data" \
            -Dtraffic.depositors=0 -Dtraffic.harvesters=0 -Dtraffic.mix.uploads=0 -Dtraffic.mix.iiif=0 \
            -Dhistory.record=false -Dinjector.maxMachineCpuPct=100 \
            -Dcapacity.journey=mix -Dcapacity.startRate=0.5 -Dcapacity.step=0.5 -Dcapacity.growth=1 -Dcapacity.maxRate=8 \
            -Dcapacity.stepDuration=60s -Dcapacity.settle=10s -Dcapacity.rampBetweenSteps=5s -Dcapacity.refineSteps=1 \
            -Dcapacity.confirmFailures=1 -Dcapacity.maxDuration=40m \
            -Dcapacity.expectedPeakRps=20 -Dcapacity.reportDir="$WORK/$name/report" >"$WORK/$name-capacity.log" 2>&1 || true
        grep '^capacity: ' "$WORK/$name-capacity.log" | grep -v 'live t+\|starting' | tail -3 | sed "s/^/  $name: /"
        report=$(echo "$WORK/$name/report"/*/capacity.json)
        [[ -f $report ]] || die "$name: no report, see $WORK/$name-capacity.log"
        rm -rf "${OUT:?}/$name"
        mv "$(dirname "$report")" "$OUT/$name"
    done
done
echo "capacity-volume: reports in $OUT"
((${#missing[@]} == 0)) || die "not measured: ${missing[*]}"
