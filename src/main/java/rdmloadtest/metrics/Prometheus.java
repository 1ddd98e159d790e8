package rdmloadtest.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;

/** Prometheus's HTTP API, instant queries only: the one door to it. */
public final class Prometheus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Prometheus(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /**
     * The query's value at {@code epochSecond} (the sum over series when it returns several); empty when it returns
     * no series.
     *
     * @throws IOException when Prometheus cannot be reached or refuses the query (its error message included)
     */
    public OptionalDouble value(String query, long epochSecond) throws IOException, InterruptedException {
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&time="
                + epochSecond);
        HttpResponse<String> r;
        try {
            r = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("Prometheus at " + base + " cannot be reached (" + e + ")");
        }
        JsonNode n;
        try {
            n = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IOException("Prometheus at " + base + " answered HTTP " + r.statusCode() + " without JSON");
        }
        if (!"success".equals(n.path("status").asText()))
            throw new IOException(
                    "Prometheus refused the query: " + n.path("error").asText("HTTP " + r.statusCode()));
        JsonNode result = n.at("/data/result");
        if (!result.isArray() || result.isEmpty()) return OptionalDouble.empty();
        double sum = 0;
        for (JsonNode series : result)
            sum += Double.parseDouble(series.at("/value/1").asText("NaN"));
        return OptionalDouble.of(sum);
    }
}
