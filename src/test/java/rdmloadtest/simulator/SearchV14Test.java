package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What invenio.version=14 changes: the publication_date facet (§2.1) and new-version dates (§12.1). */
class SearchV14Test extends AbstractSimulatorTest {
    static List<Fixture.Rec> recs;
    static Sim sim;

    @BeforeAll
    static void start() throws Exception {
        recs = Fixture.records(120);
        sim = Sim.start(recs, fast("invenio.version", "14"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    static long count(Predicate<Fixture.Rec> p) {
        return recs.stream().filter(Fixture.Rec::anonymousHit).filter(p).count();
    }

    static int year(Fixture.Rec r) {
        return Integer.parseInt(r.publicationDate().substring(0, 4));
    }

    @Test
    void publicationDateFacetFiltersOnV14() throws Exception {
        JsonNode b = sim.get("/api/records?publication_date=2003..2005&size=100")
                .expect(200)
                .json();
        long expected = count(r -> year(r) >= 2003 && year(r) <= 2005);
        assertTrue(expected > 0 && expected < count(r -> true));
        assertEquals(expected, b.path("hits").path("total").asLong());
        b.path("hits").path("hits").forEach(h -> {
            int y = Integer.parseInt(
                    h.path("metadata").path("publication_date").asText().substring(0, 4));
            assertTrue(y >= 2003 && y <= 2005, h.path("metadata").toString());
        });
        assertTrue(b.path("links").path("self").asText().contains("publication_date=2003..2005"));
    }

    @Test
    void publicationDateFacetTakesMonths() throws Exception {
        long expected = count(r -> r.publicationDate().compareTo("2003-03") >= 0
                && r.publicationDate().compareTo("2004-06-99") <= 0);
        assertEquals(
                expected,
                sim.get("/api/records?publication_date=2003-03..2004-06")
                        .expect(200)
                        .json()
                        .path("hits")
                        .path("total")
                        .asLong());
    }

    @Test
    void v14KeepsTheSearchEnvelope() throws Exception {
        JsonNode b = sim.get("/api/records?page=2&size=10").expect(200).json();
        assertEquals(2, b.path("page").asInt());
        assertEquals("newest", b.path("sortBy").asText());
        assertEquals(count(r -> true), b.path("hits").path("total").asLong());
        sim.get("/api/records?sort=foo").expect(400);
    }

    @Test
    void newVersionDraftGetsTodaysPublicationDate() throws Exception {
        Fixture.Rec r = recs.get(10);
        JsonNode v2 = sim.as(USER1, "POST", "/api/records/" + r.id() + "/versions")
                .expect(201)
                .json();
        assertEquals(
                LocalDate.now().toString(),
                v2.path("metadata").path("publication_date").asText());
    }

    @Test
    void dataciteJsonOfV14HasThePublisherAsAnObjectAndAlternateIdentifiers() throws Exception {
        String id = recs.stream()
                .filter(Fixture.Rec::anonymousHit)
                .findFirst()
                .orElseThrow()
                .id();
        JsonNode d = sim.get("/api/records/" + id, "Accept", "application/vnd.datacite.datacite+json")
                .expect(200)
                .json();
        assertTrue(d.path("publisher").isObject(), d.path("publisher").toString());
        assertTrue(d.path("publisher").path("name").isTextual());
        assertTrue(d.path("identifiers").isMissingNode(), "kernel 4.3's identifiers are v13's");
        assertEquals(
                "URL",
                d.path("alternateIdentifiers")
                        .path(0)
                        .path("alternateIdentifierType")
                        .asText());
    }
}
