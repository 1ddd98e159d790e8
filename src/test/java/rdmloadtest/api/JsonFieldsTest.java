package rdmloadtest.api;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming reader behind the JSON checks: the paths it follows and the bodies it refuses. */
class JsonFieldsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anIndexTakesThatElementOnlyAndAStarEveryOne() {
        JsonFields f = JsonFields.of("sequences[0].canvases[*].images[0].resource.service.@id");
        String manifest = "{\"sequences\": [{\"canvases\": ["
                + "{\"images\": [{\"resource\": {\"service\": {\"@id\": \"/iiif/a\"}}}, {\"resource\": {\"service\": {\"@id\": \"/iiif/not-first\"}}}]},"
                + "{\"label\": \"b\", \"images\": [{\"resource\": {\"service\": {\"@id\": \"/iiif/b\"}}}]}]},"
                + " {\"canvases\": [{\"images\": [{\"resource\": {\"service\": {\"@id\": \"/iiif/second-sequence\"}}}]}]}]}";
        assertEquals(
                List.of("/iiif/a", "/iiif/b"),
                f.extract(utf8(manifest)).get("sequences[0].canvases[*].images[0].resource.service.@id"));
    }

    @Test
    void aWholeObjectIsReadAsAMapAndANullIsNoValue() {
        JsonFields f = JsonFields.of("hits.hits[*]", "links.next");
        Map<String, List<Object>> v = f.extract(
                utf8("{\"hits\": {\"hits\": [{\"id\": \"c1\", \"slug\": \"physics\"}]}, \"links\": {\"next\": null}}"));
        assertEquals(List.of(Map.of("id", "c1", "slug", "physics")), v.get("hits.hits[*]"));
        assertEquals(List.of(), v.get("links.next"));
    }

    @Test
    void aBodyThatIsNotOneJsonValueIsRefusedSayingSo() {
        JsonFields f = JsonFields.of("id");
        assertTrue(assertThrows(RuntimeException.class, () -> f.extract(utf8("<html>")))
                .getMessage()
                .contains("not JSON"));
        assertTrue(assertThrows(RuntimeException.class, () -> f.extract(utf8("{\"id\": \"a\"} {\"id\": \"b\"}")))
                .getMessage()
                .contains("more than one JSON value"));
        assertTrue(assertThrows(RuntimeException.class, () -> f.extract(utf8("")))
                .getMessage()
                .contains("empty"));
    }

    @Test
    void aFieldNotAmongTheRequestsIsAMistakeOfTheCode() {
        assertThrows(IllegalArgumentException.class, () -> JsonFields.of("id").string("links.self"));
    }
}
