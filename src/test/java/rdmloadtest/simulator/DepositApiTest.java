package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deposit flow of §5: drafts, partial saves, If-Match, 3-step upload, publish, edit, new version, discard. */
class DepositApiTest extends AbstractSimulatorTest {
    static List<Fixture.Rec> recs;
    static Sim sim;

    @BeforeAll
    static void start() throws Exception {
        recs = Fixture.records(40);
        sim = Sim.start(recs, fast("simulator.refreshDelay", "1s"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    static JsonNode createDraft(ObjectNode payload) throws Exception {
        return sim.json("POST", "/api/records", payload, USER1).expect(201).json();
    }

    /** init + content + commit of one file; the commit answer. */
    static JsonNode upload(String id, String key, byte[] bytes) throws Exception {
        sim.json("POST", "/api/records/" + id + "/draft/files", "[{\"key\": \"" + key + "\"}]", USER1)
                .expect(201);
        sim.send(
                        "PUT",
                        "/api/records/" + id + "/draft/files/" + key + "/content",
                        "application/octet-stream",
                        bytes,
                        withAuth(USER1))
                .expect(200);
        return sim.as(USER1, "POST", "/api/records/" + id + "/draft/files/" + key + "/commit")
                .expect(200)
                .json();
    }

    static JsonNode publishedRecord(String title) throws Exception {
        String id = createDraft(minimalRecord(title, true)).path("id").asText();
        upload(id, "data.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        return sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish")
                .expect(202)
                .json();
    }

    static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void createDraftAnswers201WithTheDraft() throws Exception {
        Res r = sim.json("POST", "/api/records", minimalRecord("A valid draft", true), USER1)
                .expect(201);
        JsonNode b = r.json();
        assertTrue(
                b.path("id").asText().matches("[0-9a-z]{5}-[0-9a-z]{5}"),
                b.path("id").asText());
        assertTrue(b.path("is_draft").asBoolean());
        assertFalse(b.path("is_published").asBoolean(true));
        assertEquals("draft", b.path("status").asText());
        assertEquals(
                sim.base + "/api/records/" + b.path("id").asText() + "/draft",
                b.path("links").path("self").asText());
        assertEquals("\"" + b.path("revision_id").asInt() + "\"", r.header("ETag"));
        assertFalse(b.has("errors"), "a complete payload has no errors: " + b.path("errors"));
        assertTrue(b.path("files").path("enabled").asBoolean());
        assertEquals(
                "1",
                b.path("parent").path("access").path("owned_by").path("user").asText());
    }

    @Test
    void anonymousCreateIsForbiddenNot401() throws Exception {
        JsonNode b = sim.json("POST", "/api/records", minimalRecord("Anonymous", true), null)
                .expect(403)
                .json();
        assertEquals("Permission denied.", b.path("message").asText());
    }

    @Test
    void unknownTokenIsAnonymous() throws Exception {
        sim.json("POST", "/api/records", minimalRecord("Bad token", true), "no-such-token")
                .expect(403);
    }

    @Test
    void accessTokenQueryParameterAuthenticates() throws Exception {
        sim.json("POST", "/api/records?access_token=" + USER1, minimalRecord("Token in query", true), null)
                .expect(201);
    }

    @Test
    void createWithWrongContentTypeIs415() throws Exception {
        Res r = sim.send("POST", "/api/records", "text/plain", "{}".getBytes(StandardCharsets.UTF_8), withAuth(USER1));
        r.expect(415);
        assertTrue(r.json().path("message").asText().startsWith("Invalid 'Content-Type' header."));
    }

    @Test
    void createWithInvalidJsonIs400() throws Exception {
        JsonNode b =
                sim.json("POST", "/api/records", "{not json", USER1).expect(400).json();
        assertEquals(
                "Unable to decode JSON data in request body.", b.path("message").asText());
    }

    @Test
    void partialDraftKeepsValidDataAndReportsTheRest() throws Exception {
        JsonNode b = sim.json("POST", "/api/records", "{\"metadata\": {\"title\": \"ab\"}, \"bogus\": 1}", USER1)
                .expect(201)
                .json();
        List<String> fields = new ArrayList<>();
        b.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(fields.contains("metadata.title"), fields.toString());
        assertTrue(fields.contains("metadata.creators"), fields.toString());
        assertTrue(fields.contains("metadata.publication_date"), fields.toString());
        assertFalse(fields.contains("bogus"), "unknown top-level keys are dropped silently (v13): " + fields);
        for (JsonNode e : b.path("errors")) {
            if (e.path("field").asText().equals("metadata.title")) {
                assertEquals(
                        "Shorter than minimum length 3.",
                        e.path("messages").path(0).asText());
            }
        }
        JsonNode saved = sim.as(USER1, "GET", "/api/records/" + b.path("id").asText() + "/draft")
                .expect(200)
                .json();
        assertFalse(
                saved.path("metadata").has("title"), "an invalid field is not stored (v13): " + saved.path("metadata"));
    }

    @Test
    void draftIsVisibleOnlyToItsOwner() throws Exception {
        String id = createDraft(minimalRecord("Private draft", true)).path("id").asText();
        sim.as(USER1, "GET", "/api/records/" + id + "/draft").expect(200);
        assertEquals(
                "Permission denied.",
                sim.as(USER2, "GET", "/api/records/" + id + "/draft")
                        .expect(403)
                        .json()
                        .path("message")
                        .asText());
        sim.get("/api/records/" + id + "/draft").expect(403);
        sim.json("PUT", "/api/records/" + id + "/draft", minimalRecord("Hijack", true), USER2)
                .expect(403);
        sim.as(USER2, "POST", "/api/records/" + id + "/draft/actions/publish").expect(403);
        sim.as(ADMIN, "GET", "/api/records/" + id + "/draft").expect(200);
        JsonNode unpublished = sim.get("/api/records/" + id).expect(404).json();
        assertEquals(
                "The persistent identifier is not registered.",
                unpublished.path("message").asText());
    }

    @Test
    void updateDraftHonoursIntegerIfMatch() throws Exception {
        JsonNode d = createDraft(minimalRecord("Revisions", true));
        String id = d.path("id").asText();
        int rev = d.path("revision_id").asInt();
        Res ok = sim.json(
                        "PUT",
                        "/api/records/" + id + "/draft",
                        minimalRecord("Revisions 2", true),
                        USER1,
                        "If-Match",
                        String.valueOf(rev))
                .expect(200);
        assertEquals(rev + 1, ok.json().path("revision_id").asInt(), "every draft write increments revision_id");
        assertEquals("\"" + (rev + 1) + "\"", ok.header("ETag"));
        assertEquals("Revisions 2", ok.json().path("metadata").path("title").asText());
        JsonNode stale = sim.json(
                        "PUT",
                        "/api/records/" + id + "/draft",
                        minimalRecord("Revisions 3", true),
                        USER1,
                        "If-Match",
                        String.valueOf(rev))
                .expect(412)
                .json();
        assertEquals(412, stale.path("status").asInt());
        JsonNode quoted = sim.json(
                        "PUT",
                        "/api/records/" + id + "/draft",
                        minimalRecord("Revisions 3", true),
                        USER1,
                        "If-Match",
                        "\"" + (rev + 1) + "\"")
                .expect(400)
                .json();
        assertEquals(
                "if_match",
                quoted.path("errors").path(0).path("field").asText(),
                "If-Match is an integer header: the quoted ETag is rejected");
        sim.json("PUT", "/api/records/" + id + "/draft", minimalRecord("Revisions 4", true), USER1)
                .expect(200);
        JsonNode partial = sim.json("PUT", "/api/records/" + id + "/draft", "{\"metadata\": {\"title\": \"x\"}}", USER1)
                .expect(200)
                .json();
        assertTrue(partial.path("errors").isArray() && partial.path("errors").size() > 0, "update echoes errors too");
    }

    @Test
    void fileUploadInThreeSteps() throws Exception {
        String id = createDraft(minimalRecord("Upload", true)).path("id").asText();
        String files = "/api/records/" + id + "/draft/files";
        JsonNode init = sim.json("POST", files, "[{\"key\": \"data.csv\"}]", USER1)
                .expect(201)
                .json();
        JsonNode entry = init.path("entries").path(0);
        assertEquals("data.csv", entry.path("key").asText());
        assertEquals("pending", entry.path("status").asText());
        assertEquals(
                sim.base + files + "/data.csv/content",
                entry.path("links").path("content").asText());
        assertEquals(
                sim.base + files + "/data.csv/commit",
                entry.path("links").path("commit").asText());
        assertEquals(sim.base + files, init.path("links").path("self").asText());

        JsonNode dup = sim.json("POST", files, "[{\"key\": \"data.csv\"}]", USER1)
                .expect(400)
                .json();
        assertEquals(
                "File with key data.csv already exists.", dup.path("message").asText());

        byte[] bytes = new byte[12_345];
        new Random(42).nextBytes(bytes);
        sim.send("PUT", files + "/data.csv/content", "text/plain", bytes, withAuth(USER1))
                .expect(415);
        JsonNode put = sim.send("PUT", files + "/data.csv/content", "application/octet-stream", bytes, withAuth(USER1))
                .expect(200)
                .json();
        assertEquals("pending", put.path("status").asText());

        JsonNode commit =
                sim.as(USER1, "POST", files + "/data.csv/commit").expect(200).json();
        assertEquals("completed", commit.path("status").asText());
        assertEquals("md5:" + md5(bytes), commit.path("checksum").asText());
        assertEquals(bytes.length, commit.path("size").asLong());
        assertTrue(commit.has("file_id") && commit.has("version_id") && commit.has("bucket_id"), commit.toString());

        Res back = sim.as(USER1, "GET", files + "/data.csv/content").expect(200);
        assertEquals(md5(bytes), md5(back.body()));
        // v13 answers 200 with the old entry and "errors", and its cleanup drops the file from the draft
        JsonNode again = sim.send(
                        "PUT", files + "/data.csv/content", "application/octet-stream", bytes, withAuth(USER1))
                .expect(200)
                .json();
        assertEquals("File upload transfer failed.", again.path("errors").asText());
        sim.as(USER1, "GET", files + "/data.csv").expect(404);
    }

    @Test
    void fileInitRejectsEmptyListsAndUnknownKeys() throws Exception {
        String id = createDraft(minimalRecord("Init errors", true)).path("id").asText();
        String files = "/api/records/" + id + "/draft/files";
        JsonNode empty = sim.json("POST", files, "[]", USER1).expect(400).json();
        assertEquals("_schema", empty.path("errors").path(0).path("field").asText());
        assertEquals(
                "No files to upload.",
                empty.path("errors").path(0).path("messages").path(0).asText());
        sim.json("POST", files, "[{\"key\": \"a.txt\", \"bogus\": 1}]", USER1).expect(400);
        sim.json("POST", files, "[{\"key\": \"a.txt\"}]", USER2).expect(403);
        sim.json("POST", files, "[{\"key\": \"a.txt\"}]", null).expect(403);
    }

    @Test
    void publishWithoutFilesIsRejectedOnFilesEnabled() throws Exception {
        String id = createDraft(minimalRecord("No files", true)).path("id").asText();
        JsonNode b = sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish")
                .expect(400)
                .json();
        assertEquals("A validation error occurred.", b.path("message").asText());
        assertEquals("files.enabled", b.path("errors").path(0).path("field").asText());
        assertTrue(b.path("errors").path(0).path("messages").path(0).asText().startsWith("Missing uploaded files."));
    }

    @Test
    void publishWithPendingFileIsRejected() throws Exception {
        String id = createDraft(minimalRecord("Pending", true)).path("id").asText();
        sim.json("POST", "/api/records/" + id + "/draft/files", "[{\"key\": \"a.bin\"}]", USER1)
                .expect(201);
        sim.send(
                        "PUT",
                        "/api/records/" + id + "/draft/files/a.bin/content",
                        "application/octet-stream",
                        new byte[10],
                        withAuth(USER1))
                .expect(200);
        JsonNode b = sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish")
                .expect(400)
                .json();
        assertEquals("files", b.path("errors").path(0).path("field").asText());
        assertEquals(
                "One or more files have not completed their transfer, please wait.",
                b.path("errors").path(0).path("messages").path(0).asText());
    }

    @Test
    void publishWithInvalidMetadataIsRejected() throws Exception {
        ObjectNode p = minimalRecord("Undated", false);
        ((ObjectNode) p.get("metadata")).remove("publication_date");
        String id = createDraft(p).path("id").asText();
        JsonNode b = sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish")
                .expect(400)
                .json();
        assertEquals(
                "metadata.publication_date",
                b.path("errors").path(0).path("field").asText());
        assertEquals(
                "Missing data for required field.",
                b.path("errors").path(0).path("messages").path(0).asText());
    }

    @Test
    void metadataOnlyDraftPublishes() throws Exception {
        String id =
                createDraft(minimalRecord("Metadata only", false)).path("id").asText();
        JsonNode b = sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish")
                .expect(202)
                .json();
        assertEquals("metadata-only", b.path("access").path("status").asText());
    }

    @Test
    void publishAnswers202ThenDraftIs404AndRecordIs200() throws Exception {
        String id = createDraft(minimalRecord("Publish me", true)).path("id").asText();
        upload(id, "data.csv", "x,y\n".getBytes(StandardCharsets.UTF_8));
        Res r = sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish")
                .expect(202);
        JsonNode b = r.json();
        assertEquals(id, b.path("id").asText(), "the id minted at draft creation is kept");
        assertTrue(b.path("is_published").asBoolean());
        assertFalse(b.path("is_draft").asBoolean(true));
        assertTrue(b.path("files").path("entries").has("data.csv"));
        sim.as(USER1, "GET", "/api/records/" + id + "/draft").expect(404);
        sim.get("/api/records/" + id).expect(200);
    }

    @Test
    void searchSeesANewRecordOnlyAfterTheRefreshDelay() throws Exception {
        String w = word();
        JsonNode published = publishedRecord("Fresh " + w);
        String id = published.path("id").asText();
        String search = "/api/records?q=" + w;
        sim.get("/api/records/" + id).expect(200);
        assertEquals(
                0,
                sim.get(search).expect(200).json().path("hits").path("total").asInt(),
                "just published: not in the index yet");
        long t0 = System.nanoTime();
        Res found = sim.poll(search, x -> x.json().path("hits").path("total").asInt() == 1, Duration.ofSeconds(5));
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of(id), ids(found.json()), "visible after the refresh delay");
        assertTrue(waited >= 500, "appeared after " + waited + " ms, expected about 1 s");
    }

    @Test
    void newVersionGetsANewIdAndTheSameParent() throws Exception {
        JsonNode v1 = publishedRecord("Versioned");
        String id1 = v1.path("id").asText();
        String parent = v1.path("parent").path("id").asText();
        JsonNode v2 = sim.as(USER1, "POST", "/api/records/" + id1 + "/versions")
                .expect(201)
                .json();
        String id2 = v2.path("id").asText();
        assertTrue(
                sim.get("/api/records/" + id1).json().at("/versions/is_latest").asBoolean());
        assertNotEquals(id1, id2);
        assertEquals(parent, v2.path("parent").path("id").asText());
        assertEquals(2, v2.path("versions").path("index").asInt());
        assertTrue(v2.path("is_draft").asBoolean());
        assertFalse(v2.path("metadata").has("publication_date"), "v13 drops publication_date from a new version");
        assertEquals(0, v2.path("files").path("entries").size(), "a new version starts without files");
        assertEquals(
                id2,
                sim.as(USER1, "POST", "/api/records/" + id1 + "/versions")
                        .expect(201)
                        .json()
                        .path("id")
                        .asText(),
                "an existing new-version draft is returned");
        sim.as(USER2, "POST", "/api/records/" + id1 + "/versions").expect(403);

        JsonNode imported = sim.as(USER1, "POST", "/api/records/" + id2 + "/draft/actions/files-import")
                .expect(201)
                .json();
        assertEquals("data.csv", imported.path("entries").path(0).path("key").asText());
        assertEquals(
                "completed", imported.path("entries").path(0).path("status").asText());

        sim.json("PUT", "/api/records/" + id2 + "/draft", minimalRecord("Versioned v2", true), USER1)
                .expect(200);
        sim.as(USER1, "POST", "/api/records/" + id2 + "/draft/actions/publish").expect(202);
        assertFalse(
                sim.get("/api/records/" + id1).json().at("/versions/is_latest").asBoolean(),
                "an anonymous read of the older version no longer says it is the latest");
        assertTrue(
                sim.get("/api/records/" + parent).expect(302).header("Location").endsWith("/api/records/" + id2));
        assertEquals(
                sim.base + "/api/records/" + id2,
                sim.get("/api/records/" + id1 + "/versions/latest").expect(301).header("Location"));
        Res versions = sim.poll(
                "/api/records/" + id2 + "/versions",
                x -> x.json().path("hits").path("total").asInt() == 2,
                Duration.ofSeconds(5));
        assertEquals(List.of(id2, id1), ids(versions.json()), "/versions is a search: both, newest version first");
        assertEquals(
                md5("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)),
                md5(sim.get("/api/records/" + id2 + "/files/data.csv/content")
                        .expect(200)
                        .body()),
                "imported bytes");
    }

    @Test
    void editOfAPublishedRecordLocksItsFiles() throws Exception {
        JsonNode rec = publishedRecord("Editable");
        String id = rec.path("id").asText();
        JsonNode edit = sim.as(USER1, "POST", "/api/records/" + id + "/draft")
                .expect(201)
                .json();
        assertEquals(id, edit.path("id").asText(), "an edit draft keeps the record id");
        assertTrue(edit.path("is_draft").asBoolean());
        assertTrue(edit.path("is_published").asBoolean());
        sim.as(USER2, "POST", "/api/records/" + id + "/draft").expect(403);
        sim.send(
                        "PUT",
                        "/api/records/" + id + "/draft/files/data.csv/content",
                        "application/octet-stream",
                        new byte[3],
                        withAuth(USER1))
                .expect(403);
        sim.json("POST", "/api/records/" + id + "/draft/files", "[{\"key\": \"more.csv\"}]", USER1)
                .expect(201);
        sim.send(
                        "PUT",
                        "/api/records/" + id + "/draft/files/more.csv/content",
                        "application/octet-stream",
                        new byte[3],
                        withAuth(USER1))
                .expect(403);
        ObjectNode changed = minimalRecord("Edited title", true);
        sim.json("PUT", "/api/records/" + id + "/draft", changed, USER1).expect(200);
        sim.as(USER1, "DELETE", "/api/records/" + id + "/draft/files/more.csv").expect(403);
    }

    @Test
    void editedRecordPublishesTheNewMetadata() throws Exception {
        String id = publishedRecord("Before edit").path("id").asText();
        sim.as(USER1, "POST", "/api/records/" + id + "/draft").expect(201);
        sim.json("PUT", "/api/records/" + id + "/draft", minimalRecord("After edit", true), USER1)
                .expect(200);
        sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish").expect(202);
        assertEquals(
                "After edit",
                sim.get("/api/records/" + id)
                        .expect(200)
                        .json()
                        .path("metadata")
                        .path("title")
                        .asText());
    }

    @Test
    void deleteDraftAnswers204() throws Exception {
        JsonNode d = createDraft(minimalRecord("Discard me", true));
        String id = d.path("id").asText();
        sim.as(USER2, "DELETE", "/api/records/" + id + "/draft").expect(403);
        sim.as(USER1, "DELETE", "/api/records/" + id + "/draft", "If-Match", "999")
                .expect(412);
        Res r = sim.as(USER1, "DELETE", "/api/records/" + id + "/draft").expect(204);
        assertEquals(0, r.body().length);
        sim.as(USER1, "GET", "/api/records/" + id + "/draft").expect(404);
    }

    @Test
    void userRecordsNeedAuthentication() throws Exception {
        Res r = sim.as(USER1, "GET", "/api/user/records").expect(200);
        JsonNode b = r.json();
        assertEquals("updated-desc", b.path("sortBy").asText());
        assertTrue(b.path("hits").path("total").asInt() >= recs.size() - 1, "user 1 owns the seeded records");
        assertTrue(b.path("aggregations").has("is_published"));
        assertEquals(
                "Permission denied.",
                sim.get("/api/user/records").expect(403).json().path("message").asText());
        assertEquals(
                0,
                sim.as(USER2, "GET", "/api/user/records?q=Record")
                        .expect(200)
                        .json()
                        .path("hits")
                        .path("total")
                        .asInt(),
                "user 2 owns none of them");
    }
}
