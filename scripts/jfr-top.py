#!/usr/bin/env python3
"""Where a JFR profile of the injector went: each execution sample (`jfr print --events jdk.ExecutionSample`) in the
first group its stack matches, start-up left out, and the top frames. scripts/jfr-top.py <samples.txt>..."""
import sys, re, collections
cats = [
 ("startup", r"Simulation\.<init>|<clinit>|ClassLoader|GatlingConfiguration"),
 ("JSONPath: Jackson tree of the body", r"JsonParsers\.parse|JsonParsers\.safeParse"),
 ("JSONPath: evaluation", r"io\.gatling\.jsonpath|JsonPaths"),
 ("JsonFields / RecordPageFields (ours)", r"rdmloadtest\.api\.(JsonFields|RecordPageFields)"),
 ("regex checks", r"RegexExtractors|Patterns\.find"),
 ("substring checks", r"SubstringExtractors"),
 ("other checks (status, headers, body to bytes/String)", r"io\.gatling\.core\.check|io\.gatling\.http\.check"),
 ("journeys, live view, monitor", r"rdmloadtest\."),
 ("Netty: reading responses", r"channelRead|epollInReady|HttpObjectDecoder"),
 ("Netty: writing requests", r"write|flush|Encoder"),
 ("Gatling engine (actions, sessions, stats)", r"io\.gatling"),
]
def load(path):
    text = open(path).read()
    c = collections.Counter(); selfc = collections.Counter(); n = 0
    for e in text.split("jdk.ExecutionSample {")[1:]:
        m = re.search(r"stackTrace = \[(.*?)\n\s*\]", e, re.S)
        if not m: continue
        st = m.group(1)
        cat = next((name for name, p in cats if re.search(p, st)), "other (JDK, Netty internals)")
        c[cat] += 1
        if cat == "startup": continue
        n += 1
        top = re.sub(r"\s+line:.*", "", st.strip().split("\n")[0].strip())
        top = re.sub(r"\(.*", "", top)
        selfc[top] += 1
    return c, selfc, n
for path in sys.argv[1:]:
    c, selfc, n = load(path)
    print(f"### {path}: {n} samples (without {c['startup']} of start-up)")
    for k, v in c.most_common():
        if k != "startup": print(f"  {100*v/n:5.1f}%  {k}")
    print("  top frames:", "; ".join(f"{f.split('.')[-2]}.{f.split('.')[-1]} {100*v/n:.0f}%" for f, v in selfc.most_common(5)))
