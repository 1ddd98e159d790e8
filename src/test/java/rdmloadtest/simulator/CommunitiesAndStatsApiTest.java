package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Communities (§5.9) and the disabled statistics query API (§7, §12.5). */
class CommunitiesAndStatsApiTest extends AbstractSimulatorTest {
    static List<Fixture.Rec> recs;
    static Sim sim;

    @BeforeAll
    static void start() throws Exception {
        recs = Fixture.records(100);
        sim = Sim.start(recs, fast());
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    @Test
    void communitiesListAnswers200() throws Exception {
        JsonNode b = sim.get("/api/communities").expect(200).json();
        assertEquals(2, b.path("hits").path("total").asInt());
        List<String> slugs = new ArrayList<>();
        b.path("hits").path("hits").forEach(h -> slugs.add(h.path("slug").asText()));
        assertTrue(
                slugs.contains(Fixture.COMMUNITY_SLUG) && slugs.contains(Fixture.EMPTY_COMMUNITY_SLUG),
                slugs.toString());
        assertTrue(b.path("links").has("self"));
        sim.get("/api/communities?sort=foo").expect(400);
    }

    @Test
    void communityIsReadableByIdAndBySlug() throws Exception {
        JsonNode byId =
                sim.get("/api/communities/" + Fixture.COMMUNITY_ID).expect(200).json();
        JsonNode bySlug = sim.get("/api/communities/" + Fixture.COMMUNITY_SLUG)
                .expect(200)
                .json();
        assertEquals(Fixture.COMMUNITY_ID, byId.path("id").asText());
        assertEquals(Fixture.COMMUNITY_ID, bySlug.path("id").asText());
        assertEquals("Climate Lab", bySlug.path("metadata").path("title").asText());
        assertEquals(
                sim.base + "/api/communities/" + Fixture.COMMUNITY_ID + "/records",
                bySlug.path("links").path("records").asText());
    }

    @Test
    void unknownCommunityIs404() throws Exception {
        sim.get("/api/communities/no-such-community").expect(404);
        sim.get("/api/communities/no-such-community/records").expect(404);
    }

    @Test
    void communityRecordsFollowTheSearchContract() throws Exception {
        long expected =
                recs.stream().filter(r -> r.inCommunity() && r.anonymousHit()).count();
        for (String c : List.of(Fixture.COMMUNITY_SLUG, Fixture.COMMUNITY_ID)) {
            JsonNode b =
                    sim.get("/api/communities/" + c + "/records").expect(200).json();
            assertEquals(expected, b.path("hits").path("total").asLong(), c);
            assertEquals("newest", b.path("sortBy").asText());
            assertTrue(b.path("aggregations").has("resource_type"));
            assertTrue(b.path("links")
                    .path("self")
                    .asText()
                    .contains("/communities/" + Fixture.COMMUNITY_ID + "/records?"));
        }
        assertEquals(
                0,
                sim.get("/api/communities/" + Fixture.EMPTY_COMMUNITY_SLUG + "/records")
                        .expect(200)
                        .json()
                        .path("hits")
                        .path("total")
                        .asInt());
        sim.get("/api/communities/" + Fixture.COMMUNITY_SLUG + "/records?sort=foo")
                .expect(400);
        assertEquals(
                "Invalid querystring parameters.",
                sim.get("/api/communities/" + Fixture.COMMUNITY_SLUG + "/records?size=25&page=401")
                        .expect(400)
                        .json()
                        .path("message")
                        .asText());
    }

    @Test
    void emptyStatsQueryAnswers200() throws Exception {
        sim.json("POST", "/api/stats", "{}", null).expect(200);
        sim.json("POST", "/api/stats", "{}", USER1).expect(200);
    }

    @Test
    void knownStatisticIs401ForAnonymousAnd403ForUsers() throws Exception {
        String q = "{\"views\": {\"stat\": \"record-view\", \"params\": {\"recid\": \""
                + recs.get(0).id() + "\"}}}";
        assertEquals(
                401,
                sim.json("POST", "/api/stats", q, null)
                        .expect(401)
                        .json()
                        .path("status")
                        .asInt());
        assertEquals(
                403,
                sim.json("POST", "/api/stats", q, USER1)
                        .expect(403)
                        .json()
                        .path("status")
                        .asInt());
    }

    @Test
    void unknownStatisticIs400() throws Exception {
        sim.json("POST", "/api/stats", "{\"x\": {\"stat\": \"no-such-stat\", \"params\": {}}}", null)
                .expect(400);
    }
}
