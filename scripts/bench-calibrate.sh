#!/usr/bin/env bash
# Calibration speed: LINES (default 10 million) synthetic access-log lines with known parameters, gzipped,
# read by `mvn -q exec:java@calibrate` in a JVM of at most 512 MB heap; prints the time, lines/s, the peak
# heap, and what was recovered against the truth (shares per class, Zipf exponent 1.1, peak hour 14).
# The issue's budget: 10 million lines in at most 2 minutes with at most 512 MB of heap on this 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-10000000}
FORMAT=${FORMAT:-combined}
DIR=${DIR:-target/bench-calibrate}
mkdir -p "$DIR"
mvn -q test-compile
LOG=$DIR/access-$LINES-$FORMAT.log.gz
if [[ ! -s $LOG || ! -s $LOG.truth.txt ]]; then
    mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=rdmloadtest.calibrate.SyntheticLog \
        -Dexec.args="$LOG $LINES $FORMAT"
fi
ls -l "$LOG"
CP=$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
start=$(date +%s.%N)
java -Xmx512m -XX:+UseParallelGC -Xlog:gc*:file="$DIR/gc.log" -cp "target/classes:target/test-classes:$CP" \
    -Dcalibrate.log="$LOG" -Dcalibrate.out="$DIR/out" rdmloadtest.calibrate.CalibrateMain
end=$(date +%s.%N)
peak=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$DIR/gc.log" | sed -E 's/([0-9]+)M->.*/\1/' | sort -n | tail -1)
awk -v s="$start" -v e="$end" -v n="$LINES" -v p="${peak:-0}" \
    'BEGIN { printf "bench-calibrate: %d lines in %.1f s wall (JVM included): %.0f lines/s; peak heap before GC %s MB (-Xmx512m)\n", n, e - s, n / (e - s), p }'
echo "bench-calibrate: $(cat "$LOG.truth.txt")"
grep -E '^# Shares|^traffic.zipfExponent|^# Peak' "$DIR/out/calibrated.properties"
