"""Bulk-load a datagen data set into the local InvenioRDM (v13), inside the instance's venv.

Usage: load_records.py DATA_DIR MARKS_DIR [--workers N] [--chunk N]

DATA_DIR holds records.jsonl and communities.jsonl (mvn exec:java@datagen) and files.csv with files/<id>/<key>
(mvn exec:java@files). The rows a published record is made of (pidstore_pid recid and oai, rdm_parents_metadata,
rdm_versions_state, rdm_records_metadata, files_bucket, files_files, files_object, rdm_records_files,
rdm_parents_community) are written with PostgreSQL COPY, one transaction per chunk of whole parents, in the shape the
records service stores them (checked: the service's marshmallow schema loads each chunk's first record to the same
metadata); file content is hard-linked from DATA_DIR/files into the default location. Each chunk is then indexed with
the service's own indexer and dumper (RDMRecord.dumps: the same search documents as the service writes), in bulk.
What the dumper would ask the database once a record (parent, versions state, bucket, draft, files, communities) is
asked once a chunk (preload), and what does not change during a load is cached (fast_dump_caches): 13.6 ms of loader
CPU a record before, under 5 after (docs/real-invenio.md); check_records.py compares the documents with the service's.

Idempotent and resumable: a chunk whose first record id is in pidstore_pid was committed whole (one transaction)
and is not written again; MARKS_DIR/chunk-N.indexed says it was indexed. Record, parent, bucket and file ids are
uuid5 of the datagen ids, so a rerun after kill -9 writes the same rows and links the same file paths.
Datagen ids are kept: GET /api/records/<datagen id> answers, and the data set's feeders run against the instance.
"""

import argparse
import copy
import csv
import functools
import io
import json
import multiprocessing
import os
import resource
import shutil
import sys
import time
import uuid
from queue import Empty

try:
    from orjson import loads as json_loads  # in InvenioRDM's venv: reading a data set of 100,000 records takes 1/3
except ImportError:
    from json import loads as json_loads

NS = uuid.UUID("6f1c0c4e-4a57-4d0e-9a2c-7d1e0b7a5e11")  # uuid5 namespace of the loader's row ids
OWNER_EMAIL = "datagen-owner-{}@example.org"


def uid(kind, value):
    return str(uuid.uuid5(NS, f"{kind}:{value}"))


def read_parents(path):
    """The data set's records grouped by parent, in file order (versions follow each other)."""
    parents, current = [], None
    with open(path) as f:
        for n, line in enumerate(f, 1):
            try:
                r = json_loads(line)
                pid = r["parent"]["id"]
                r["versions"]["index"]
            except (ValueError, KeyError, TypeError) as e:
                sys.exit(f"load-records: {path}:{n}: not a datagen record ({e!r}); expected records.jsonl of mvn exec:java@datagen")
            if current is None or current[0]["parent"]["id"] != pid:
                current = []
                parents.append(current)
            current.append(r)
    return parents


def chunks_of(parents, size):
    out, cur = [], []
    for p in parents:
        cur.extend(p)
        if len(cur) >= size:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def read_files(path):
    files = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            files[(row["record_id"], row["key"])] = (int(row["size"]), row["md5"])
    return files


def make_app():
    from invenio_app.factory import create_api

    app = create_api()
    app.app_context().push()
    return app


# ---------------------------------------------------------------- setup: owners and communities (once, idempotent)
def setup(data_dir, parents):
    """Users datagen-owner-K for the data set's owners, its communities (service, by slug); -> (owners, communities)."""
    from flask_security.utils import hash_password
    from invenio_access.permissions import system_identity
    from invenio_accounts.proxies import current_datastore
    from invenio_communities.proxies import current_communities
    from invenio_db import db

    owners = {}
    for k in sorted({str(r["parent"]["access"]["owned_by"]["user"]) for p in parents for r in p}):
        email = OWNER_EMAIL.format(k)
        user = current_datastore.get_user(email)
        if user is None:
            user = current_datastore.create_user(
                email=email, password=hash_password(uuid.uuid4().hex), active=True,
                confirmed_at=db.func.now())
            db.session.commit()
        owners[k] = user.id
    communities = {}
    service = current_communities.service
    with open(os.path.join(data_dir, "communities.jsonl")) as f:
        for line in f:
            c = json.loads(line)
            try:
                found = service.read(system_identity, c["slug"])
            except Exception:
                found = service.create(system_identity, {
                    "slug": c["slug"], "access": c["access"], "metadata": c["metadata"]})
                service.indexer.refresh()
            communities[c["id"]] = str(found.id)
    return owners, communities


# ---------------------------------------------------------------- rows of one chunk
class Rows:
    """COPY buffers, one per table."""

    COLUMNS = {
        "pidstore_pid": "id, pid_type, pid_value, pid_provider, status, object_type, object_uuid, created, updated",
        "rdm_parents_metadata": "id, json, version_id, created, updated",
        "files_bucket": "id, default_location, default_storage_class, size, quota_size, max_file_size, locked, "
                        "deleted, created, updated",
        "rdm_records_metadata": "id, json, version_id, index, bucket_id, media_bucket_id, parent_id, "
                                "deletion_status, created, updated",
        "rdm_versions_state": "parent_id, latest_index, latest_id, next_draft_id",
        "rdm_parents_community": "community_id, record_id, request_id",
        "files_files": "id, uri, storage_class, size, checksum, readable, writable, last_check_at, last_check, "
                       "created, updated",
        "files_object": "version_id, key, bucket_id, file_id, _mimetype, is_head, created, updated",
        "rdm_records_files": "id, json, version_id, created, updated, key, record_id, object_version_id",
    }

    def __init__(self):
        self.buf = {t: io.StringIO() for t in self.COLUMNS}
        self.writers = {t: csv.writer(b) for t, b in self.buf.items()}

    def add(self, table, *values):
        self.writers[table].writerow(["\\N" if v is None else v for v in values])

    def copy(self, cursor):
        for table, cols in self.COLUMNS.items():  # this order satisfies the foreign keys
            self.buf[table].seek(0)
            cursor.copy_expert(f"COPY {table} ({cols}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", self.buf[table])


def ts(value):
    return value.replace("+00:00", "")  # the tables hold UTC without a zone


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def record_json(r, pk, oai_prefix):
    acc = r["access"]
    emb = acc.get("embargo") or {}
    files = {"enabled": r["files"]["enabled"]}
    if r["files"].get("default_preview"):
        files["default_preview"] = r["files"]["default_preview"]
    if r["files"].get("order"):
        files["order"] = r["files"]["order"]
    return {
        "id": r["id"],
        "pid": {"pk": pk, "status": "R", "obj_type": "rec", "pid_type": "recid"},
        "pids": {"oai": {"provider": "oai", "identifier": f"oai:{oai_prefix}:{r['id']}"}},
        "files": files,
        "access": {"record": acc["record"], "files": acc["files"],
                   "embargo": {"active": emb.get("active", False), "until": emb.get("until"),
                               "reason": emb.get("reason")}},
        "$schema": "local://records/record-v6.0.0.json",
        "metadata": r["metadata"],
        "media_files": {"enabled": False},
        "custom_fields": r.get("custom_fields") or {},
        "internal_notes": [],
    }


def chunk_rows(chunk, pks, ctx, files):
    rows, pk = Rows(), iter(pks)
    links = []
    by_parent = {}
    for r in chunk:
        by_parent.setdefault(r["parent"]["id"], []).append(r)
    for parent_id, versions in by_parent.items():
        first, last = versions[0], versions[-1]
        p_uuid, p_pk = uid("parent", parent_id), next(pk)
        created = ts(first["created"])
        rows.add("pidstore_pid", p_pk, "recid", parent_id, None, "R", "rec", p_uuid, created, created)
        comm_ids = [ctx["communities"][c] for c in first["parent"].get("communities", {}).get("ids", [])]
        default = first["parent"].get("communities", {}).get("default")
        communities = {"ids": comm_ids, "default": ctx["communities"][default] if default else comm_ids[0]} \
            if comm_ids else {}
        owner = ctx["owners"][str(first["parent"]["access"]["owned_by"]["user"])]
        parent = {
            "id": parent_id,
            "pid": {"pk": p_pk, "status": "R", "obj_type": "rec", "pid_type": "recid"},
            "pids": {},
            "access": {"links": [], "grants": [], "owned_by": {"user": owner},
                       "settings": {"allow_user_requests": False, "allow_guest_requests": False,
                                    "accept_conditions_text": None, "secret_link_expiration": 0}},
            "$schema": "local://records/parent-v3.0.0.json",
            "communities": communities,
        }
        rows.add("rdm_parents_metadata", p_uuid, dumps(parent), 1, created, ts(last["updated"]))
        for c in comm_ids:
            rows.add("rdm_parents_community", c, p_uuid, None)
        for r in versions:
            rid, r_uuid, r_pk, oai_pk = r["id"], uid("record", r["id"]), next(pk), next(pk)
            created, updated = ts(r["created"]), ts(r["updated"])
            rows.add("pidstore_pid", r_pk, "recid", rid, None, "R", "rec", r_uuid, created, updated)
            rows.add("pidstore_pid", oai_pk, "oai", f"oai:{ctx['oai_prefix']}:{rid}", "oai", "R", "rec", r_uuid,
                     updated, updated)
            bucket, media = uid("bucket", rid), uid("media-bucket", rid)
            entries = r["files"].get("entries") or {}
            total = sum(e["size"] for e in entries.values())
            rows.add("files_bucket", bucket, ctx["location_id"], "L", total, ctx["quota"], ctx["max_file_size"],
                     "t", "f", created, updated)
            rows.add("files_bucket", media, ctx["location_id"], "L", 0, ctx["media_quota"],
                     ctx["media_max_file_size"], "t", "f", created, updated)
            rows.add("rdm_records_metadata", r_uuid, dumps(record_json(r, r_pk, ctx["oai_prefix"])),
                     r.get("revision_id", 1), r["versions"]["index"], bucket, media, p_uuid, "P", created, updated)
            for key, e in entries.items():
                size, md5 = files[(rid, key)]
                f_uuid = uid("file", f"{rid}/{key}")
                path = os.path.join(ctx["location_uri"], f_uuid[:2], f_uuid[2:4], f_uuid[4:], "data")
                links.append((os.path.join(ctx["data_dir"], "files", rid, key), path))
                rows.add("files_files", f_uuid, path, "L", size, f"md5:{md5}", "t", "f", None, "t", created, updated)
                ov = uid("object", f"{rid}/{key}")
                rows.add("files_object", ov, key, bucket, f_uuid, None, "t", created, updated)
                rows.add("rdm_records_files", uid("record-file", f"{rid}/{key}"),
                         dumps({"metadata": e.get("metadata") or {}, "transfer": {"type": "L"}}), 1,
                         created, updated, key, r_uuid, ov)
        rows.add("rdm_versions_state", p_uuid, last["versions"]["index"], uid("record", last["id"]), None)
    return rows, links


def link(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if os.path.exists(dst):
        os.unlink(dst)  # a rerun after a kill: the same path again
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)  # another file system


def check_shape(r, ctx):
    """The service's own schema must load the record's metadata to what is stored; else the loader would differ."""
    from invenio_access.permissions import system_identity
    from invenio_rdm_records.proxies import current_rdm_records_service as service

    data = {"metadata": copy.deepcopy(r["metadata"]), "access": {"record": r["access"]["record"],
            "files": r["access"]["files"]}, "files": {"enabled": r["files"]["enabled"]}, "pids": {}}
    if r["access"].get("embargo", {}).get("active"):
        data["access"]["embargo"] = r["access"]["embargo"]
    loaded, errors = service.schema.load(data, context={"identity": system_identity})
    if errors:
        sys.exit(f"load-records: record {r['id']}: the service's schema refuses it: {errors}")
    if loaded["metadata"] != r["metadata"]:
        sys.exit(f"load-records: record {r['id']}: the service's schema stores other metadata than the data set "
                 f"holds: {dumps(loaded['metadata'])[:300]} vs {dumps(r['metadata'])[:300]}")


# ---------------------------------------------------------------- indexing with the service's indexer
def fast_dump_caches():
    """Caches that change no document: vocabulary records, community dumps and EDTF parses are the same for every
    record during a load; the statistics of records that did not exist before are zero (asked once, for an id nobody
    has); a function's signature does not change (the dumper asks for it 100 times a record)."""
    import inspect
    import types

    import babel_edtf
    import invenio_rdm_records.records.dumpers.edtf as edtf_dumper
    import invenio_records.api as records_api
    import invenio_records.systemfields.base as systemfields_base
    from invenio_communities.communities.records.api import Community
    from invenio_rdm_records.records.stats.api import Statistics
    from invenio_rdm_records.records.api import RDMFileRecord
    from invenio_rdm_records.records.systemfields.has_draftcheck import HasDraftCheckField
    from invenio_records_resources.records.systemfields.relations import PIDRelation

    zero = Statistics.get_record_stats(recid="00000-00000", parent_recid="00000-00000")
    Statistics.get_record_stats = classmethod(lambda cls, recid, parent_recid: copy.deepcopy(zero))
    resolve = PIDRelation.resolve
    cache = {}

    def cached_resolve(self, id_):
        key = (id(self.pid_field), repr(id_))
        if key not in cache:
            obj = resolve(self, id_)
            if obj is None:
                return None
            cache[key] = obj
        return cache[key]

    PIDRelation.resolve = cached_resolve
    parse = functools.lru_cache(maxsize=65536)(babel_edtf.parse_edtf)
    babel_edtf.parse_edtf = parse
    edtf_dumper.parse_edtf = functools.lru_cache(maxsize=65536)(parse_edtf_interval_fast(parse))

    signatures = {}

    class CachedInspect(types.ModuleType):
        @staticmethod
        def signature(f):
            key = (getattr(f, "__func__", f), hasattr(f, "__self__"))
            if key not in signatures:
                if len(signatures) > 10000:
                    signatures.clear()
                signatures[key] = inspect.signature(f)
            return signatures[key]

        def __getattr__(self, name):
            return getattr(inspect, name)

    records_api.inspect = systemfields_base.inspect = CachedInspect("inspect")

    # a community's dump (its members and featured entries asked 3 times a record) keyed by its revision
    community_dumps, community_dumps_of = {}, Community.dumps

    def cached_community_dumps(self, dumper=None):
        key = (str(self.id), self.revision_id, id(dumper))
        if key not in community_dumps:
            community_dumps[key] = community_dumps_of(self, dumper=dumper)
        return copy.deepcopy(community_dumps[key])

    Community.dumps = cached_community_dumps
    no_draft_check(HasDraftCheckField)
    preloaded_files(RDMFileRecord)
    fast_json()


def fast_json():
    """orjson (in InvenioRDM's venv) reads the records' JSON columns and writes the bulk requests: the same values,
    4-10 times faster than the json module; whatever orjson refuses (integers past 64 bits) falls back to json."""
    import orjson
    import psycopg2.extras
    from invenio_rdm_records.proxies import current_rdm_records_service as service
    from opensearchpy.serializer import JSONSerializer

    def loads(text):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            return json.loads(text)

    psycopg2.extras.register_default_json(globally=True, loads=loads)
    psycopg2.extras.register_default_jsonb(globally=True, loads=loads)

    class OrjsonSerializer(JSONSerializer):
        checked = False
        options = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS  # dates: JSONSerializer's isoformat

        def dumps(self, data):
            if isinstance(data, str):
                return data
            try:
                return orjson.dumps(data, default=self.default, option=self.options).decode()
            except TypeError:
                return super().dumps(data)

    service.indexer.client.transport.serializer = OrjsonSerializer()


def parse_edtf_interval_fast(parse, verify=50):
    """babel_edtf.parse_edtf builds YYYY-MM-DD without pyparsing; this does the same for an interval of two of them
    (datagen's date ranges: 20-40 ms of pyparsing each). The first `verify` intervals are also parsed by pyparsing
    and must give the same dates, or the load stops."""
    import re

    from edtf import Date, Interval

    pattern = re.compile(r"^(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})$")
    checked = [0]

    def fast(value):
        m = pattern.match(value) if isinstance(value, str) and len(value) == 21 else None
        if m is None:
            return parse(value)
        lower, upper = Date(*m.group(1, 2, 3)), Date(*m.group(4, 5, 6))
        try:
            lower.lower_strict(), upper.upper_strict()
        except Exception:
            return parse(value)  # not a date (e.g. a 30th of February): pyparsing says so
        fast_value = Interval(lower, upper)
        if checked[0] < verify:
            checked[0] += 1
            real = parse(value)
            if (str(real), real.lower_strict(), real.upper_strict()) != \
                    (str(fast_value), fast_value.lower_strict(), fast_value.upper_strict()):
                sys.exit(f"load-records: EDTF {value!r}: the fast path gives {fast_value!r}, pyparsing {real!r}")
        return fast_value

    return fast


def preload(records):
    """What the dumper would ask once per record, asked once per chunk: parents (one object per parent, shared by its
    versions), versions states, buckets, drafts and communities; the dumper then finds them on the record or in the
    session."""
    from invenio_communities.communities.records.api import Community
    from invenio_db import db
    from invenio_files_rest.models import Bucket
    from invenio_rdm_records.records.api import RDMDraft, RDMFileRecord, RDMParent, RDMRecord

    parents = {p.id: p for p in RDMParent.get_records({r.model.parent_id for r in records})}
    states = {s.parent_id: s for s in RDMRecord.versions_model_cls.query.filter(
        RDMRecord.versions_model_cls.parent_id.in_(list(parents))).all()}
    buckets = Bucket.query.filter(Bucket.id.in_(
        [r.model.bucket_id for r in records] + [r.model.media_bucket_id for r in records])).all()
    with_draft = {i for (i,) in db.session.query(RDMDraft.model_cls.id).filter(
        RDMDraft.model_cls.id.in_([r.id for r in records]))}
    community_ids = {c for p in parents.values() for c in (p.get("communities") or {}).get("ids", [])}
    communities = {str(c.id): c for c in Community.get_records(list(community_ids))} if community_ids else {}
    for record in records:
        parent = parents[record.model.parent_id]
        RDMRecord.parent.field._set_cache(record, parent)
        record.versions._state = states[record.model.parent_id]
        if record.id not in with_draft:
            RDMRecord.has_draft.no_draft.add(record.id)
    for parent in parents.values():
        parent.communities._communities_cache.update(communities)
    files = RDMFileRecord.model_cls
    RDMFileRecord.preloaded = {r.id: [] for r in records}
    for obj in files.query.filter(files.record_id.in_(list(RDMFileRecord.preloaded)), files.is_deleted != True):  # noqa: E712
        RDMFileRecord.preloaded[obj.record_id].append(obj)
    return parents, states, buckets


def no_draft_check(field_cls):
    """HasDraftCheckField asks for a draft per record; a chunk asks once (preload) for all its records."""
    get = field_cls.__get__

    def __get__(self, record, owner=None):
        if record is not None and record.id in self.no_draft:
            return False
        return get(self, record, owner)

    field_cls.__get__ = __get__
    field_cls.no_draft = set()


def preloaded_files(file_cls):
    """A record's files are asked once a record (list_by_record); a chunk asks once (preload) for all its records."""
    list_by_record = file_cls.list_by_record.__func__

    def cached(cls, record_id, with_deleted=False):
        if with_deleted or record_id not in cls.preloaded:
            return list_by_record(cls, record_id, with_deleted=with_deleted)
        return (cls(obj.data, model=obj) for obj in cls.preloaded[record_id])

    file_cls.list_by_record = classmethod(cached)
    file_cls.preloaded = {}


def index_chunk(chunk):
    from invenio_db import db
    from invenio_files_rest.models import ObjectVersion
    from invenio_rdm_records.proxies import current_rdm_records_service as service
    from invenio_rdm_records.records.api import RDMFileRecord, RDMRecord
    from opensearchpy.helpers import bulk
    from opensearchpy.serializer import JSONSerializer
    from sqlalchemy.orm import joinedload

    indexer = service.indexer
    # the chunk's objects and file instances in one query: the dump's lazy loads find them in the session
    keep = ObjectVersion.query.filter(ObjectVersion.version_id.in_(
        [uid("object", f"{r['id']}/{k}") for r in chunk for k in r["files"].get("entries") or {}])).options(
        joinedload(ObjectVersion.file)).all()
    records = RDMRecord.get_records([uid("record", r["id"]) for r in chunk])
    keep = (keep, preload(records))
    actions = []
    for record in records:
        index = indexer.record_to_index(record)
        actions.append({"_op_type": "index", "_index": indexer._prepare_index(index), "_id": str(record.id),
                        "_version": record.revision_id, "_version_type": "external_gte",
                        "_source": indexer._prepare_record(record, index, {})})
    serializer = indexer.client.transport.serializer
    if not getattr(serializer, "checked", True):
        # the first chunk: orjson's requests must read back as the json module's
        standard = JSONSerializer()
        for action in actions:
            if json.loads(serializer.dumps(action["_source"])) != json.loads(standard.dumps(action["_source"])):
                sys.exit(f"load-records: record {action['_id']}: orjson writes another document than json")
        serializer.checked = True
    ok, errors = bulk(indexer.client, actions, stats_only=True, raise_on_error=False, request_timeout=120)
    if errors or len(actions) != len(chunk):
        raise RuntimeError(f"{errors} of {len(actions)} documents were not indexed ({len(chunk)} in the chunk)")
    RDMRecord.has_draft.no_draft.clear()
    RDMFileRecord.preloaded = {}
    del keep
    db.session.expunge_all()
    return ok


# ---------------------------------------------------------------- workers
def worker(args, ctx_queue, mine, queue):
    app = make_app()
    from invenio_db import db

    fast_dump_caches()
    files = read_files(os.path.join(args.data, "files.csv"))
    chunks = chunks_of(read_parents(os.path.join(args.data, "records.jsonl")), args.chunk)
    try:
        ctx = ctx_queue.get(timeout=1800)  # the main process's setup (owners, communities) ran meanwhile
    except Empty:
        sys.exit("load-records: a worker got no context from the main process in 30 minutes")
    for n in mine:
        chunk = chunks[n]
        mark = os.path.join(args.marks, f"chunk-{n}.indexed")
        written, t_start = 0, time.time()
        if db.session.execute(db.text("select 1 from pidstore_pid where pid_type = 'recid' and pid_value = :v"),
                              {"v": chunk[0]["id"]}).first() is None:
            check_shape(chunk[0], ctx)
            pids = len({r["parent"]["id"] for r in chunk}) + 2 * len(chunk)
            pks = [v for (v,) in db.session.execute(
                db.text("select nextval('pidstore_pid_id_seq') from generate_series(1, :n)"), {"n": pids})]
            rows, links = chunk_rows(chunk, pks, ctx, files)
            for src, dst in links:
                link(src, dst)
            conn = db.session.connection().connection
            rows.copy(conn.cursor())
            db.session.commit()
            written = len(chunk)
        indexed, t_written = 0, time.time()
        if not os.path.exists(mark):
            indexed = index_chunk(chunk)
            open(mark, "w").close()
        db.session.remove()
        print(f"load-records: chunk {n}: {written} written in {t_written - t_start:.1f}s, {indexed} indexed in "
              f"{time.time() - t_written:.1f}s", flush=True)
        queue.put((n, written, indexed, len(chunk)))
    queue.put(None)
    app  # noqa: B018 (keeps the app alive until the worker ends)


def main():
    ap = argparse.ArgumentParser(description="Bulk-load a datagen data set into the local InvenioRDM.")
    ap.add_argument("data")
    ap.add_argument("marks")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=500)
    args = ap.parse_args()
    for name in ("records.jsonl", "communities.jsonl", "files.csv"):
        if not os.path.isfile(os.path.join(args.data, name)):
            sys.exit(f"load-records: {os.path.join(args.data, name)} is missing (expected a datagen data set "
                     f"with files.csv from mvn exec:java@files)")
    if args.workers < 1 or args.chunk < 1:
        sys.exit("load-records: --workers and --chunk must be at least 1")
    os.makedirs(args.marks, exist_ok=True)
    t0 = time.time()
    parents = read_parents(os.path.join(args.data, "records.jsonl"))
    chunks = chunks_of(parents, args.chunk)
    total = sum(len(c) for c in chunks)
    # the workers start first: their app and data set load while this process sets the owners and communities up
    mp = multiprocessing.get_context("spawn")
    queue, ctx_queue = mp.Queue(), mp.Queue()
    procs = [mp.Process(target=worker, args=(args, ctx_queue, list(range(w, len(chunks), args.workers)), queue),
                        daemon=True) for w in range(args.workers)]
    for p in procs:
        p.start()
    make_app()
    from flask import current_app
    from invenio_files_rest.models import Location

    owners, communities = setup(args.data, parents)
    loc = Location.get_default()
    cfg = current_app.config
    ctx = {
        "owners": owners, "communities": communities, "data_dir": os.path.abspath(args.data),
        "oai_prefix": cfg["OAISERVER_ID_PREFIX"], "location_id": loc.id, "location_uri": loc.uri,
        "quota": cfg.get("RDM_FILES_DEFAULT_QUOTA_SIZE") or cfg["FILES_REST_DEFAULT_QUOTA_SIZE"],
        "max_file_size": cfg.get("RDM_FILES_DEFAULT_MAX_FILE_SIZE") or cfg["FILES_REST_DEFAULT_MAX_FILE_SIZE"],
        "media_quota": cfg["RDM_MEDIA_FILES_DEFAULT_QUOTA_SIZE"],
        "media_max_file_size": cfg["RDM_MEDIA_FILES_DEFAULT_MAX_FILE_SIZE"],
    }
    print(f"load-records: {total} records, {len(parents)} parents, {len(chunks)} chunks of ~{args.chunk}, "
          f"{args.workers} workers; setup {time.time() - t0:.1f}s", flush=True)
    for _ in procs:
        ctx_queue.put(ctx)
    running, done, written, indexed, last = len(procs), 0, 0, 0, time.time()
    while running:
        try:
            item = queue.get(timeout=5)
        except Empty:
            if not any(p.is_alive() for p in procs):
                break
            continue
        if item is None:
            running -= 1
            continue
        _, w, i, n = item
        done, written, indexed = done + n, written + w, indexed + i
        if time.time() - last >= 5 or done == total:
            dt = time.time() - t0
            print(f"load-records: {done} of {total} records ({100 * done // total} %), {written} written, "
                  f"{indexed} indexed, {done / dt:.1f} records/s", flush=True)
            last = time.time()
    for p in procs:
        p.join()
        if p.exitcode != 0:
            sys.exit(f"load-records: a worker failed (exit {p.exitcode})")
    dt = time.time() - t0
    print(f"load-records: done: {total} records ({written} written now, {indexed} indexed now) in {dt:.1f}s, "
          f"{total / dt:.1f} records/s", flush=True)
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime
    print(f"load-records: loader CPU {cpu:.1f}s (main and workers; {written} records written and {indexed} indexed "
          f"now)", flush=True)


if __name__ == "__main__":
    main()
