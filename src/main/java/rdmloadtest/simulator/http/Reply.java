package rdmloadtest.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import rdmloadtest.simulator.perf.PerformanceModel.Throttle;

/** An answer: status, headers and either JSON, text, or a body streamed under the bandwidth model. */
public final class Reply {
    /** A body written while the worker is held; the throttle paces it to the model's bandwidth. */
    @FunctionalInterface
    public interface Stream {
        void writeTo(OutputStream out, Throttle throttle) throws IOException;
    }

    public final int status;
    public final Map<String, String> headers = new LinkedHashMap<>();
    public JsonNode json;
    public byte[] bytes;
    public Stream stream;
    public long streamLength = -1;

    private Reply(int status) {
        this.status = status;
    }

    public static Reply json(int status, JsonNode body) {
        Reply r = new Reply(status);
        r.json = body;
        r.headers.put("Content-Type", "application/json");
        return r;
    }

    public static Reply empty(int status) {
        return new Reply(status);
    }

    public static Reply bytes(int status, String contentType, byte[] body) {
        Reply r = new Reply(status);
        r.bytes = body;
        r.headers.put("Content-Type", contentType);
        return r;
    }

    public static Reply stream(int status, long length, Stream body) {
        Reply r = new Reply(status);
        r.stream = body;
        r.streamLength = length;
        return r;
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
