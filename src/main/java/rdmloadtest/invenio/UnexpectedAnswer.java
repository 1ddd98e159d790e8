package rdmloadtest.invenio;

import java.io.IOException;
import java.net.http.HttpResponse;

/** The target answered a call with another status than the one it means success (after the retries ran out). */
public final class UnexpectedAnswer extends IOException {
    private final int status;

    UnexpectedAnswer(HttpResponse<String> response, int expected) {
        super(response.request().method() + " " + response.request().uri().getRawPath() + " -> " + response.statusCode()
                + " (expected " + expected + "): " + excerpt(response.body()));
        this.status = response.statusCode();
    }

    public int status() {
        return status;
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.substring(0, Math.min(300, flat.length()));
    }
}
