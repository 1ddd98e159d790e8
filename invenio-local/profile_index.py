"""CPU a record of load_records.py's indexing, on chunks of a data set already loaded (they are indexed again: the same
documents, nothing else changes).

Usage: profile_index.py DATA_DIR FIRST COUNT [--chunk N] [--cprofile FILE]

Inside the instance's venv and app, as load_records.py's workers: indexes chunk 0 to warm the caches, then chunks
FIRST..FIRST+COUNT-1 and prints this process's CPU seconds a record, the search and database tiers' (their cgroups,
invenio-local/<tier>: on a busy machine other work in those tiers counts too), the SQL statements a record by table
and the load average. --cprofile FILE also writes a cProfile (CPU time) of those chunks (it slows them 2-3 times).
"""

import argparse
import collections
import cProfile
import os
import re
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load_records  # noqa: E402


def tier_cpu(tier):
    """CPU seconds of invenio-local's cgroup for the tier so far (v2 or v1), or None."""
    for path, scale in ((f"/sys/fs/cgroup/invenio-local/{tier}/cpu.stat", 1e6),
                        (f"/sys/fs/cgroup/cpuacct/invenio-local/{tier}/cpuacct.usage", 1e9)):
        if os.path.exists(path):
            with open(path) as f:
                text = f.read()
            value = re.search(r"usage_usec (\d+)", text).group(1) if "usage_usec" in text else text
            return int(value) / scale
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("first", type=int)
    ap.add_argument("count", type=int)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--cprofile")
    args = ap.parse_args()
    load_records.make_app()
    load_records.fast_dump_caches()
    from invenio_db import db
    from sqlalchemy import event

    chunks = load_records.chunks_of(load_records.read_parents(os.path.join(args.data, "records.jsonl")), args.chunk)
    if args.first < 1 or args.first + args.count > len(chunks):
        sys.exit(f"profile_index: chunks {args.first}..{args.first + args.count - 1}: the data set has chunks "
                 f"1..{len(chunks) - 1} besides the warm-up chunk 0")
    load_records.index_chunk(chunks[0])
    db.session.remove()
    statements = collections.Counter()

    def count(conn, cursor, statement, params, context, executemany):
        table = re.search(r"FROM (\w+)", statement)
        statements[table.group(1) if table else statement.split()[0]] += 1

    event.listen(db.engine, "before_cursor_execute", count)
    profile = cProfile.Profile(time.process_time) if args.cprofile else None
    tiers = {t: tier_cpu(t) for t in ("search", "database")}
    load0, wall0, me0 = os.getloadavg()[0], time.time(), resource.getrusage(resource.RUSAGE_SELF)
    if profile:
        profile.enable()
    n = 0
    for k in range(args.first, args.first + args.count):
        n += load_records.index_chunk(chunks[k])
        db.session.remove()
    if profile:
        profile.disable()
        profile.dump_stats(args.cprofile)
    me1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = me1.ru_utime - me0.ru_utime + me1.ru_stime - me0.ru_stime
    line = f"profile_index: {n} records indexed in {time.time() - wall0:.1f}s; loader {1000 * cpu / n:.1f} ms a record"
    for t, before in tiers.items():
        if before is not None:
            line += f", {t} {1000 * (tier_cpu(t) - before) / n:.1f} ms"
    print(f"{line}; load average {load0:.1f} -> {os.getloadavg()[0]:.1f}")
    print("profile_index: SQL statements a record: " + ", ".join(
        f"{table} {c / n:.2f}" for table, c in statements.most_common()))


if __name__ == "__main__":
    main()
