package rdmloadtest.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An InvenioRDM error answer: {"status": N, "message": "..."} plus optional extra fields (errors, tombstone). */
public final class ApiError extends RuntimeException {
    private final int status;
    private final ObjectNode body;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = JsonNodeFactory.instance.objectNode().put("status", status).put("message", message);
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return body;
    }

    public ApiError with(String field, JsonNode value) {
        body.set(field, value);
        return this;
    }

    public static ApiError notFound() {
        return new ApiError(404, "The persistent identifier does not exist.");
    }

    public static ApiError forbidden() {
        return new ApiError(403, "Permission denied.");
    }

    /** A marshmallow-style validation error with one field message. */
    public static ApiError validation(String field, String message) {
        ApiError e = new ApiError(400, "A validation error occurred.");
        var errors = e.body.putArray("errors");
        errors.addObject().put("field", field).putArray("messages").add(message);
        return e;
    }
}
