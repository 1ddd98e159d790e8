package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/records/{id}, parent-id and latest redirects, versions, files listing (§3, §4). */
class RecordReadApiTest extends AbstractSimulatorTest {
    static final int N = 60;
    static List<Fixture.Rec> recs;
    static Sim sim;
    static Fixture.Rec pdf; // public, one pdf
    static Fixture.Rec older; // version 1 of the two-version parent
    static Fixture.Rec newer; // version 2

    @BeforeAll
    static void start() throws Exception {
        recs = Fixture.records(N);
        sim = Sim.start(recs, fast());
        pdf = recs.get(1);
        older = recs.get(N - 2);
        newer = recs.get(N - 1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    @Test
    void readAnswers200WithRevisionEtagAndLinksetHeader() throws Exception {
        Res r = sim.get("/api/records/" + pdf.id()).expect(200);
        JsonNode b = r.json();
        assertEquals(pdf.id(), b.path("id").asText());
        assertEquals(5, b.path("revision_id").asInt());
        assertEquals("\"5\"", r.header("ETag"), "ETag is the quoted revision id");
        assertEquals(
                "<" + sim.base + "/api/records/" + pdf.id() + "> ; rel=\"linkset\" ; type=\"application/linkset+json\"",
                r.header("Link"));
    }

    @Test
    void recordJsonHasInvenioShape() throws Exception {
        JsonNode b = sim.get("/api/records/" + pdf.id()).expect(200).json();
        assertTrue(b.path("is_published").asBoolean());
        assertFalse(b.path("is_draft").asBoolean(true));
        assertEquals("published", b.path("status").asText());
        assertEquals(pdf.parentId(), b.path("parent").path("id").asText());
        JsonNode owner = b.path("parent").path("access").path("owned_by");
        assertTrue(owner.isObject(), "owned_by is a single object since v12");
        assertEquals("1", owner.path("user").asText());
        assertTrue(owner.path("user").isTextual(), "user id is a string");
        assertTrue(b.path("versions").path("is_latest").asBoolean());
        assertEquals(1, b.path("versions").path("index").asInt());
        assertEquals("open", b.path("access").path("status").asText());
        assertEquals("oai", b.path("pids").path("oai").path("provider").asText());
        assertTrue(b.path("stats").path("this_version").has("unique_views"));
        assertTrue(b.path("stats").path("all_versions").has("downloads"));
        JsonNode files = b.path("files");
        assertTrue(files.path("enabled").asBoolean());
        assertTrue(files.path("entries").isObject(), "record JSON: entries keyed by filename");
        JsonNode e = files.path("entries").path("paper.pdf");
        assertEquals("paper.pdf", e.path("key").asText());
        assertEquals("pdf", e.path("ext").asText());
        assertEquals(pdf.fileSize(), e.path("size").asLong());
        assertTrue(e.path("checksum").asText().matches("md5:[0-9a-f]{32}"), e.toString());
        assertEquals(
                sim.base + "/api/records/" + pdf.id() + "/files/paper.pdf/content",
                e.path("links").path("content").asText());
        JsonNode links = b.path("links");
        String self = sim.base + "/api/records/" + pdf.id();
        assertEquals(self, links.path("self").asText());
        assertEquals(self + "/files", links.path("files").asText());
        assertEquals(self + "/files-archive", links.path("archive").asText());
        assertEquals(self + "/versions/latest", links.path("latest").asText());
        assertEquals(self + "/versions", links.path("versions").asText());
        assertEquals(self + "/draft", links.path("draft").asText());
    }

    @Test
    void filesEndpointListsEntriesAsAList() throws Exception {
        JsonNode b = sim.get("/api/records/" + recs.get(0).id() + "/files")
                .expect(200)
                .json();
        assertTrue(b.path("enabled").asBoolean());
        assertTrue(b.path("entries").isArray(), "files endpoint: entries is a list");
        assertEquals(2, b.path("entries").size());
        for (JsonNode e : b.path("entries")) {
            assertEquals("completed", e.path("status").asText());
            assertTrue(e.path("checksum").asText().startsWith("md5:"));
        }
        String self = sim.base + "/api/records/" + recs.get(0).id();
        assertEquals(self + "/files", b.path("links").path("self").asText());
        assertEquals(self + "/files-archive", b.path("links").path("archive").asText());
        JsonNode entry = sim.get("/api/records/" + recs.get(0).id() + "/files/data.csv")
                .expect(200)
                .json();
        assertEquals("data.csv", entry.path("key").asText());
        assertEquals("text/csv", entry.path("mimetype").asText());
    }

    @Test
    void metadataOnlyRecordListsOnlyEnabledAndLinks() throws Exception {
        JsonNode b = sim.get("/api/records/" + recs.get(2).id() + "/files")
                .expect(200)
                .json();
        assertFalse(b.path("enabled").asBoolean(true));
        assertFalse(b.has("entries"));
        assertTrue(b.path("links").has("self"));
    }

    @Test
    void unknownFileKeyIs404() throws Exception {
        JsonNode b = sim.get("/api/records/" + pdf.id() + "/files/nope.txt")
                .expect(404)
                .json();
        assertEquals(
                "Record '" + pdf.id() + "' has no file 'nope.txt'.",
                b.path("message").asText());
    }

    @Test
    void parentIdRedirects302ToTheLatestVersion() throws Exception {
        Res r = sim.get("/api/records/" + older.parentId()).expect(302);
        String location = r.header("Location");
        assertTrue(location.endsWith("/api/records/" + newer.id()), location);
        Res followed = sim.get(location.startsWith("http") ? location.substring(sim.base.length()) : location)
                .expect(200);
        assertEquals(newer.id(), followed.json().path("id").asText());
    }

    @Test
    void versionsLatestRedirects301WithAbsoluteLocation() throws Exception {
        Res r = sim.get("/api/records/" + older.id() + "/versions/latest").expect(301);
        String target = sim.base + "/api/records/" + newer.id();
        assertEquals(target, r.header("Location"));
        JsonNode b = r.json();
        assertEquals(301, b.path("status").asInt());
        assertEquals("Redirecting...", b.path("message").asText());
        assertEquals(target, b.path("location").asText());
    }

    @Test
    void olderVersionIsNotLatest() throws Exception {
        JsonNode b = sim.get("/api/records/" + older.id()).expect(200).json();
        assertFalse(b.path("versions").path("is_latest").asBoolean(true));
        assertEquals(1, b.path("versions").path("index").asInt());
    }

    @Test
    void versionsListsEveryVersionSortedByVersion() throws Exception {
        JsonNode b =
                sim.get("/api/records/" + older.id() + "/versions").expect(200).json();
        assertEquals("version", b.path("sortBy").asText());
        assertEquals(2, b.path("hits").path("total").asInt());
        assertEquals(List.of(newer.id(), older.id()), ids(b));
    }

    @Test
    void unknownRecordIs404() throws Exception {
        JsonNode b = sim.get("/api/records/zzzzz-zzzzz").expect(404).json();
        assertEquals(404, b.path("status").asInt());
        assertEquals(
                "The persistent identifier does not exist.", b.path("message").asText());
        sim.get("/api/records/zzzzz-zzzzz/files").expect(404);
        sim.get("/api/records/zzzzz-zzzzz/versions/latest").expect(404);
    }

    @Test
    void restrictedRecordIs403ForOthersAndReadableByOwner() throws Exception {
        Fixture.Rec restricted = recs.get(3);
        assertTrue(restricted.restrictedRecord());
        assertEquals(
                "Permission denied.",
                sim.get("/api/records/" + restricted.id())
                        .expect(403)
                        .json()
                        .path("message")
                        .asText());
        sim.as(USER2, "GET", "/api/records/" + restricted.id()).expect(403);
        sim.as(USER1, "GET", "/api/records/" + restricted.id()).expect(200);
        sim.as(ADMIN, "GET", "/api/records/" + restricted.id()).expect(200);
    }

    @Test
    void restrictedFilesHideFileDetailsAndContentFromOthers() throws Exception {
        Fixture.Rec files = recs.get(7);
        assertTrue(files.restrictedFiles() && files.hasFiles());
        JsonNode anon = sim.get("/api/records/" + files.id()).expect(200).json();
        assertFalse(anon.path("files").has("entries"), "file details only for those who may read the files");
        assertEquals("restricted", anon.path("access").path("status").asText());
        String key = files.fileKeys().get(0);
        sim.get("/api/records/" + files.id() + "/files/" + key + "/content").expect(403);
        sim.get("/api/records/" + files.id() + "/files").expect(403);
        assertTrue(sim.as(USER1, "GET", "/api/records/" + files.id())
                .expect(200)
                .json()
                .path("files")
                .has("entries"));
        sim.as(USER1, "GET", "/api/records/" + files.id() + "/files/" + key + "/content")
                .expect(200);
        sim.as(USER2, "GET", "/api/records/" + files.id() + "/files/" + key + "/content")
                .expect(403);
    }

    @Test
    void unknownTokenReadsLikeAnonymous() throws Exception {
        sim.as("not-a-token", "GET", "/api/records/" + pdf.id()).expect(200);
        sim.as("not-a-token", "GET", "/api/records").expect(200);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() throws Exception {
        assertEquals(
                404,
                sim.get("/api/nothing-here").expect(404).json().path("status").asInt());
        assertEquals(
                405,
                sim.send("PATCH", "/api/records", null, null)
                        .expect(405)
                        .json()
                        .path("status")
                        .asInt());
    }
}
