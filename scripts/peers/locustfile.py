"""The default mix's read journeys in Locust, for scripts/bench-peers.sh: an API search with paging, then maybe a hit
opened and one of its files downloaded; a record's landing page with its citation box and what it links; an image
through IIIF (manifest, info.json, thumbnail, tiles). Weights, branches and probabilities as the Gatling journeys
(src/test/java/rdmloadtest/journeys) with traffic.search.deepPageShare=0 and facetShare=0. Written as a Locust user
would write it: FastHttpUser, response.json(), re over the page; each task is one session.

PEERS_DATA names the feeders folder (data/default/feeders)."""
import csv
import json
import os
import random
import re

from locust import FastHttpUser, constant, task

DATA = os.environ.get("PEERS_DATA", "data/default/feeders")
MAX_DOWNLOAD = 50_000_000
SORTS = ["newest", "oldest", "updated-desc", "updated-asc", "version", "mostviewed", "mostdownloaded"]
SIZES = [10] * 20 + [25] * 65 + [100] * 15
UI_JSON = "application/vnd.inveniordm.v1+json"


def rows(name):
    with open(os.path.join(DATA, name), newline="") as f:
        return list(csv.DictReader(f))


QUERIES = [r["q"] for r in rows("search_queries.csv")]
RECORDS = [r["id"] for r in rows("records.csv")]
IMAGE_RECORDS = sorted({r["record_id"] for r in rows("files.csv") if r["mimetype"].startswith("image/")})

EXPORT = re.compile(r'"export_url": "/records/[^/"]+/export/([a-z0-9-]+)"')
STYLES = re.compile(r"data-styles='([^']*)'")
DEFAULT_STYLE = re.compile(r"data-defaultstyle='\"([^\"]+)\"'")
PREVIEW = re.compile(r'href="(/records/[^/"]+/preview/[^"?]+)')
EMBARGO = '"embargo": {"active": true'


def geometric(p, cap):
    n = 0
    while n < cap and random.random() < p:
        n += 1
    return n


class Reader(FastHttpUser):
    wait_time = constant(0)

    @task(22)
    def search(self):
        q = random.choice(QUERIES)
        browse = not q or random.random() < 0.15
        params = {} if browse else {"q": q}
        params["sort"] = "bestmatch" if not browse and random.random() < 0.5 else random.choice(SORTS)
        params["size"] = random.choice(SIZES)
        params["page"] = 1
        page = self.search_page("/api/records", params)
        if page is None:
            return
        if not page["ids"] and random.random() < 0.5:
            page = self.search_page("/api/records", {"sort": "newest", "page": 1, "size": 25})
            if page is None:
                return
        for _ in range(geometric(0.35, 4)):
            if not page["next"]:
                break
            page = self.search_page(page["next"], None)
            if page is None:
                return
        if page["ids"] and random.random() < 0.6:
            self.view_record(random.choice(page["ids"]))

    def search_page(self, path, params):
        with self.client.get(path, params=params, name="Search records", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
                return None
            body = r.json()
            total = body["hits"]["total"]
            if not isinstance(total, int):
                r.failure("hits.total is not a number")
                return None
            return {"ids": [h["id"] for h in body["hits"]["hits"]], "next": body["links"].get("next")}

    def view_record(self, record_id):
        with self.client.get(f"/api/records/{record_id}", name="View record", catch_response=True) as r:
            if r.status_code != 200 or "ETag" not in r.headers:
                r.failure(f"status {r.status_code}, ETag {r.headers.get('ETag')}")
                return
            record = r.json()
            if record["id"] != record_id:
                r.failure(f"another record: {record['id']}")
                return
        links = record["links"]
        if random.random() < 0.2:
            with self.client.get(links["versions"], name="List versions", catch_response=True) as v:
                if v.status_code != 200 or v.json()["hits"]["total"] < 1:
                    v.failure("no versions")
        if random.random() < 0.1:
            with self.client.get(links["latest"], name="Resolve latest version", allow_redirects=False,
                                 catch_response=True) as v:
                if v.status_code != 301 or "Location" not in v.headers:
                    v.failure(f"status {v.status_code}")
        entries = (record.get("files") or {}).get("entries") or {}
        small = [e for e in entries.values() if e["size"] <= MAX_DOWNLOAD]
        if small and random.random() < 0.6:
            with self.client.get(random.choice(small)["links"]["content"], name="Download file",
                                 catch_response=True) as d:
                if d.status_code != 200 or "ETag" not in d.headers:
                    d.failure(f"status {d.status_code}")
        total = (record.get("files") or {}).get("total_bytes") or 0
        if "archive" in links and entries and total <= MAX_DOWNLOAD and random.random() < 0.05:
            with self.client.get(links["archive"], name="Download archive", catch_response=True) as a:
                if a.status_code != 200 or a.headers.get("Content-Type") != "application/zip":
                    a.failure(f"status {a.status_code}")

    @task(20)
    def landing_page(self):
        record_id = random.choice(RECORDS)
        with self.client.get(f"/records/{record_id}", name="Open record page", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
                return
            html = r.text
            formats = EXPORT.findall(html)
            styles = STYLES.search(html)
            default = DEFAULT_STYLE.search(html)
            if not formats or not styles or not default:
                r.failure("no export menu or citation box")
                return
            embargoed = EMBARGO in html
            previews = PREVIEW.findall(html)
        self.cite(record_id, default.group(1))
        if random.random() < 0.2:
            offered = [s[0] for s in json.loads(styles.group(1))]
            others = [s for s in offered if s not in (default.group(1), "vancouver", "chicago-fullnote-bibliography")]
            if others:
                self.cite(record_id, random.choice(others))
        if random.random() < 0.15:
            fmt = random.choice([f for f in set(formats) if not (f == "codemeta" and embargoed)])
            with self.client.get(f"/records/{record_id}/export/{fmt}", name="Export record", catch_response=True) as e:
                if e.status_code != 200 or not e.content:
                    e.failure(f"status {e.status_code}")
        if previews and random.random() < 0.3:
            self.client.get(random.choice(previews), name="Preview file")

    def cite(self, record_id, style):
        with self.client.get(f"/api/records/{record_id}", params={"style": style, "locale": "en-US"},
                             headers={"Accept": "text/x-bibliography"}, name="Cite record",
                             catch_response=True) as c:
            if c.status_code != 200 or not c.content:
                c.failure(f"status {c.status_code}")

    @task(5)
    def iiif(self):
        record_id = random.choice(IMAGE_RECORDS)
        with self.client.get(f"/api/iiif/record:{record_id}/manifest", name="IIIF manifest",
                             catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
                return
            services = [c["images"][0]["resource"]["service"]["@id"] for c in r.json()["sequences"][0]["canvases"]]
        if not services:
            return
        image = random.choice(services)
        with self.client.get(f"{image}/info.json", name="IIIF image info", catch_response=True) as r:
            info = r.json()
            width, height = info["width"], info["height"]
            if r.status_code != 200 or width <= 0 or height <= 0:
                r.failure("no size")
                return
        self.jpeg(f"{image}/full/250,/0/default.jpg", "IIIF thumbnail")
        for _ in range(4 + random.randrange(9)):
            self.jpeg(f"{image}/{tile(width, height)}/0/default.jpg", "IIIF tile")

    def jpeg(self, url, name):
        with self.client.get(url, name=name, catch_response=True) as r:
            if r.status_code != 200 or r.headers.get("Content-Type") != "image/jpeg":
                r.failure(f"status {r.status_code}")


def tile(width, height):
    """As OpenSeadragon asks: a square of 256 px times the zoom-out, clipped at the edges, at 256 px per square."""
    zoom = random.choice([1, 2, 4, 8])
    while zoom > 1 and 256 * zoom > max(width, height):
        zoom //= 2
    side = 256 * zoom
    x = random.randrange((width + side - 1) // side) * side
    y = random.randrange((height + side - 1) // side) * side
    w, h = min(side, width - x), min(side, height - y)
    return f"{x},{y},{w},{h}/{max(1, (w + zoom - 1) // zoom)},"

