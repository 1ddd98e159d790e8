#!/usr/bin/env python3
"""Where a JFR profile of the injector went: each execution sample (`jfr print --events jdk.ExecutionSample`) given to
the component whose code it was running, read from the top of its stack down (the JDK's and Scala's own frames count
for the first component that called them: a String decoded for a check counts for the check), start-up left out; then
the top frames. scripts/jfr-top.py <samples.txt>..."""
import sys, re, collections

STARTUP = r"Simulation\.<init>|<clinit>|ClassLoader|GatlingConfiguration"
# Frames that say what the work was even inside the JDK.
SPECIFIC = [
    ("regex", r"^java\.util\.regex\."),
    ("response bodies (to bytes, to String)", r"^io\.gatling\.http\.response\.|ByteBufUtils\.|^java\.nio\.charset\.|UTF_8\$Decoder"),
]
# Otherwise the first frame of a component, from the top down.
COMPONENTS = [
    ("JSONPath", r"^io\.gatling\.jsonpath\.|JsonPaths|JsonParsers"),
    ("Jackson", r"^com\.fasterxml\.jackson\."),
    ("our readers (JsonFields, RecordPageFields)", r"^rdmloadtest\.api\.(JsonFields|RecordPageFields)"),
    ("journeys, live view, monitor", r"^rdmloadtest\."),
    ("Gatling checks", r"^io\.gatling\.(core|http)\.check\."),
    ("Gatling HTTP client", r"^io\.gatling\.http\.client\."),
    ("Gatling engine (actions, sessions, stats)", r"^io\.gatling\."),
    ("Netty buffers", r"^io\.netty\.buffer\.|^io\.netty\.util\."),
    ("Netty HTTP codec", r"^io\.netty\.handler\."),
    ("Netty channels and event loop", r"^io\.netty\."),
    ("JFR", r"^jdk\.jfr\."),
]
JDK = r"^(java|javax|jdk|sun|scala)\."


def frames(sample):
    return [re.sub(r"\(.*", "", re.sub(r"\s+line:.*", "", l.strip())) for l in sample.strip().split("\n")]


def component(stack):
    for f in stack:
        for name, p in SPECIFIC:
            if re.search(p, f):
                return name
        if re.search(JDK, f):
            continue
        for name, p in COMPONENTS:
            if re.search(p, f):
                return name
        return "other"
    return "JDK alone (GC, compiler threads' Java, timers)"


def load(path):
    text = open(path).read()
    c = collections.Counter(); top = collections.Counter(); n = startup = 0
    for e in text.split("jdk.ExecutionSample {")[1:]:
        m = re.search(r"stackTrace = \[(.*?)\n\s*\]", e, re.S)
        if not m:
            continue
        if re.search(STARTUP, m.group(1)):
            startup += 1
            continue
        stack = frames(m.group(1))
        n += 1
        c[component(stack)] += 1
        top[stack[0]] += 1
    return c, top, n, startup


for path in sys.argv[1:]:
    c, top, n, startup = load(path)
    print(f"### {path}: {n} samples (without {startup} of start-up)")
    for k, v in c.most_common():
        print(f"  {100*v/n:5.1f}%  {k}")
    print("  top frames:", "; ".join(f"{f.split('.')[-2]}.{f.split('.')[-1]} {100*v/n:.0f}%" for f, v in top.most_common(6)))
