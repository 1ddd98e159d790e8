#!/usr/bin/env bash
# Walk the REST API of the running local InvenioRDM once and print expected vs. observed status codes.
#   smoke.sh [--version 13|14]     (needs a running "invenio-local up"; talks only to 127.0.0.1)
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="${INVENIO_LOCAL_STATE:-$HERE/.state}"
VERSION="$(cat "$STATE/active-version" 2>/dev/null || echo 13)"
[[ "${1:-}" == --version ]] && VERSION="$2"
B="http://127.0.0.1:${INVENIO_LOCAL_PORT:-5000}/api"
TOKEN="$(cat "$STATE/v$VERSION/tokens/loadtest.token")" || exit 1
AUTH="Authorization: Bearer $TOKEN"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
FAILED=0 PASSED=0

check() { # check NAME EXPECTED CURL-ARGS... ; body in $TMP/body, headers in $TMP/head
    local name="$1" want="$2" got; shift 2
    got=$(curl -s -D "$TMP/head" -o "$TMP/body" -w '%{http_code}' --max-time 60 "$@")
    if [[ "$got" == "$want" ]]; then PASSED=$((PASSED + 1)); mark=ok; else FAILED=$((FAILED + 1)); mark=DIFF; fi
    printf '%-4s %-52s want %s got %s\n' "$mark" "$name" "$want" "$got"
}
json() { python3 -c "import json,sys; d=json.load(open('$TMP/body')); print($1)"; }

printf 'id,value\n1,alpha\n2,beta\n3,gamma\n' > "$TMP/data.csv"
cat > "$TMP/draft.json" <<'EOF'
{"access": {"record": "public", "files": "public"}, "files": {"enabled": true},
 "metadata": {"resource_type": {"id": "dataset"}, "title": "Smoke test record", "publication_date": "2024-05-14",
  "publisher": "InvenioRDM",
  "creators": [{"person_or_org": {"type": "personal", "given_name": "Josiah", "family_name": "Carberry"}}]}}
EOF

echo "InvenioRDM v$VERSION at $B"
check "GET /records (anonymous)" 200 "$B/records"
check "POST /records (anonymous)" 403 -H 'Content-Type: application/json' -X POST -d @"$TMP/draft.json" "$B/records"
check "POST /records (token)" 201 -H "$AUTH" -H 'Content-Type: application/json' -X POST -d @"$TMP/draft.json" "$B/records"
RID=$(json 'd["id"]'); echo "     draft $RID, revision_id $(json 'd["revision_id"]'), ETag $(grep -i '^etag' "$TMP/head" | tr -d '\r' | cut -d' ' -f2)"
check "POST /records/{id}/draft/files" 201 -H "$AUTH" -H 'Content-Type: application/json' -X POST -d '[{"key": "data.csv"}]' "$B/records/$RID/draft/files"
check "PUT  /records/{id}/draft/files/data.csv/content" 200 -H "$AUTH" -H 'Content-Type: application/octet-stream' -X PUT --data-binary @"$TMP/data.csv" "$B/records/$RID/draft/files/data.csv/content"
check "POST /records/{id}/draft/files/data.csv/commit" 200 -H "$AUTH" -X POST "$B/records/$RID/draft/files/data.csv/commit"
check "POST /records/{id}/draft/actions/publish" 202 -H "$AUTH" -X POST "$B/records/$RID/draft/actions/publish"
PARENT=$(json 'd["parent"]["id"]')
SECONDS_T0=$(date +%s.%N)
check "GET /records/{id}" 200 "$B/records/$RID"
found=0
for _ in $(seq 50); do
    curl -s -o "$TMP/body" "$B/records?q=id:$RID"
    [[ "$(json 'd["hits"]["total"]')" == 1 ]] && { found=1; break; }
    sleep 0.1
done
echo "     search q=id:$RID finds it: $found, after $(awk -v a="$SECONDS_T0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')s"
check "GET /records?q=metadata.title:\"Smoke test record\"" 200 "$B/records?q=metadata.title:%22Smoke%20test%20record%22"
check "GET /records/{id}/files/data.csv/content" 200 "$B/records/$RID/files/data.csv/content"
cmp -s "$TMP/body" "$TMP/data.csv" && echo "     content identical" || { echo "     content DIFFERS"; FAILED=$((FAILED + 1)); }
check "GET /records/{id}/files-archive" 200 "$B/records/$RID/files-archive"
check "GET /records/{id}/versions/latest" 301 "$B/records/$RID/versions/latest"
check "GET /records/{parent id}" 302 "$B/records/$PARENT"
check "GET /records/{id}/draft after publish" 404 -H "$AUTH" "$B/records/$RID/draft"
check "GET /user/records (token)" 200 -H "$AUTH" "$B/user/records"
check "GET /user/records (anonymous)" 403 "$B/user/records"
check "GET /communities" 200 "$B/communities"
check "GET /communities/loadtest/records" 200 "$B/communities/loadtest/records"
echo "     community records: $(json 'd["hits"]["total"]')"
check "GET /records?sort=foo" 400 "$B/records?sort=foo"
check "GET /records?size=25&page=401" 400 "$B/records?size=25&page=401"
check "GET /records/{id} with an invalid token" 200 -H 'Authorization: Bearer invalid' "$B/records/$RID"
check "GET content with Accept: application/octet-stream" 406 -H 'Accept: application/octet-stream' "$B/records/$RID/files/data.csv/content"
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
