package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GET /api/records/{id} negotiates its serialization as the real v13 and v14 do (measured on invenio-local,
 * 2026-12-05): each Accept type answers in its own media type, a type it does not serve gets 406 naming all of them,
 * and every answer carries the security headers.
 */
class ContentNegotiationTest extends AbstractSimulatorTest {
    static Sim sim;
    static String id;

    @BeforeAll
    static void start() throws Exception {
        sim = Sim.start(Path.of("data/default"), fast(), false);
        id = Files.readAllLines(Path.of("data/default/feeders/records.csv"))
                .get(1)
                .split(",")[1];
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    /** The last column: whether the real v13 sends the record's revision as ETag with that type (2026-12-05). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "application/json, application/json, \"metadata\", true",
        "application/ld+json, application/ld+json, \"@context\":\"http://schema.org\", false",
        "application/vnd.inveniordm.v1+json, application/vnd.inveniordm.v1+json, \"ui\", true",
        "application/vnd.datacite.datacite+json, application/vnd.datacite.datacite+json, \"resourceTypeGeneral\", true",
        "application/vnd.datacite.datacite+xml, application/vnd.datacite.datacite+xml, <resource , true",
        "application/x-dc+xml, application/x-dc+xml, <oai_dc:dc , true",
        "application/vnd.citationstyles.csl+json, application/vnd.citationstyles.csl+json, \"date-parts\", true",
        "text/x-bibliography, text/plain, ) “, true",
        "application/marcxml+xml, application/marcxml+xml, <record xmlns=\"http://www.loc.gov/MARC21/slim\">, true",
        "application/x-bibtex, application/x-bibtex, '  title        = {', true",
        "application/dcat+xml, application/dcat+xml, <rdf:RDF , true",
        "application/vnd.geo+json, application/vnd.geo+json, FeatureCollection, true",
        "application/linkset+json, application/linkset+json, \"linkset\", false",
        "application/vnd.inveniordm.v1.full+csv, application/vnd.inveniordm.v1.full+csv, metadata.title, false",
        "application/vnd.inveniordm.v1.simple+csv, application/vnd.inveniordm.v1.simple+csv, 'id,created,pids.doi', false",
        "'text/html;q=0.9, application/x-bibtex', application/x-bibtex, '@', true",
        "*/*, application/json, \"metadata\", true"
    })
    void eachTypeIsAnsweredInItsOwnMediaType(String accept, String contentType, String contains, boolean etag)
            throws Exception {
        Res r = sim.get("/api/records/" + id, "Accept", accept).expect(200);
        assertEquals(contentType, r.header("Content-Type"));
        assertTrue(r.text().contains(contains), r.text());
        String revision =
                "\"" + sim.get("/api/records/" + id).json().path("revision_id").asInt() + "\"";
        assertEquals(etag ? revision : null, r.header("ETag"));
    }

    @Test
    void aCitationInApaNamesEveryAuthorWithTheVersionAndType() throws Exception {
        String apa = sim.get("/api/records/" + id + "?style=apa&locale=en-US", "Accept", "text/x-bibliography")
                .expect(200)
                .text();
        var md = sim.get("/api/records/" + id).json().path("metadata");
        assertTrue(apa.contains("(" + md.path("publication_date").asText().substring(0, 4) + "). "), apa);
        assertTrue(apa.contains(md.path("title").asText()), apa);
        assertTrue(apa.endsWith(md.path("publisher").asText() + "."), apa);
    }

    @Test
    void aTypeItDoesNotServeIs406NamingEveryType() throws Exception {
        for (String accept : new String[] {"text/plain", "image/png"}) {
            Res r = sim.get("/api/records/" + id, "Accept", accept).expect(406);
            assertEquals("application/json", r.header("Content-Type"));
            String message = r.json().path("message").asText();
            assertTrue(
                    message.startsWith(
                            "Invalid 'Accept' header. Expected one of: application/json, application/ld+json,"
                                    + " application/vnd.inveniordm.v1.full+csv"),
                    message);
            assertTrue(message.endsWith("application/dcat+xml, application/linkset+json"), message);
        }
        sim.get("/api/records/nosuchrecord", "Accept", "text/plain").expect(406);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        Map<String, String> expected = Map.of(
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "sameorigin",
                "X-XSS-Protection", "1; mode=block",
                "Referrer-Policy", "strict-origin-when-cross-origin",
                "Permissions-Policy", "interest-cohort=()",
                "Content-Security-Policy", "default-src 'self'; object-src 'none'");
        for (Res r : new Res[] {
            sim.get("/api/records/" + id).expect(200),
            sim.get("/api/records/nosuchrecord").expect(404),
            sim.get("/api/records?q=data").expect(200)
        }) expected.forEach((name, value) -> assertEquals(value, r.header(name), name));
    }
}
