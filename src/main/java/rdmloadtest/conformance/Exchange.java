package rdmloadtest.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One response as the check saw it: status, headers (lower-case names) and body. */
record Exchange(int status, Map<String, List<String>> headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase());
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The media type of Content-Type, lower case, without parameters; "-" when absent. */
    String mediaType() {
        return header("content-type")
                .map(v -> v.split(";", 2)[0].trim().toLowerCase())
                .orElse("-");
    }

    boolean isJson() {
        return mediaType().equals("application/json") || mediaType().endsWith("+json");
    }

    boolean isXml() {
        return mediaType().endsWith("/xml") || mediaType().endsWith("+xml");
    }

    /** The JSON body, or a missing node when the body is not JSON. */
    JsonNode json() {
        try {
            return body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
