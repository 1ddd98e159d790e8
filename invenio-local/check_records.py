"""Check a bulk load (load_records.py) against its data set: consistent, or it failed.

Usage: check_records.py DATA_DIR API_URL TOKEN_FILE [--sample N] [--seed S] [--rebuild] [--snapshot FILE]
                        [--compare FILE] [--landing]

Runs inside the instance's venv (database and search through InvenioRDM's own config) and over HTTP (the REST API):
- counts: records, parents and latest versions of the data set in PostgreSQL == in the search index == in
  records.jsonl; every published record in PostgreSQL is in the index and nothing else is (the whole instance);
- N sampled records (seeded): GET /api/records/{id} (administrator token, so restricted ones answer) compared field
  by field with the generated record (metadata, access, files with the generated md5, parent, communities, owner,
  versions, created); a search by title finds each sampled latest version; each sampled file downloads with the
  generated md5 (up to 200 files); the landing page /records/{id} of the first --landing-sample of them is asked for
  and its status counted (--landing: each must answer 200);
- --rebuild: then reindexes the data set's records with InvenioRDM's own machinery (RecordIndexer.bulk_index, then
  process_bulk_queue, what rebuild-index and the Celery beat run) and fails if the counts or the sample's search
  documents changed; --snapshot FILE / --compare FILE do the same across runs (e.g. around invenio rdm
  rebuild-all-indices). The statistics and the indexing timestamp are left aside (the checks' own GETs are views).
Prints one line per check, "OK" or "FAILED: ..."; exits 1 if any failed. The token is read from its file and never
printed.
"""

import argparse
import csv
import hashlib
import http.client
import json
import os
import random
import sys
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load_records import OWNER_EMAIL, read_parents, uid  # noqa: E402

FAILED = []


def report(name, problems, detail=""):
    if problems and os.environ.get("CHECK_RECORDS_PROBLEMS"):
        with open(os.environ["CHECK_RECORDS_PROBLEMS"], "a") as f:
            f.writelines(f"{name}: {p}\n" for p in problems)
    if problems:
        FAILED.append(name)
        print(f"check {name}: FAILED: {len(problems)} problem(s), e.g. " + "; ".join(map(str, problems[:3])))
    else:
        print(f"check {name}: OK {detail}".rstrip())


def get(url, token, raw=False):
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            body = resp.read()
            return resp.status, body if raw else json.loads(body)
    except urllib.error.HTTPError as e:
        return e.code, None
    except (OSError, http.client.HTTPException):
        return 0, None  # no answer: the connection closed (a landing page without its UI assets does that)


def differences(expected, actual, path=""):
    """Every place where actual lacks or differs from expected (actual may hold more: vocabulary titles...)."""
    out = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r:.80}"]
        for k, v in expected.items():
            out += differences(v, actual.get(k, "<missing>"), f"{path}.{k}")
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {actual!r:.80}"]
        if all(isinstance(v, (str, int, float)) for v in expected + actual):
            # lists of ids or names: InvenioRDM builds some from sets (files.types, files.mimetypes) or from a table
            # (parent.communities.ids), in no fixed order
            return [] if sorted(map(str, expected)) == sorted(map(str, actual)) else \
                [f"{path}: expected {sorted(expected)!r:.80}, got {sorted(actual)!r:.80}"]
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += differences(e, a, f"{path}[{i}]")
    elif expected != actual:
        out.append(f"{path}: expected {expected!r:.60}, got {actual!r:.60}")
    return out


def counts(records, parents):
    from invenio_db import db
    from invenio_rdm_records.proxies import current_rdm_records_service as service
    from invenio_search import current_search_client
    from invenio_search.utils import build_alias_name

    rec_uuids = [uid("record", r["id"]) for r in records]
    par_uuids = [uid("parent", p[0]["parent"]["id"]) for p in parents]
    q = db.session.execute

    def pg(sql, ids):
        n = 0
        for i in range(0, len(ids), 10000):
            n += q(db.text(sql), {"ids": ids[i:i + 10000]}).scalar()
        return n

    alias = build_alias_name(service.record_cls.index._name)
    current_search_client.indices.refresh(index=alias)

    def os_count(field, ids, latest=False):
        n = 0
        for i in range(0, len(ids), 10000):
            filt = [{"terms": {field: ids[i:i + 10000]}}]
            if latest:
                filt.append({"term": {"versions.is_latest": True}})
            n += current_search_client.count(index=alias, body={"query": {"bool": {"filter": filt}}})["count"]
        return n

    rec_ids = [r["id"] for r in records]
    par_ids = [p[0]["parent"]["id"] for p in parents]
    return {
        "datagen records": len(records),
        "datagen parents": len(parents),
        "pg records": pg("select count(*) from rdm_records_metadata where id = any(cast(:ids as uuid[])) "
                         "and deletion_status = 'P'", rec_uuids),
        "pg parents": pg("select count(*) from rdm_parents_metadata where id = any(cast(:ids as uuid[]))", par_uuids),
        "pg latest versions": pg("select count(*) from rdm_versions_state where parent_id = any(cast(:ids as uuid[]))"
                                 " and latest_id is not null", par_uuids),
        "pg recid pids": pg("select count(*) from pidstore_pid where pid_type = 'recid' and status = 'R' and "
                            "pid_value = any(:ids)", rec_ids + par_ids),
        "index records": os_count("id", rec_ids),
        "index parents": os_count("parent.id", par_ids, latest=True),
        "index latest versions": os_count("id", [p[-1]["id"] for p in parents], latest=True),
        "instance pg published records": q(db.text(
            "select count(*) from rdm_records_metadata where deletion_status = 'P' and json is not null")).scalar(),
        "instance index records": current_search_client.count(index=alias)["count"],
    }


def check_counts(c):
    problems = []
    for a, b in [("datagen records", "pg records"), ("datagen records", "index records"),
                 ("datagen parents", "pg parents"), ("datagen parents", "pg latest versions"),
                 ("datagen parents", "index parents"), ("datagen parents", "index latest versions"),
                 ("instance pg published records", "instance index records")]:
        if c[a] != c[b]:
            problems.append(f"{a} {c[a]} != {b} {c[b]}")
    if c["pg recid pids"] != c["datagen records"] + c["datagen parents"]:
        problems.append(f"recid pids {c['pg recid pids']} != records + parents")
    report("counts", problems, json.dumps(c))


def expected_of(r, communities, owners, md5s):
    files = {"enabled": r["files"]["enabled"]}
    if r["files"]["enabled"]:
        files["count"] = r["files"]["count"]
        files["total_bytes"] = r["files"]["total_bytes"]
        files["entries"] = {k: {"key": k, "size": e["size"], "mimetype": e["mimetype"],
                                "checksum": f"md5:{md5s[(r['id'], k)]}"} for k, e in r["files"]["entries"].items()}
    acc = r["access"]
    parent_comm = r["parent"].get("communities", {}).get("ids", [])
    return {
        "id": r["id"],
        "created": r["created"],
        "metadata": r["metadata"],
        "access": {"record": acc["record"], "files": acc["files"], "status": acc["status"],
                   "embargo": {k: v for k, v in acc["embargo"].items() if k in ("active", "until") and v is not None}},
        "files": files,
        "parent": {"id": r["parent"]["id"], "access": {"owned_by": {"user": str(owners[str(
            r["parent"]["access"]["owned_by"]["user"])])}},
                   "communities": {"ids": [communities[c] for c in parent_comm]} if parent_comm else {}},
        "versions": {"index": r["versions"]["index"], "is_latest": r["versions"]["is_latest"]},
        "is_published": True,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("api")
    ap.add_argument("token_file")
    ap.add_argument("--sample", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--snapshot")
    ap.add_argument("--compare")
    ap.add_argument("--landing", action="store_true")
    ap.add_argument("--landing-sample", type=int, default=1000)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    with open(args.token_file) as f:
        token = f.read().strip()
    api = args.api.rstrip("/")
    ui = api[:-len("/api")] if api.endswith("/api") else api

    from load_records import make_app
    make_app()
    from invenio_accounts.proxies import current_datastore
    from invenio_communities.proxies import current_communities
    from invenio_access.permissions import system_identity
    from invenio_rdm_records.records.api import RDMRecord
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    parents = read_parents(os.path.join(args.data, "records.jsonl"))
    records = [r for p in parents for r in p]
    md5s = {}
    with open(os.path.join(args.data, "files.csv")) as f:
        for row in csv.DictReader(f):
            md5s[(row["record_id"], row["key"])] = row["md5"]
    communities = {}
    with open(os.path.join(args.data, "communities.jsonl")) as f:
        for line in f:
            c = json.loads(line)
            communities[c["id"]] = str(current_communities.service.read(system_identity, c["slug"]).id)
    owners = {}
    for k in {str(r["parent"]["access"]["owned_by"]["user"]) for r in records}:
        owners[k] = current_datastore.get_user(OWNER_EMAIL.format(k)).id

    c = counts(records, parents)
    check_counts(c)

    sample = random.Random(args.seed).sample(records, min(args.sample, len(records)))
    problems, landing, found, searched, downloads, docs = [], {}, 0, 0, [], {}
    for r in sample:
        status, body = get(f"{api}/records/{r['id']}", token)
        if status != 200:
            problems.append(f"{r['id']}: GET answered {status}")
            continue
        problems += [f"{r['id']}{d}" for d in differences(expected_of(r, communities, owners, md5s), body)]
        if sum(landing.values()) < args.landing_sample:
            code, _ = get(f"{ui}/records/{r['id']}", token, raw=True)
            landing[code] = landing.get(code, 0) + 1
        if r["versions"]["is_latest"] and searched < 200:
            searched += 1
            q = urllib.parse.quote(f'"{r["metadata"]["title"]}"')
            st, res = get(f"{api}/records?q={q}&size=100", token)
            if st == 200 and r["id"] in [h["id"] for h in res["hits"]["hits"]]:
                found += 1
            else:
                problems.append(f"{r['id']}: search by its title (answered {st}) did not find it")
        for key in r["files"].get("entries", {}):
            if len(downloads) < 200:
                downloads.append((r["id"], key))
        record = RDMRecord.get_record(uid("record", r["id"]))
        doc = service.indexer._prepare_record(record, service.indexer.record_to_index(record), {})
        docs[r["id"]] = doc
    report("records", problems, f"{len(sample)} sampled records answer GET /api/records/{{id}} with the generated "
                                f"fields; {found} of {searched} latest versions found by a search on their title")
    bad = []
    for rid, key in downloads:
        st, content = get(f"{api}/records/{rid}/files/{urllib.parse.quote(key)}/content", token, raw=True)
        if st != 200 or hashlib.md5(content).hexdigest() != md5s[(rid, key)]:
            bad.append(f"{rid}/{key}: {st}")
    report("downloads", bad, f"{len(downloads)} files downloaded with the generated md5")
    summary = ", ".join(f"{n} answered {code}" for code, n in sorted(landing.items()))
    if args.landing:
        report("landing pages", [f"{n} answered {c}" for c, n in landing.items() if c != 200], summary)
    else:
        print(f"check landing pages: {summary} (not required: without --landing)")

    from invenio_search import current_search_client
    from invenio_search.utils import build_alias_name
    alias = build_alias_name(service.record_cls.index._name)

    def stored_docs():
        out = {}
        for rid in docs:
            hit = current_search_client.search(index=alias, body={"query": {"term": {"id": rid}}})["hits"]["hits"]
            out[rid] = hit[0]["_source"] if hit else None
        return out

    stored = stored_docs()
    volatile = ("stats", "indexed_at")
    strip = lambda d: {k: v for k, v in (d or {}).items() if k not in volatile}  # noqa: E731
    report("index documents", [f"{rid}{d}" for rid in docs for d in differences(
        strip(json.loads(json.dumps(docs[rid], default=str))), strip(stored[rid]))][:50],
        f"{len(docs)} sampled search documents equal what the service's indexer makes now")
    if args.snapshot:
        with open(args.snapshot, "w") as f:
            json.dump({"counts": c, "docs": {k: strip(v) for k, v in stored.items()}}, f, sort_keys=True)
    if args.compare:
        with open(args.compare) as f:
            before = json.load(f)
        problems = [f"count {k}: {before['counts'][k]} -> {c[k]}" for k in c if before["counts"].get(k) != c[k]]
        problems += [f"{k}: its search document changed" for k, v in before["docs"].items()
                     if strip(stored.get(k)) != v]
        report("rebuild unchanged", problems, f"counts and {len(before['docs'])} search documents as before")
    if args.rebuild:
        # InvenioRDM's own reindexing (what rebuild-index does: RecordIndexer.bulk_index into the broker's queue, then
        # process_bulk_queue, as the Celery beat runs it), for the data set's records
        service.indexer.bulk_index([uid("record", r["id"]) for r in records])
        while service.indexer.process_bulk_queue()[0]:
            pass
        current_search_client.indices.refresh(index=alias)
        after = counts(records, parents)
        rebuilt = stored_docs()
        problems = [f"count {k}: {c[k]} -> {after[k]}" for k in c if after[k] != c[k]]
        problems += [f"{k}{d}" for k in docs for d in differences(strip(stored[k]), strip(rebuilt[k]))]
        report("rebuild unchanged", problems[:50], f"{len(records)} records reindexed by the service's indexer: "
                                                   f"counts and {len(docs)} sampled search documents as before")
    if FAILED:
        sys.exit(f"check_records: FAILED: {', '.join(FAILED)}")
    print("check_records: all checks passed")


if __name__ == "__main__":
    main()
