package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/records against §2 (query parameters, sorts, window, envelope, facets) with > 10 000 hits. */
class SearchApiTest extends AbstractSimulatorTest {
    static final int N = 10_030;
    static List<Fixture.Rec> recs;
    static Sim sim;

    @BeforeAll
    static void start() throws Exception {
        recs = Fixture.records(N);
        sim = Sim.start(recs, fast());
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    static long anonymousCount(Predicate<Fixture.Rec> p) {
        return recs.stream().filter(Fixture.Rec::anonymousHit).filter(p).count();
    }

    static List<String> expectedOrder(Comparator<Fixture.Rec> order, int n) {
        return recs.stream()
                .filter(Fixture.Rec::anonymousHit)
                .sorted(order)
                .limit(n)
                .map(Fixture.Rec::id)
                .toList();
    }

    @Test
    void searchAnswers200WithTheListEnvelope() throws Exception {
        Res r = sim.get("/api/records").expect(200);
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        JsonNode b = r.json();
        assertTrue(b.path("hits").path("hits").isArray());
        assertTrue(b.path("hits").path("total").isIntegralNumber(), "hits.total is a plain number");
        assertTrue(b.path("aggregations").isObject());
        assertEquals("newest", b.path("sortBy").asText());
        assertEquals(1, b.path("page").asInt(), "v13 has the page key");
        assertTrue(b.path("links").path("self").isTextual());
        assertFalse(r.optHeader("ETag").isPresent(), "list responses carry no ETag");
    }

    @Test
    void defaultPageSizeIs25() throws Exception {
        JsonNode b = sim.get("/api/records").expect(200).json();
        assertEquals(25, b.path("hits").path("hits").size());
        String self = b.path("links").path("self").asText();
        assertEquals(sim.base + "/api/records?page=1&size=25&sort=newest", self);
    }

    @Test
    void totalIsExactBeyondTenThousand() throws Exception {
        long expected = anonymousCount(r -> true);
        assertTrue(expected > 10_000);
        assertEquals(
                expected,
                sim.get("/api/records")
                        .expect(200)
                        .json()
                        .path("hits")
                        .path("total")
                        .asLong());
    }

    @Test
    void restrictedRecordsAreHiddenFromAnonymousSearchButNotFromTheOwner() throws Exception {
        long anonymous =
                sim.get("/api/records").json().path("hits").path("total").asLong();
        long owner = sim.as(USER1, "GET", "/api/records")
                .expect(200)
                .json()
                .path("hits")
                .path("total")
                .asLong();
        long restricted =
                recs.stream().filter(r -> r.latest() && r.restrictedRecord()).count();
        assertTrue(restricted > 0);
        assertEquals(anonymous + restricted, owner);
    }

    @Test
    void onlyLatestVersionsUnlessAllversions() throws Exception {
        long latest = sim.get("/api/records").json().path("hits").path("total").asLong();
        long all = sim.get("/api/records?allversions=true")
                .expect(200)
                .json()
                .path("hits")
                .path("total")
                .asLong();
        assertEquals(latest + 1, all, "the one older version appears only with allversions");
    }

    @Test
    void unknownSortIsRejectedWithSchemaError() throws Exception {
        JsonNode b = sim.get("/api/records?sort=foo").expect(400).json();
        assertEquals(400, b.path("status").asInt());
        assertEquals("A validation error occurred.", b.path("message").asText());
        assertEquals("_schema", b.path("errors").path(0).path("field").asText());
        assertEquals(
                "Invalid sort option 'foo'.",
                b.path("errors").path(0).path("messages").path(0).asText());
    }

    @Test
    void bestmatchWithoutQueryBecomesNewest() throws Exception {
        JsonNode b = sim.get("/api/records?sort=bestmatch").expect(200).json();
        assertEquals("newest", b.path("sortBy").asText());
        assertEquals(expectedOrder(Comparator.comparing(Fixture.Rec::created).reversed(), 25), ids(b));
    }

    @Test
    void queryDefaultsToBestmatchAndRanksByScore() throws Exception {
        JsonNode best = sim.get("/api/records?q=quasar").expect(200).json();
        assertEquals("bestmatch", best.path("sortBy").asText());
        assertEquals(List.of("s0000-05000", "s0000-05001"), ids(best), "three matches outrank one");
        JsonNode newest =
                sim.get("/api/records?q=quasar&sort=newest").expect(200).json();
        assertEquals(List.of("s0000-05001", "s0000-05000"), ids(newest));
    }

    @Test
    void fieldQueryMatchesTheField() throws Exception {
        JsonNode b = sim.get("/api/records?q=metadata.title:quasar").expect(200).json();
        assertEquals(2, b.path("hits").path("total").asInt());
    }

    @Test
    void malformedQueryStillAnswers200() throws Exception {
        for (String q : List.of("title:(unclosed", "%22open%20data", "AND%20OR", "((", "metadata.title:", ")quasar(")) {
            Res r = sim.get("/api/records?q=" + q);
            assertEquals(200, r.status(), () -> "q=" + q + ": " + r.text());
            assertTrue(r.json().path("hits").path("total").isIntegralNumber());
        }
    }

    @Test
    void searchPastTheWindowIsRejected() throws Exception {
        JsonNode b = sim.get("/api/records?size=25&page=401").expect(400).json();
        assertEquals(400, b.path("status").asInt());
        assertEquals("Invalid querystring parameters.", b.path("message").asText());
        sim.get("/api/records?size=1&page=10001").expect(400);
        sim.get("/api/records?size=10&page=1001").expect(400);
    }

    @Test
    void lastPageInsideTheWindowIsServedAndStillLinksNext() throws Exception {
        JsonNode b = sim.get("/api/records?size=25&page=400").expect(200).json();
        assertEquals(400, b.path("page").asInt());
        assertEquals(25, b.path("hits").path("hits").size());
        JsonNode links = b.path("links");
        assertEquals(
                sim.base + "/api/records?page=400&size=25&sort=newest",
                links.path("self").asText());
        assertEquals(
                sim.base + "/api/records?page=399&size=25&sort=newest",
                links.path("prev").asText());
        String next = links.path("next").asText();
        assertEquals(
                sim.base + "/api/records?page=401&size=25&sort=newest",
                next,
                "next is computed against total, not the 10 000 window");
        sim.get(next.substring(sim.base.length())).expect(400);
    }

    @Test
    void firstPageHasNextButNoPrev() throws Exception {
        JsonNode links = sim.get("/api/records").json().path("links");
        assertFalse(links.has("prev"));
        assertEquals(
                sim.base + "/api/records?page=2&size=25&sort=newest",
                links.path("next").asText());
    }

    @Test
    void lastPageHasPrevButNoNext() throws Exception {
        JsonNode b = sim.get("/api/records?q=quasar&size=1&page=2").expect(200).json();
        assertEquals(2, b.path("hits").path("total").asInt());
        assertFalse(b.path("links").has("next"));
        assertTrue(b.path("links").has("prev"));
    }

    @Test
    void sizeOrPageBelowOneIsAValidationError() throws Exception {
        JsonNode size = sim.get("/api/records?size=0").expect(400).json();
        assertEquals("A validation error occurred.", size.path("message").asText());
        assertEquals("size", size.path("errors").path(0).path("field").asText());
        JsonNode page = sim.get("/api/records?page=0").expect(400).json();
        assertEquals("page", page.path("errors").path(0).path("field").asText());
    }

    @Test
    void pageSizeHasNoCap() throws Exception {
        assertEquals(
                1500,
                sim.get("/api/records?size=1500")
                        .expect(200)
                        .json()
                        .path("hits")
                        .path("hits")
                        .size());
    }

    @Test
    void aggregationsHaveInvenioShapeAndCounts() throws Exception {
        JsonNode aggs = sim.get("/api/records").expect(200).json().path("aggregations");
        JsonNode access = aggs.path("access_status");
        assertEquals("Access status", access.path("label").asText());
        Map<String, Long> accessCounts = buckets(access);
        for (String s : List.of("open", "restricted", "embargoed", "metadata-only")) {
            assertEquals(anonymousCount(r -> r.accessStatus().equals(s)), accessCounts.getOrDefault(s, 0L), s);
        }
        JsonNode open = find(access, "open");
        assertEquals("Open", open.path("label").asText());
        assertFalse(open.path("is_selected").asBoolean(true));

        JsonNode types = aggs.path("resource_type");
        assertEquals("Resource types", types.path("label").asText());
        JsonNode publication = find(types, "publication");
        assertEquals(
                anonymousCount(r -> r.type().equals("publication")),
                publication.path("doc_count").asLong());
        JsonNode article = find(publication.path("inner"), "publication-article");
        assertEquals(
                anonymousCount(r -> r.resourceType().equals("publication-article")),
                article.path("doc_count").asLong());
        assertTrue(
                find(types, "dataset").path("inner").path("buckets").isArray(), "every type bucket has inner buckets");

        JsonNode fileTypes = aggs.path("file_type");
        assertEquals("File type", fileTypes.path("label").asText());
        assertEquals(
                anonymousCount(r -> r.hasExt("pdf")),
                find(fileTypes, "pdf").path("doc_count").asLong());
        assertEquals("PDF", find(fileTypes, "pdf").path("label").asText());
        assertEquals(
                anonymousCount(r -> r.hasExt("csv")),
                find(fileTypes, "csv").path("doc_count").asLong());
    }

    @Test
    void accessStatusFacetFiltersHitsButNotAggregations() throws Exception {
        JsonNode b = sim.get("/api/records?access_status=restricted&size=100")
                .expect(200)
                .json();
        long expected = anonymousCount(r -> r.accessStatus().equals("restricted"));
        assertEquals(expected, b.path("hits").path("total").asLong());
        b.path("hits")
                .path("hits")
                .forEach(h -> assertEquals(
                        "restricted", h.path("access").path("status").asText()));
        JsonNode aggs = b.path("aggregations").path("access_status");
        assertTrue(find(aggs, "restricted").path("is_selected").asBoolean());
        assertEquals(
                anonymousCount(r -> r.accessStatus().equals("open")),
                find(aggs, "open").path("doc_count").asLong(),
                "facets are post-filters: other buckets keep their counts");
        assertTrue(b.path("links").path("self").asText().contains("access_status=restricted"));
    }

    @Test
    void resourceTypeFacetFiltersByTypeAndSubtype() throws Exception {
        assertEquals(
                anonymousCount(r -> r.resourceType().equals("dataset")), total("/api/records?resource_type=dataset"));
        assertEquals(
                anonymousCount(r -> r.resourceType().equals("publication-article")),
                total("/api/records?resource_type=publication::publication-article"));
        assertEquals(
                anonymousCount(r -> r.resourceType().equals("image-photo")),
                total("/api/records?resource_type=image::image-photo"));
        assertEquals(0, total("/api/records?resource_type=publication::publication-book"));
        assertEquals(
                anonymousCount(r ->
                        r.resourceType().equals("dataset") || r.resourceType().equals("software")),
                total("/api/records?resource_type=dataset&resource_type=software"),
                "repeated values are ORed");
    }

    @Test
    void fileTypeFacetFilters() throws Exception {
        JsonNode b = sim.get("/api/records?file_type=pdf").expect(200).json();
        assertEquals(
                anonymousCount(r -> r.hasExt("pdf")),
                b.path("hits").path("total").asLong());
        for (JsonNode h : b.path("hits").path("hits")) {
            if (h.path("access").path("status").asText().equals("open")) {
                assertTrue(
                        h.path("files").path("entries").has("paper.pdf"),
                        h.path("id").asText());
            }
        }
        assertEquals(
                anonymousCount(r -> r.hasExt("pdf") && r.resourceType().equals("software")),
                total("/api/records?file_type=pdf&resource_type=software"),
                "different facets are ANDed");
    }

    @Test
    void publicationDateFacetIsIgnoredBeforeV14() throws Exception {
        long all = total("/api/records");
        JsonNode b =
                sim.get("/api/records?publication_date=2000..2001").expect(200).json();
        assertEquals(all, b.path("hits").path("total").asLong());
        assertFalse(b.path("aggregations").has("publication_date"));
    }

    @Test
    void linksCarryQueryAndFacetsButNotUnknownParameters() throws Exception {
        String self = sim.get("/api/records?q=ocean&file_type=csv&foo=bar")
                .expect(200)
                .json()
                .path("links")
                .path("self")
                .asText();
        assertTrue(self.contains("q=ocean"), self);
        assertTrue(self.contains("file_type=csv"), self);
        assertFalse(self.contains("foo"), self);
    }

    @Test
    void everySortOptionIsAcceptedAndOrdersAsInvenio() throws Exception {
        Comparator<Fixture.Rec> byId = Comparator.comparing(Fixture.Rec::id);
        Map<String, Comparator<Fixture.Rec>> orders = new HashMap<>();
        orders.put("newest", Comparator.comparing(Fixture.Rec::created).reversed());
        orders.put("oldest", Comparator.comparing(Fixture.Rec::created));
        orders.put("updated-desc", Comparator.comparing(Fixture.Rec::updated).reversed());
        orders.put("updated-asc", Comparator.comparing(Fixture.Rec::updated));
        for (var e : orders.entrySet()) {
            JsonNode b = sim.get("/api/records?sort=" + e.getKey() + "&size=10")
                    .expect(200)
                    .json();
            assertEquals(e.getKey(), b.path("sortBy").asText());
            assertEquals(expectedOrder(e.getValue().thenComparing(byId), 10), ids(b), e.getKey());
        }
        JsonNode version = sim.get("/api/records?sort=version").expect(200).json();
        assertEquals("version", version.path("sortBy").asText());
        assertEquals(
                2,
                version.path("hits")
                        .path("hits")
                        .path(0)
                        .path("versions")
                        .path("index")
                        .asInt());
        for (String s : List.of("mostviewed", "mostdownloaded")) {
            JsonNode b = sim.get("/api/records?sort=" + s).expect(200).json();
            assertEquals(s, b.path("sortBy").asText());
            assertEquals(25, b.path("hits").path("hits").size());
        }
        JsonNode best =
                sim.get("/api/records?sort=bestmatch&q=ocean").expect(200).json();
        assertEquals("bestmatch", best.path("sortBy").asText());
        assertEquals(
                anonymousCount(r -> r.title().endsWith(" ocean")),
                best.path("hits").path("total").asLong());
    }

    @Test
    void activitySortsExistOnlyInV14() throws Exception {
        sim.get("/api/records?sort=newestactivity").expect(400);
        sim.get("/api/records?sort=oldestactivity").expect(400);
    }

    static long total(String path) throws Exception {
        return sim.get(path).expect(200).json().path("hits").path("total").asLong();
    }

    static Map<String, Long> buckets(JsonNode agg) {
        Map<String, Long> m = new HashMap<>();
        agg.path("buckets").forEach(b -> {
            assertTrue(b.has("key") && b.has("doc_count") && b.has("label") && b.has("is_selected"), b.toString());
            m.put(b.path("key").asText(), b.path("doc_count").asLong());
        });
        return m;
    }

    static JsonNode find(JsonNode agg, String key) {
        for (JsonNode b : agg.path("buckets")) if (b.path("key").asText().equals(key)) return b;
        assertNotNull(null, "no bucket " + key + " in " + agg);
        return null;
    }
}
