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

    @Test
    void escapesInNamesAndStringsAreReadAsJacksonReadsThem() {
        JsonFields f = JsonFields.of("hits.hits[*].id", "links.next");
        Map<String, List<Object>> v = f.extract(utf8("{\"hits\": {\"hits\": [{\"id\": \"a\\\"b\", \"t\": \"}]\\\\\"},"
                + " {\"\\u0069d\": \"M\u00fcller\"}]}, \"links\": {\"next\": \"/n\\/2\"}}"));
        assertEquals(List.of("a\"b", "M\u00fcller"), v.get("hits.hits[*].id"));
        assertEquals(List.of("/n/2"), v.get("links.next"));
    }

    @Test
    void numbersBooleansAndArraysAreTypedAsBefore() {
        JsonFields f = JsonFields.of("a", "b", "c", "d", "e");
        Map<String, List<Object>> v =
                f.extract(utf8("{\"a\": 7, \"b\": 5000000000, \"c\": 2.5, \"d\": true, \"e\": [1, \"x\"]}"));
        assertEquals(List.of(7), v.get("a"));
        assertEquals(List.of(5_000_000_000L), v.get("b"));
        assertEquals(List.of(2.5), v.get("c"));
        assertEquals(List.of(true), v.get("d"));
        assertEquals(List.of(List.of(1, "x")), v.get("e"));
    }

    @Test
    void aBodyBrokenInsideWhatIsSkippedIsStillRefused() {
        JsonFields f = JsonFields.of("hits.hits[*].id");
        String good = "{\"hits\": {\"hits\": [{\"id\": \"r1\", \"metadata\": {\"t\": [1, {\"x\": \"y\"}]}}]}}";
        assertEquals(List.of("r1"), f.extract(utf8(good)).get("hits.hits[*].id"));
        for (String broken : List.of(
                good.replace("[1, {", "[1, {]"), // a bracket that closes what it did not open
                good.substring(0, good.indexOf("\"y\"") + 2), // cut inside a string
                good.substring(0, good.indexOf("[1,") + 2), // cut inside an array
                good.replace("\"id\": \"r1\"", "\"id\" \"r1\""), // no colon
                good.replace("\"t\": [1,", "\"t\": [<b>,"))) { // not a value
            RuntimeException e = assertThrows(RuntimeException.class, () -> f.extract(utf8(broken)), broken);
            assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        }
    }
}
