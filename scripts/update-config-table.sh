#!/usr/bin/env bash
# Regenerates the configuration table in docs/configuration.md from config/Keys.java (ConfigDocsTest compares them).
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(mvn -q -B -Dstyle.color=never test-compile exec:java@config-table | sed "s/\x1b\[[0-9;]*m//g")
python3 - "$table" <<'PY'
import sys, re
table = sys.argv[1].strip() + "\n"
s = open("docs/configuration.md").read()
s = re.sub(r"<!-- config-table:start -->\n.*?<!-- config-table:end -->\n",
           lambda m: "<!-- config-table:start -->\n" + table + "<!-- config-table:end -->\n", s, flags=re.S)
open("docs/configuration.md", "w").write(s)
PY
