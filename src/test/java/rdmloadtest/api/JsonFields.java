package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.CheckBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The few fields a request reads from its JSON answer, as a client reads them: one pass of Jackson's streaming parser
 * over the body, skipping every subtree no field lies in (the metadata of 100 search hits), instead of a JSONPath
 * tree of the whole page. Paths are dotted names, {@code [n]} for an array element, {@code *} or {@code [*]} for any
 * member or element: {@code hits.hits[*].id} (no path inside another). Each check fails like the JSONPath it replaces: a missing field (or a
 * JSON null) unless {@code optional()}, a value of the wrong type, a body that is not JSON.
 */
public final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANY = "*";
    /** The checks of one response run one after another on one thread: the body is parsed once for them all. */
    private static final ThreadLocal<Parsed> LAST = new ThreadLocal<>();

    private record Parsed(byte[] body, JsonFields fields, Map<String, List<Object>> values) {}

    private final List<String> paths;
    private final List<String[]> segments = new ArrayList<>();

    private JsonFields(List<String> paths) {
        this.paths = paths;
        for (String p : paths) segments.add(segments(p));
    }

    /** The fields one request reads (every check of the request names one of them). */
    public static JsonFields of(String... paths) {
        return new JsonFields(List.of(paths));
    }

    /** The field's value (a string, number, boolean, or a map or list for an object or array). */
    public CheckBuilder.Validate<Object> value(String path) {
        int i = index(path);
        return bodyBytes().transform(b -> first(b, i));
    }

    public CheckBuilder.Validate<String> string(String path) {
        int i = index(path);
        return bodyBytes().transform(b -> as(String.class, first(b, i), path));
    }

    public CheckBuilder.Validate<Integer> integer(String path) {
        int i = index(path);
        return bodyBytes().transform(b -> as(Integer.class, first(b, i), path));
    }

    public CheckBuilder.Validate<Long> longValue(String path) {
        int i = index(path);
        return bodyBytes().transform(b -> toLong(first(b, i), path));
    }

    /** Every value at the path, in order; none fails the check unless optional (as JSONPath's findAll). */
    public CheckBuilder.Validate<List<Object>> all(String path) {
        int i = index(path);
        return bodyBytes().transform(b -> nonEmpty(read(b).get(paths.get(i))));
    }

    /** Every value at the path as a long (file sizes). */
    public CheckBuilder.Validate<List<Long>> longs(String path) {
        int i = index(path);
        return bodyBytes().transform(b -> {
            List<Object> all = nonEmpty(read(b).get(paths.get(i)));
            return all == null ? null : all.stream().map(v -> toLong(v, path)).toList();
        });
    }

    /** One of the values at the path, at random (JSONPath's findRandom). */
    public CheckBuilder.Validate<Object> any(String path) {
        int i = index(path);
        return bodyBytes().transform(b -> {
            List<Object> all = nonEmpty(read(b).get(paths.get(i)));
            return all == null ? null : all.get(ThreadLocalRandom.current().nextInt(all.size()));
        });
    }

    private int index(String path) {
        int i = paths.indexOf(path);
        if (i < 0) throw new IllegalArgumentException("JsonFields: " + path + " is not one of " + paths);
        return i;
    }

    private Object first(byte[] body, int i) {
        List<Object> all = read(body).get(paths.get(i));
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Object> nonEmpty(List<Object> values) {
        return values.isEmpty() ? null : values;
    }

    private static <T> T as(Class<T> type, Object value, String path) {
        if (value == null || type.isInstance(value)) return type.cast(value);
        throw new IllegalStateException(
                path + ": expected " + type.getSimpleName().toLowerCase() + ", found " + value);
    }

    private static Long toLong(Object value, String path) {
        if (value == null) return null;
        if (value instanceof Integer || value instanceof Long) return ((Number) value).longValue();
        throw new IllegalStateException(path + ": expected an integer, found " + value);
    }

    /** Every path's values in the body (parsed once per body and set of fields). */
    Map<String, List<Object>> read(byte[] body) {
        Parsed last = LAST.get();
        if (last != null && last.body() == body && last.fields() == this) return last.values();
        Map<String, List<Object>> values = extract(body);
        LAST.set(new Parsed(body, this, values));
        return values;
    }

    Map<String, List<Object>> extract(byte[] body) {
        Map<String, List<Object>> values = new HashMap<>();
        for (String p : paths) values.put(p, new ArrayList<>());
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) throw new IllegalStateException("the body is empty, expected JSON");
            boolean[] live = new boolean[paths.size()];
            Arrays.fill(live, true);
            walk(parser, 0, live, values);
            if (parser.nextToken() != null) throw new IllegalStateException("more than one JSON value in the body");
        } catch (IOException e) {
            throw new UncheckedIOException("the body is not JSON: " + e.getMessage(), e);
        }
        return values;
    }

    /**
     * The value at the parser's current token, {@code depth} names down; {@code live} says which paths matched the way
     * there. A subtree no path goes into is skipped without being read.
     */
    private void walk(JsonParser parser, int depth, boolean[] live, Map<String, List<Object>> values)
            throws IOException {
        boolean deeper = false;
        for (int i = 0; i < live.length; i++) {
            if (!live[i]) continue;
            String[] s = segments.get(i);
            if (s.length == depth) {
                if (parser.currentToken() != JsonToken.VALUE_NULL)
                    values.get(paths.get(i)).add(parser.readValueAs(Object.class));
                return; // a map or list was read whole; a scalar is consumed
            }
            deeper = true;
        }
        JsonToken t = parser.currentToken();
        if (!deeper || !(t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
            parser.skipChildren();
            return;
        }
        boolean[] next = new boolean[live.length];
        int index = 0;
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) return;
            String name;
            if (token == JsonToken.FIELD_NAME) {
                name = parser.currentName();
                parser.nextToken();
            } else {
                name = Integer.toString(index++);
            }
            boolean any = false;
            for (int i = 0; i < live.length; i++) {
                String[] s = segments.get(i);
                next[i] = live[i] && s.length > depth && (s[depth].equals(ANY) || s[depth].equals(name));
                any |= next[i];
            }
            if (!any) {
                parser.skipChildren();
                continue;
            }
            walk(parser, depth + 1, next.clone(), values);
        }
    }

    private static String[] segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                out.add(part);
                continue;
            }
            if (bracket > 0) out.add(part.substring(0, bracket));
            for (String index : part.substring(bracket + 1, part.length() - 1).split("\\]\\[")) out.add(index);
        }
        return out.toArray(String[]::new);
    }
}
