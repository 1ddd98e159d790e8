#!/usr/bin/env bash
# Benchmarks the data generator: 1,000,000 records (RECORDS=...) with a 512 MB heap; prints records/s and peak heap.
# Peak heap is reported twice: the JVM's own heap-pool peaks (MemoryPoolMXBean, printed by DatagenMain) and the
# largest heap-in-use figure in the GC log; max RSS of the whole process comes from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS="${RECORDS:-1000000}"
OUT="${OUT:-target/bench-datagen}"
HEAP="${HEAP:-512m}"

mvn -q -B compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/datagen.classpath >/dev/null
CP="target/classes:$(cat target/datagen.classpath)"

rm -rf "$OUT"
GC_LOG="target/bench-datagen-gc.log"
TIME_LOG="target/bench-datagen-time.txt"
/usr/bin/time -v -o "$TIME_LOG" \
  java "-Xmx$HEAP" "-Xlog:gc:file=$GC_LOG" -cp "$CP" \
  -Ddatagen.records="$RECORDS" -Ddatagen.out="$OUT" rdmloadtest.datagen.DatagenMain

# GC log lines end like "Pause Young (Normal) (G1 Evacuation Pause) 180M->20M(512M) 3.2ms": the left figure is heap in use.
GC_PEAK_MB=$(grep -oE '[0-9]+M->[0-9]+M' "$GC_LOG" | sed -E 's/M->.*//' | sort -n | tail -1)
echo "bench-datagen: records=$RECORDS heap=-Xmx$HEAP"
echo "bench-datagen: peak heap in use before a GC (GC log): ${GC_PEAK_MB:-?} MB"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$TIME_LOG" | sed 's/^\s*/bench-datagen: /'
du -sh "$OUT" | sed 's/^/bench-datagen: output size /'
