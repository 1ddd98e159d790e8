"""Seed a fresh local InvenioRDM through its REST API: one community with a few published records.

Usage: seed.py API_URL TOKEN_FILE COMMUNITY_SLUG RECORD_COUNT
Only the standard library, so it runs with any Python 3; talks only to API_URL (127.0.0.1).
"""

import json
import sys
import urllib.error
import urllib.request

RESOURCE_TYPES = ["dataset", "software", "publication-article", "image-photo", "poster"]
LICENSES = ["cc-by-4.0", "cc-by-sa-4.0", "cc0-1.0", "mit", "apache-2.0"]
LANGUAGES = ["eng", "deu", "fra", "spa", "ita"]
TOPICS = ["ocean temperature", "alpine glaciers", "soil microbiome", "urban traffic", "bird migration"]


class Api:
    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token

    def call(self, method, path, body=None, content_type="application/json", expect=(200,)):
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                status, payload = resp.status, resp.read()
        except urllib.error.HTTPError as e:
            status, payload = e.code, e.read()
        print(f"{method} {path} -> {status}")
        if status not in expect:
            raise SystemExit(f"unexpected {status} for {method} {path}: {payload[:500]!r}")
        return status, (json.loads(payload) if payload[:1] in (b"{", b"[") else payload)


def community(api, slug):
    status, body = api.call("GET", f"/communities/{slug}", expect=(200, 404))
    if status == 200:
        return body["id"]
    _, body = api.call("POST", "/communities", {
        "slug": slug,
        "access": {"visibility": "public", "member_policy": "open", "record_policy": "open",
                   "review_policy": "open"},
        "metadata": {"title": "Load test community", "type": {"id": "project"},
                     "description": "Records seeded by invenio-local for rdm-loadtest."},
    }, expect=(201,))
    return body["id"]


def record(api, i, community_id):
    with_file = i % 2 == 0
    _, draft = api.call("POST", "/records", {
        "access": {"record": "public", "files": "public"},
        "files": {"enabled": with_file},
        "metadata": {
            "resource_type": {"id": RESOURCE_TYPES[i % len(RESOURCE_TYPES)]},
            "title": f"Seed record {i + 1}: {TOPICS[i % len(TOPICS)]} observations",
            "publication_date": f"{2020 + i % 5}-0{1 + i % 9}-15",
            "publisher": "InvenioRDM",
            "creators": [{"person_or_org": {"type": "personal", "given_name": "Josiah",
                                            "family_name": "Carberry"}}],
            "rights": [{"id": LICENSES[i % len(LICENSES)]}],
            "languages": [{"id": LANGUAGES[i % len(LANGUAGES)]}],
            "subjects": [{"subject": "load testing"}],
            "description": f"Synthetic record about {TOPICS[i % len(TOPICS)]}.",
        },
    }, expect=(201,))
    rid = draft["id"]
    if with_file:
        content = ("x,y\n" + "".join(f"{n},{n * n}\n" for n in range(100))).encode()
        api.call("POST", f"/records/{rid}/draft/files", [{"key": "data.csv"}], expect=(201,))
        api.call("PUT", f"/records/{rid}/draft/files/data.csv/content", content,
                 content_type="application/octet-stream", expect=(200,))
        api.call("POST", f"/records/{rid}/draft/files/data.csv/commit", expect=(200, 201))
    api.call("POST", f"/records/{rid}/draft/actions/publish", expect=(202,))
    api.call("POST", f"/records/{rid}/communities", {"communities": [{"id": community_id}]},
             expect=(200, 201))
    return rid


def main():
    base, token_file, slug, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(token_file) as f:
        api = Api(base, f.read().strip())
    community_id = community(api, slug)
    for i in range(count):
        print("published", record(api, i, community_id))


if __name__ == "__main__":
    main()
