package rdmloadtest.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One request of the sequence, sent the same way to both sides: who sends it, the method, a path and body
 * with {@code {name}} placeholders filled from what earlier steps captured on that side, and what to compare.
 */
final class Step {
    enum Caller {
        A,
        B,
        ANONYMOUS
    }

    final String name;
    final String method;
    final String path;
    Caller caller = Caller.A;
    final Map<String, String> headers = new LinkedHashMap<>();
    String body;
    /** A binary body (an image), sent as it is; {@link #body} is a template. */
    byte[] bytes;

    String contentType;
    Spec spec = Spec.none();
    boolean compareBodyBytes;
    long pauseBeforeMs;
    final Map<String, Function<Exchange, String>> captures = new LinkedHashMap<>();

    private Step(String name, String method, String path) {
        this.name = name;
        this.method = method;
        this.path = path;
    }

    static Step get(String name, String path) {
        return new Step(name, "GET", path);
    }

    static Step of(String name, String method, String path) {
        return new Step(name, method, path);
    }

    Step as(Caller c) {
        caller = c;
        return this;
    }

    Step header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Step json(String body) {
        this.body = body;
        this.contentType = "application/json";
        return this;
    }

    Step octets(String body) {
        this.body = body;
        this.contentType = "application/octet-stream";
        return this;
    }

    Step octets(byte[] content) {
        this.bytes = content;
        this.contentType = "application/octet-stream";
        return this;
    }

    Step compare(Spec s) {
        spec = s;
        return this;
    }

    /** Also compare the body bytes (downloads of a file both sides got the same bytes of). */
    Step sameBytes() {
        compareBodyBytes = true;
        return this;
    }

    /** Wait before sending, e.g. for the search index to see a publish (OpenSearch refreshes every second). */
    Step after(long millis) {
        pauseBeforeMs = millis;
        return this;
    }

    /** Remember a value of the response under a name, for later steps' placeholders and for the report. */
    Step capture(String name, Function<Exchange, String> from) {
        captures.put(name, from);
        return this;
    }

    Step captureJson(String name, String pointer) {
        return capture(name, x -> {
            var n = x.json().at(pointer);
            return n.isMissingNode() || n.isNull() ? null : n.asText();
        });
    }

    /** Placeholders still unfilled in this step on a side: the step cannot be sent there. */
    List<String> missing(Map<String, String> vars) {
        List<String> out = new ArrayList<>();
        var m = Pattern.compile("\\{(\\w+)}")
                .matcher(path + (body == null ? "" : body) + String.join(" ", headers.values()));
        while (m.find()) if (!vars.containsKey(m.group(1))) out.add(m.group(1));
        return out;
    }

    static String fill(String template, Map<String, String> vars) {
        if (template == null) return null;
        String s = template;
        for (var e : vars.entrySet()) s = s.replace("{" + e.getKey() + "}", e.getValue());
        return s;
    }
}
