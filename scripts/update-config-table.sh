#!/usr/bin/env bash
# Regenerates the generated tables of the docs: the configuration table in docs/configuration.md from the key registry
# (ConfigDocsTest compares them) and the table of journeys in docs/traffic.md from the catalogue, mix/Journey.java
# (JourneyCatalogueTest compares them).
set -euo pipefail
cd "$(dirname "$0")/.."
strip() { sed "s/\x1b\[[0-9;]*m//g"; }
config=$(mvn -q -B -Dstyle.color=never test-compile exec:java@config-table | strip)
journeys=$(mvn -q -B -Dstyle.color=never exec:java@journey-table | strip)
python3 - "$config" "$journeys" <<'PY'
import sys, re
def put(path, marker, table):
    s = open(path).read()
    start, end = "<!-- %s:start -->\n" % marker, "<!-- %s:end -->\n" % marker
    s = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: start + table.strip() + "\n" + end, s, flags=re.S)
    open(path, "w").write(s)
put("docs/configuration.md", "config-table", sys.argv[1])
put("docs/traffic.md", "journey-table", sys.argv[2])
PY
