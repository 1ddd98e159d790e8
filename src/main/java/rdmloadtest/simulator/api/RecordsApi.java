package rdmloadtest.simulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import rdmloadtest.simulator.api.DraftValidator.FieldError;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.search.Searcher;
import rdmloadtest.simulator.store.Parent;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;
import rdmloadtest.simulator.store.StoredFile;

/** /api/records: search, read, versions, and the deposit flow (draft, edit, new version, publish, discard). */
public final class RecordsApi {
    private static final Searcher.Options RECORD_SEARCH_V13 =
            new Searcher.Options(List.of("access_status", "resource_type", "file_type"), "newest");
    private static final Searcher.Options RECORD_SEARCH_V14 =
            new Searcher.Options(List.of("access_status", "resource_type", "file_type", "publication_date"), "newest");
    private static final Searcher.Options VERSIONS = new Searcher.Options(List.of(), "version");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnonymousReads anonymousReads = new AnonymousReads();
    private final Repository repo;
    private final RecordJson json;
    private final Index index;
    private final Searcher searcher;
    private final DraftValidator validator;
    private final String version;

    public RecordsApi(
            Repository repo,
            RecordJson json,
            Index index,
            Searcher searcher,
            DraftValidator validator,
            String version) {
        this.repo = repo;
        this.json = json;
        this.index = index;
        this.searcher = searcher;
        this.validator = validator;
        this.version = version;
    }

    public void routes(Router r) {
        r.add("GET", "/api/records", EndpointClass.SEARCH, this::search);
        r.add("POST", "/api/records", EndpointClass.DEPOSIT, this::createDraft);
        r.add("GET", "/api/records/{id}", EndpointClass.RECORD, this::read);
        r.add("GET", "/api/records/{id}/versions", EndpointClass.SEARCH, this::versions);
        r.add("POST", "/api/records/{id}/versions", EndpointClass.DEPOSIT, this::newVersion);
        r.add("GET", "/api/records/{id}/versions/latest", EndpointClass.RECORD, this::latest);
        r.add("GET", "/api/records/{id}/draft", EndpointClass.RECORD, this::readDraft);
        r.add("POST", "/api/records/{id}/draft", EndpointClass.DEPOSIT, this::edit);
        r.add("PUT", "/api/records/{id}/draft", EndpointClass.DEPOSIT, this::updateDraft);
        r.add("DELETE", "/api/records/{id}/draft", EndpointClass.DEPOSIT, this::deleteDraft);
        r.add("POST", "/api/records/{id}/draft/actions/publish", EndpointClass.DEPOSIT, this::publish);
        r.add("DELETE", "/api/records/{id}/delete", EndpointClass.DEPOSIT, this::deleteRecord);
    }

    Reply search(Call c) {
        boolean all = c.first("allversions")
                .map(v -> v.equalsIgnoreCase("true") || v.equals("1"))
                .orElse(false);
        ObjectNode body = repo.read(() -> searcher.search(
                c,
                index.records(c.identity, all, null),
                version.equals("14") ? RECORD_SEARCH_V14 : RECORD_SEARCH_V13,
                "/records",
                d -> json.record(d, c.api(), c.identity, host(c), RecordJson.View.HIT)));
        return RecordFormats.search(c.header("accept"), body, c.siteUrl);
    }

    Reply read(Call c) {
        // flask-resources negotiates before the view runs: a type it cannot serve is 406 whatever the id.
        String type = RecordFormats.negotiate(c.header("accept"));
        return repo.read(() -> {
            String id = c.param("id");
            RecordDoc r = repo.record(id).orElse(null);
            if (r == null) {
                Parent p = repo.parent(id).orElse(null);
                if (p != null && p.latestId() != null) {
                    // a plain Flask redirect (werkzeug's HTML body), unlike the JSON 301 of /versions/latest
                    String target = "/api/records/" + p.latestId();
                    return Reply.bytes(
                                    302,
                                    "text/html; charset=utf-8",
                                    htmlRedirect(target).getBytes(StandardCharsets.UTF_8))
                            .header("Location", target);
                }
                if (repo.draft(id).isPresent()) throw new ApiError(404, "The persistent identifier is not registered.");
                throw ApiError.notFound();
            }
            checkTombstone(r);
            if (!AccessRules.canReadRecord(r, c.identity)) throw ApiError.forbidden();
            Reply body = !type.equals(RecordFormats.JSON_TYPE)
                    ? RecordFormats.serialize(
                            type,
                            json.record(r, c.api(), c.identity, host(c), RecordJson.View.READ),
                            c.api().replaceAll("/api$", ""),
                            c.first("style").orElse(null),
                            version)
                    : c.identity.authenticated()
                            ? Reply.json(200, json.record(r, c.api(), c.identity, host(c), RecordJson.View.READ))
                            : Reply.bytes(
                                    200,
                                    "application/json",
                                    anonymousReads.get(
                                            r,
                                            repo.versionsOf(r.parent),
                                            c.api(),
                                            host(c),
                                            () -> bytes(json.record(
                                                    r, c.api(), c.identity, host(c), RecordJson.View.READ))));
            // v13 sends no ETag with its JSON-LD, CSV and linkset serializers (measured 2026-12-05)
            if (!RecordFormats.WITHOUT_ETAG.contains(type)) withEtag(body, r);
            return body.header(
                    "Link",
                    "<" + c.api() + "/records/" + r.id + "> ; rel=\"linkset\" ; type=\"application/linkset+json\"");
        });
    }

    /** A deleted record answers 410 with its tombstone, or 404 when the tombstone is hidden. */
    static void checkTombstone(RecordDoc r) {
        if (!r.deleted()) return;
        if (!r.tombstone.path("is_visible").asBoolean(true)) throw new ApiError(404, "Record not found");
        throw new ApiError(410, "Record deleted").with("tombstone", r.tombstone.deepCopy());
    }

    Reply versions(Call c) {
        return repo.read(() -> {
            RecordDoc r = published(c.param("id"));
            if (!AccessRules.canReadRecord(r, c.identity)) throw ApiError.forbidden();
            return Reply.json(
                    200,
                    searcher.search(
                            c,
                            index.versions(r, c.identity),
                            VERSIONS,
                            "/records/" + r.id + "/versions",
                            d -> json.record(d, c.api(), c.identity, host(c), RecordJson.View.HIT)));
        });
    }

    Reply latest(Call c) {
        return repo.read(() -> {
            RecordDoc r = published(c.param("id"));
            String target = c.api() + "/records/" + r.parent.latestId();
            return Reply.json(301, redirectBody(301, target)).header("Location", target);
        });
    }

    private static String htmlRedirect(String target) {
        return "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
                + "<p>You should be redirected automatically to the target URL: <a href=\"" + target + "\">" + target
                + "</a>. If not, click the link.\n";
    }

    private static ObjectNode redirectBody(int status, String location) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("status", status)
                .put("message", "Redirecting...")
                .put("location", location);
    }

    Reply readDraft(Call c) {
        return repo.read(() -> {
            RecordDoc d = ownDraft(c);
            return withEtag(Reply.json(200, json.record(d, c.api(), c.identity, host(c))), d);
        });
    }

    Reply createDraft(Call c) {
        requireUser(c);
        JsonNode body = c.jsonBody();
        return repo.write(() -> {
            Parent p = repo.newParent(c.identity.userId());
            RecordDoc d = new RecordDoc(repo.newId(), p, true, Instant.now(), null);
            d.versionIndex = 1;
            d.revision = 3;
            p.pendingDraftId = d.id;
            List<FieldError> errors = DraftPayload.apply(body, d);
            errors.addAll(dropInvalid(d));
            repo.putDraft(d);
            return draftReply(201, d, c, errors);
        });
    }

    Reply updateDraft(Call c) {
        JsonNode body = c.jsonBody();
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            checkRevision(c, d);
            List<FieldError> errors = DraftPayload.apply(body, d);
            errors.addAll(dropInvalid(d));
            // the files component checks on update (not on create) that an enabled draft has files
            if (d.filesEnabled && d.files.isEmpty()) errors.addAll(validator.fileErrors(d));
            touch(d);
            return draftReply(200, d, c, errors);
        });
    }

    Reply deleteDraft(Call c) {
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            checkRevision(c, d);
            repo.removeDraft(d.id);
            index.invalidate(d);
            if (!d.editOfPublished) {
                d.parent.pendingDraftId = null;
                d.files.values().forEach(f -> {
                    if (f.bytes != null) f.bytes.discard();
                });
            }
            return Reply.empty(204);
        });
    }

    Reply edit(Call c) {
        return repo.write(() -> {
            RecordDoc existing = repo.draft(c.param("id")).orElse(null);
            if (existing != null) {
                if (!AccessRules.canEdit(existing, c.identity)) throw ApiError.forbidden();
                return draftReply(201, existing, c, validator.metadataErrors(existing));
            }
            RecordDoc r = published(c.param("id"));
            if (!AccessRules.canEdit(r, c.identity)) throw ApiError.forbidden();
            RecordDoc d = new RecordDoc(r.id, r.parent, true, r.created, r.bucketId);
            d.copyContentFrom(r);
            d.editOfPublished = true;
            d.versionIndex = r.versionIndex;
            d.revision = r.revision + 1;
            r.files.values().forEach(f -> d.files.put(f.key, f));
            repo.putDraft(d);
            return draftReply(201, d, c, validator.metadataErrors(d));
        });
    }

    Reply newVersion(Call c) {
        return repo.write(() -> {
            RecordDoc r = published(c.param("id"));
            if (!AccessRules.canEdit(r, c.identity)) throw ApiError.forbidden();
            Parent p = r.parent;
            if (p.pendingDraftId != null && repo.draft(p.pendingDraftId).isPresent()) {
                return draftReply(201, repo.draft(p.pendingDraftId).get(), c, List.of());
            }
            RecordDoc latest = repo.record(p.latestId()).orElse(r);
            RecordDoc d = new RecordDoc(repo.newId(), p, true, Instant.now(), null);
            d.copyContentFrom(latest);
            // v13 drops publication_date and version from a new version; v14 sets today's date instead.
            if (version.equals("14"))
                d.metadata.put("publication_date", LocalDate.now().toString());
            else d.metadata.remove("publication_date");
            d.metadata.remove("version");
            d.versionIndex = repo.versionsOf(p).stream()
                            .mapToInt(v -> v.versionIndex)
                            .max()
                            .orElse(0)
                    + 1;
            d.revision = 3;
            p.pendingDraftId = d.id;
            repo.putDraft(d);
            return draftReply(201, d, c, List.of());
        });
    }

    Reply publish(Call c) {
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            // the record schema is validated first: files are only checked once the metadata is valid
            List<FieldError> errors = new ArrayList<>(validator.metadataErrors(d));
            if (errors.isEmpty()) errors.addAll(validator.fileErrors(d));
            if (!errors.isEmpty()) {
                throw new ApiError(400, "A validation error occurred.").with("errors", DraftValidator.toJson(errors));
            }
            RecordDoc previous = repo.record(d.id).orElse(null);
            Instant now = Instant.now();
            RecordDoc r = new RecordDoc(d.id, d.parent, false, d.created, d.bucketId);
            r.copyContentFrom(d);
            r.versionIndex = d.versionIndex;
            r.updated = now;
            r.revision = d.revision + 1;
            d.files.values().forEach(f -> r.files.put(f.key, f));
            if (previous != null) {
                r.downloads = previous.downloads;
                r.dataVolume = previous.dataVolume;
            } else {
                d.parent.versions.add(r.id);
                d.parent.pendingDraftId = null;
            }
            r.searchableFrom = index.published(now);
            repo.putRecord(r);
            repo.removeDraft(d.id);
            index.invalidate(d);
            if (previous != null) index.invalidate(previous);
            return withEtag(Reply.json(202, json.record(r, c.api(), c.identity, host(c))), r);
        });
    }

    Reply deleteRecord(Call c) {
        if (!c.identity.admin()) throw ApiError.forbidden();
        JsonNode body = c.header("content-type").isPresent() ? c.jsonBody() : JsonNodeFactory.instance.objectNode();
        return repo.write(() -> {
            RecordDoc r = published(c.param("id"));
            ObjectNode t = JsonNodeFactory.instance.objectNode();
            t.put("note", body.path("note").asText(""));
            t.putObject("removed_by").put("user", c.identity.userId());
            t.put("removal_date", RecordJson.ts(Instant.now()));
            t.put("citation_text", body.path("citation_text").asText(""));
            t.put("is_visible", body.path("is_visible").asBoolean(true));
            t.set(
                    "removal_reason",
                    body.has("removal_reason")
                            ? body.get("removal_reason")
                            : JsonNodeFactory.instance.objectNode().put("id", "spam"));
            r.tombstone = t;
            return Reply.empty(204);
        });
    }

    // --- helpers -------------------------------------------------------------------------------

    /**
     * A draft answer with the errors of this request (a new version's draft reports none, although its
     * publication_date is gone, as InvenioRDM's does).
     */
    private Reply draftReply(int status, RecordDoc d, Call c, List<FieldError> errors) {
        ObjectNode body = json.record(d, c.api(), c.identity, host(c));
        if (!errors.isEmpty()) body.set("errors", DraftValidator.toJson(errors));
        return withEtag(Reply.json(status, body), d);
    }

    /**
     * Partial saves keep only valid data: a metadata field that fails validation is reported and left out
     * of the stored draft (marshmallow drops it), e.g. a two-letter title.
     */
    private List<FieldError> dropInvalid(RecordDoc d) {
        List<FieldError> errors = validator.metadataErrors(d);
        for (FieldError e : errors) {
            if (e.field().startsWith("metadata.")) d.metadata.remove(e.field().split("\\.")[1]);
        }
        return errors;
    }

    private void touch(RecordDoc d) {
        d.updated = Instant.now();
        d.revision++;
        index.invalidate(d);
    }

    RecordDoc published(String id) {
        RecordDoc r = repo.record(id).orElseThrow(ApiError::notFound);
        checkTombstone(r);
        return r;
    }

    /** The caller's draft: unknown → 404; someone else's → 403 (anonymous too). */
    RecordDoc ownDraft(Call c) {
        RecordDoc d = repo.draft(c.param("id")).orElseThrow(ApiError::notFound);
        if (!AccessRules.canEdit(d, c.identity)) throw ApiError.forbidden();
        return d;
    }

    static void requireUser(Call c) {
        if (!c.identity.authenticated()) throw ApiError.forbidden();
    }

    private static void checkRevision(Call c, RecordDoc d) {
        c.ifMatch().ifPresent(rev -> {
            if (rev != d.revision) {
                throw new ApiError(
                        412,
                        "The document revision id " + rev + " does not match the current revision " + d.revision + ".");
            }
        });
    }

    /** As the simulator writes every JSON reply (a default ObjectMapper). */
    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a record", e);
        }
    }

    static Reply withEtag(Reply r, RecordDoc d) {
        return r.header("ETag", "\"" + d.revision + "\"");
    }

    public static String host(Call c) {
        // Not String.replaceFirst: it compiles its regex on every record read.
        String url = c.siteUrl;
        if (url.startsWith("http://")) return url.substring("http://".length());
        return url.startsWith("https://") ? url.substring("https://".length()) : url;
    }

    /** Owner-side helper for FilesApi: the files of a draft, locked when it edits a published record. */
    static void requireUnlockedFiles(RecordDoc d) {
        if (d.editOfPublished) throw ApiError.forbidden();
    }

    static StoredFile file(RecordDoc r, String key) {
        StoredFile f = r.files.get(key);
        if (f == null) throw new ApiError(404, "Record '" + r.id + "' has no file '" + key + "'.");
        return f;
    }
}
