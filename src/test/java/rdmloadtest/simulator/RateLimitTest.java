package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flask-Limiter's behaviour (§6.3): one moving-window budget per User-Agent + IP, headers, 429 JSON. */
class RateLimitTest extends AbstractSimulatorTest {
    static Sim sim;
    static String recordId;

    @BeforeAll
    static void start() throws Exception {
        var recs = Fixture.records(20);
        recordId = recs.get(0).id();
        sim = Sim.start(
                recs,
                fast(
                        "simulator.rateLimit",
                        "true",
                        "simulator.rateLimit.guest",
                        "5 per minute",
                        "simulator.rateLimit.authenticated",
                        "7 per minute"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    static Res hit(String ua, String path) throws Exception {
        return sim.get(path, "User-Agent", ua);
    }

    @Test
    void everyResponseCarriesRateLimitHeaders() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Res r = hit("ua-headers", "/api/records").expect(200);
        assertEquals("5", r.header("X-RateLimit-Limit"));
        assertEquals("4", r.header("X-RateLimit-Remaining"));
        long reset = Long.parseLong(r.header("X-RateLimit-Reset"));
        assertTrue(reset >= now + 58 && reset <= now + 62, "reset " + reset + " vs now " + now);
        long retry = Long.parseLong(r.header("Retry-After"));
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        Res notFound = hit("ua-headers", "/api/records/zzzzz-zzzzz").expect(404);
        assertEquals("3", notFound.header("X-RateLimit-Remaining"), "errors count and carry headers too");
    }

    @Test
    void sixthRequestInAMinuteIs429() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    String.valueOf(4 - i),
                    hit("ua-sixth", "/api/records").expect(200).header("X-RateLimit-Remaining"));
        }
        Res r = hit("ua-sixth", "/api/records").expect(429);
        JsonNode b = r.json();
        assertEquals(2, b.size(), b.toString());
        assertEquals(429, b.path("status").asInt());
        assertEquals("5 per 1 minute", b.path("message").asText());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        assertEquals("0", r.header("X-RateLimit-Remaining"));
        assertEquals("5", r.header("X-RateLimit-Limit"));
        assertNotNull(r.header("Retry-After"));
        assertTrue(Long.parseLong(r.header("Retry-After")) >= 1);
    }

    @Test
    void budgetIsSharedAcrossEndpoints() throws Exception {
        hit("ua-shared", "/api/records").expect(200);
        hit("ua-shared", "/api/records/" + recordId).expect(200);
        hit("ua-shared", "/api/records/" + recordId + "/files").expect(200);
        hit("ua-shared", "/api/communities").expect(200);
        hit("ua-shared", "/api/records/" + recordId + "/versions").expect(200);
        hit("ua-shared", "/api/records/" + recordId).expect(429);
    }

    @Test
    void eachUserAgentHasItsOwnBudget() throws Exception {
        for (int i = 0; i < 5; i++) hit("ua-first", "/api/records").expect(200);
        hit("ua-first", "/api/records").expect(429);
        Res other = hit("ua-second", "/api/records").expect(200);
        assertEquals("4", other.header("X-RateLimit-Remaining"));
    }

    @Test
    void authenticatedCallersGetTheAuthenticatedLimit() throws Exception {
        Res r = sim.get("/api/records", withAuth(USER1, "User-Agent", "ua-auth"))
                .expect(200);
        assertEquals("7", r.header("X-RateLimit-Limit"));
        assertEquals("6", r.header("X-RateLimit-Remaining"));
        for (int i = 0; i < 6; i++)
            sim.get("/api/records", withAuth(USER1, "User-Agent", "ua-auth")).expect(200);
        JsonNode b = sim.get("/api/records", withAuth(USER1, "User-Agent", "ua-auth"))
                .expect(429)
                .json();
        assertEquals("7 per 1 minute", b.path("message").asText());
    }
}
