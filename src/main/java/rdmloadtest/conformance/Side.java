package rdmloadtest.conformance;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rdmloadtest.invenio.InvenioClient;

/** One side of the comparison (the real instance or the simulator): sends the sequence and keeps the answers. */
final class Side {
    /** What one step got on this side: the response, or why it was not sent. */
    record Outcome(Exchange exchange, String skipped) {}

    final String label;
    final String baseUrl;
    /** Each exchange sent once, no redirect followed: the comparison sees exactly what the side answered. */
    private final InvenioClient client;

    private final String tokenA;
    private final String tokenB;
    /** Values captured by the steps (ids, revision, ETag, resumption token), for placeholders and normalising. */
    final Map<String, String> vars = new LinkedHashMap<>();

    final List<Outcome> outcomes = new ArrayList<>();
    /** Wait where a step says so (the search index refresh); off for a simulator whose index refreshes at once. */
    boolean waitForIndex = true;

    Side(String label, String baseUrl, String tokenA, String tokenB) {
        this.label = label;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.client = InvenioClient.verbatim(this.baseUrl);
        this.tokenA = tokenA;
        this.tokenB = tokenB;
    }

    void run(List<Step> steps) throws InterruptedException {
        for (Step step : steps) outcomes.add(send(step));
    }

    private Outcome send(Step step) throws InterruptedException {
        List<String> missing = step.missing(vars);
        if (!missing.isEmpty())
            return new Outcome(null, "not sent: no " + String.join(", ", missing) + " from earlier steps");
        if (waitForIndex && step.pauseBeforeMs > 0) Thread.sleep(step.pauseBeforeMs);
        HttpRequest.BodyPublisher body = step.bytes != null
                ? HttpRequest.BodyPublishers.ofByteArray(step.bytes)
                : step.body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Step.fill(step.body, vars), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "rdm-loadtest-conformance");
        if (step.contentType != null) headers.put("Content-Type", step.contentType);
        step.headers.forEach((k, v) -> headers.put(k, Step.fill(v, vars)));
        String token = switch (step.caller) {
            case A -> tokenA;
            case B -> tokenB;
            case ANONYMOUS -> null;
        };
        if (token != null) headers.put("Authorization", "Bearer " + token);
        try {
            HttpResponse<byte[]> r = client.exchange(step.method, Step.fill(step.path, vars), body, headers);
            Map<String, List<String>> answered = new TreeMap<>();
            r.headers().map().forEach((k, v) -> answered.put(k.toLowerCase(), v));
            Exchange x = new Exchange(r.statusCode(), answered, r.body());
            step.captures.forEach((name, f) -> {
                String v = f.apply(x);
                if (v != null && !v.isEmpty()) vars.put(name, v);
            });
            return new Outcome(x, null);
        } catch (IOException e) {
            return new Outcome(null, "no answer: " + e);
        }
    }
}
