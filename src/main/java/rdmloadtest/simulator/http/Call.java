package rdmloadtest.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import rdmloadtest.simulator.store.Identity;

/** One request as the resources see it: who calls, the path parameters, the query and the body. */
public final class Call {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String method;
    public final String path;
    public final Map<String, List<String>> query;
    public final Map<String, String> pathParams;
    public final Identity identity;
    /** Site URL as the caller reached it, e.g. http://127.0.0.1:8080 (InvenioRDM's SITE_UI_URL). */
    public final String siteUrl;

    private final Map<String, String> headers;
    private final Supplier<InputStream> body;

    public Call(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, String> pathParams,
            Identity identity,
            String siteUrl,
            Map<String, String> headers,
            Supplier<InputStream> body) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.pathParams = pathParams;
        this.identity = identity;
        this.siteUrl = siteUrl;
        this.headers = headers;
        this.body = body;
    }

    public String param(String name) {
        return pathParams.get(name);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase()));
    }

    public Optional<String> first(String queryParam) {
        List<String> v = query.get(queryParam);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public List<String> all(String queryParam) {
        return query.getOrDefault(queryParam, List.of());
    }

    public String api() {
        return siteUrl + "/api";
    }

    public InputStream bodyStream() {
        return body.get();
    }

    /** The JSON body; like flask-resources: wrong Content-Type → 415, unparsable → 400. */
    public JsonNode jsonBody() {
        requireContentType("application/json");
        try (InputStream in = body.get()) {
            JsonNode n = JSON.readTree(in);
            if (n == null || n.isMissingNode()) throw new ApiError(400, "Unable to decode JSON data in request body.");
            return n;
        } catch (IOException e) {
            throw new ApiError(400, "Unable to decode JSON data in request body.");
        }
    }

    public void requireContentType(String expected) {
        String ct = header("content-type").orElse("");
        if (!ct.toLowerCase().startsWith(expected)) {
            throw new ApiError(415, "Invalid 'Content-Type' header. Expected one of: " + expected);
        }
    }

    /** If-Match is parsed as an integer revision by InvenioRDM: the quoted ETag ("3") is not an integer → 400. */
    public Optional<Integer> ifMatch() {
        return header("if-match").map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw ApiError.validation("if_match", "Not a valid integer.");
            }
        });
    }
}
