package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.CheckBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The few fields a request reads from its JSON answer, as a client reads them: one pass over the body's bytes that
 * follows the paths asked for and skips every other subtree (the metadata of 100 search hits) by its brackets and
 * strings alone, instead of a JSONPath tree of the whole page or a tokenizer that reads every name in it. Paths are
 * dotted names, {@code [n]} for an array element, {@code *} or {@code [*]} for any member or element:
 * {@code hits.hits[*].id} (no path inside another). Each check fails like the JSONPath it replaces: a missing field (or
 * a JSON null) unless {@code optional()}, a value of the wrong type, a body that is not JSON (not one value, brackets
 * that do not match, a string or the body cut short; a skipped subtree is checked for its brackets, the ends of its
 * strings and the characters between them, not for the whole of JSON's grammar).
 */
public final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANY = "*";
    /** Deeper nesting than InvenioRDM's answers ever have is refused rather than followed. */
    private static final int MAX_DEPTH = 512;
    /** The checks of one response run one after another on one thread: the body is parsed once for them all. */
    private static final ThreadLocal<Parsed> LAST = new ThreadLocal<>();

    private record Parsed(byte[] body, JsonFields fields, Map<String, List<Object>> values) {}

    private final List<String> paths;
    private final List<String[]> segments = new ArrayList<>();
    /** Each path's segments as UTF-8 bytes, compared with a member's name without decoding it. */
    private final List<byte[][]> names = new ArrayList<>();
    /** Each path's segments as array indexes ({@code [n]}), -1 where a segment is a name. */
    private final List<int[]> indexes = new ArrayList<>();

    private JsonFields(List<String> paths) {
        this.paths = paths;
        for (String p : paths) {
            String[] s = segments(p);
            segments.add(s);
            byte[][] b = new byte[s.length][];
            int[] n = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                b[i] = s[i].getBytes(StandardCharsets.UTF_8);
                n[i] = s[i].matches("[0-9]+") ? Integer.parseInt(s[i]) : -1;
            }
            names.add(b);
            indexes.add(n);
        }
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
        List<List<Object>> found = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) found.add(new ArrayList<>());
        Scan scan = new Scan(body);
        int at = scan.space(0);
        if (at == body.length) throw new IllegalStateException("the body is empty, expected JSON");
        boolean[] live = new boolean[paths.size()];
        Arrays.fill(live, true);
        at = scan.space(walk(scan, at, 0, live, found));
        if (at != body.length) throw new IllegalStateException("more than one JSON value in the body");
        Map<String, List<Object>> values = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) values.put(paths.get(i), found.get(i));
        return values;
    }

    /**
     * Reads the value starting at {@code at}, {@code depth} names down, where {@code live} says which paths matched the
     * way there; returns where it ends. A value no path goes into is skipped without being decoded.
     */
    private int walk(Scan scan, int at, int depth, boolean[] live, List<List<Object>> found) {
        boolean deeper = false;
        for (int i = 0; i < live.length; i++) {
            if (!live[i]) continue;
            if (segments.get(i).length == depth) {
                int end = scan.skip(at);
                if (!scan.isNull(at)) found.get(i).add(scan.value(at, end));
                return end; // one value per path, and no path lies inside another
            }
            deeper = true;
        }
        byte open = scan.body[at];
        if (!deeper || (open != '{' && open != '[')) return scan.skip(at);
        boolean object = open == '{';
        boolean[] next = new boolean[live.length];
        int index = 0;
        at = scan.space(at + 1);
        if (scan.at(at) == (object ? '}' : ']')) return at + 1;
        while (true) {
            int nameStart = -1, nameEnd = -1;
            if (object) {
                nameStart = at;
                nameEnd = scan.string(at);
                at = scan.expect(scan.space(nameEnd), ':');
                at = scan.space(at);
            }
            boolean any = false;
            for (int i = 0; i < live.length; i++) {
                next[i] = live[i]
                        && segments.get(i).length > depth
                        && matches(scan, i, depth, object, nameStart, nameEnd, index);
                any |= next[i];
            }
            at = any ? walk(scan, at, depth + 1, next.clone(), found) : scan.skip(at);
            index++;
            at = scan.space(at);
            byte b = scan.at(at);
            if (b == (object ? '}' : ']')) return at + 1;
            at = scan.space(scan.expect(at, ','));
        }
    }

    private boolean matches(Scan scan, int path, int depth, boolean object, int nameStart, int nameEnd, int index) {
        String s = segments.get(path)[depth];
        if (s.equals(ANY)) return true;
        if (!object) return indexes.get(path)[depth] == index;
        return scan.nameIs(nameStart, nameEnd, names.get(path)[depth]);
    }

    /** Where values start and end in a body; a body that breaks JSON's grammar where it is read is refused. */
    private static final class Scan {
        private static final VarHandle LONGS =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final long QUOTES = 0x2222222222222222L;
        private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
        /** What may stand between a skipped value's strings: blanks, separators, numbers, true, false, null. */
        private static final boolean[] OUTSIDE_STRINGS = new boolean[256];

        static {
            for (char c : " \n\r\t:,{}[]0123456789+-.eEtruefalsn".toCharArray()) OUTSIDE_STRINGS[c] = true;
        }

        final byte[] body;
        /** The brackets open while a value is skipped. */
        private final byte[] open = new byte[MAX_DEPTH];

        Scan(byte[] body) {
            this.body = body;
        }

        byte at(int i) {
            if (i >= body.length) throw notJson("it ends inside a value");
            return body[i];
        }

        int space(int i) {
            while (i < body.length) {
                byte b = body[i];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') break;
                i++;
            }
            return i;
        }

        int expect(int i, char c) {
            if (at(i) != c) throw notJson("expected '" + c + "' at byte " + i);
            return i + 1;
        }

        /** The end (after the closing quote) of the string that starts at {@code i}. */
        int string(int i) {
            if (at(i) != '"') throw notJson("expected a string at byte " + i);
            i++;
            // Eight bytes at a time while none of them is a quote or a backslash (most of a page is its strings).
            while (i + Long.BYTES <= body.length) {
                long w = (long) LONGS.get(body, i);
                if (hasByte(w, QUOTES) || hasByte(w, BACKSLASHES)) break;
                i += Long.BYTES;
            }
            for (; i < body.length; i++) {
                byte b = body[i];
                if (b == '"') return i + 1;
                if (b == '\\') i++;
            }
            throw notJson("it ends inside a string");
        }

        private static boolean hasByte(long word, long repeated) {
            long x = word ^ repeated;
            return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
        }

        /** The end of the value that starts at {@code i}: its brackets must match, its strings end. */
        int skip(int i) {
            byte b = at(i);
            if (b == '"') return string(i);
            if (b != '{' && b != '[') return literal(i);
            int depth = 0;
            while (true) {
                b = at(i);
                switch (b) {
                    case '"' -> {
                        i = string(i);
                        continue;
                    }
                    case '{', '[' -> {
                        if (depth == MAX_DEPTH) throw notJson("nested deeper than " + MAX_DEPTH);
                        open[depth++] = b;
                    }
                    case '}', ']' -> {
                        if (open[--depth] != (b == '}' ? '{' : '['))
                            throw notJson("'" + (char) b + "' closes what it did not open at byte " + i);
                        if (depth == 0) return i + 1;
                    }
                    default -> {
                        if (!OUTSIDE_STRINGS[b & 0xff]) throw notJson("unexpected '" + (char) b + "' at byte " + i);
                    }
                }
                i++;
            }
        }

        /** A number, true, false or null. */
        int literal(int i) {
            int start = i;
            while (i < body.length) {
                byte b = body[i];
                if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b == '-' || b == '+' || b == '.' || b == 'E'))
                    break;
                i++;
            }
            if (i == start) throw notJson("unexpected '" + (char) body[start] + "' at byte " + start);
            return i;
        }

        boolean isNull(int i) {
            return body[i] == 'n';
        }

        boolean nameIs(int start, int end, byte[] name) {
            int n = end - start - 2;
            if (n == name.length && Arrays.equals(body, start + 1, end - 1, name, 0, n)) return true;
            // A name written with escapes is compared decoded.
            for (int i = start + 1; i < end - 1; i++)
                if (body[i] == '\\') return new String(name, StandardCharsets.UTF_8).equals(value(start, end));
            return false;
        }

        /** The value between {@code start} and {@code end}, as Jackson would give it (strings without escapes direct). */
        Object value(int start, int end) {
            if (body[start] == '"') {
                boolean plain = true;
                for (int i = start + 1; i < end - 1 && plain; i++) plain = body[i] != '\\';
                if (plain) return new String(body, start + 1, end - start - 2, StandardCharsets.UTF_8);
            }
            try {
                return JSON.readValue(body, start, end - start, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException("the body is not JSON: " + e.getMessage(), e);
            }
        }

        private static IllegalStateException notJson(String why) {
            return new IllegalStateException("the body is not JSON: " + why);
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
