package rdmloadtest.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipFile;

/**
 * Compares what the two sides answered to one step: the status, the headers that matter (media type, ETag
 * shape, Location form, Content-Disposition, Link, X-RateLimit presence) and the body's structure as the
 * step's {@link Spec} says; ids and the site URL are replaced by placeholders before values are compared.
 */
final class Differ {
    private final Side real;
    private final Side sim;

    Differ(Side real, Side sim) {
        this.real = real;
        this.sim = sim;
    }

    List<Difference> compare(List<Step> steps) {
        List<Difference> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.addAll(compare(steps.get(i), real.outcomes.get(i), sim.outcomes.get(i)));
        }
        return out;
    }

    List<Difference> compare(Step step, Side.Outcome a, Side.Outcome b) {
        List<Difference> d = new ArrayList<>();
        if (a.exchange() == null || b.exchange() == null) {
            String ra = a.exchange() == null
                    ? a.skipped()
                    : "answered " + a.exchange().status();
            String rb = b.exchange() == null
                    ? b.skipped()
                    : "answered " + b.exchange().status();
            d.add(new Difference(step.name, "sent", ra, rb));
            return d;
        }
        Exchange x = a.exchange();
        Exchange y = b.exchange();
        check(d, step, "status", String.valueOf(x.status()), String.valueOf(y.status()));
        check(d, step, "Content-Type", x.mediaType(), y.mediaType());
        check(d, step, "ETag", etagShape(x), etagShape(y));
        check(d, step, "Location", location(x, real), location(y, sim));
        check(
                d,
                step,
                "Content-Disposition",
                normalized(x.header("content-disposition").orElse("-"), real),
                normalized(y.header("content-disposition").orElse("-"), sim));
        check(
                d,
                step,
                "Link",
                normalized(x.header("link").orElse("-"), real),
                normalized(y.header("link").orElse("-"), sim));
        check(d, step, "X-RateLimit-*", rateLimited(x), rateLimited(y));
        if (step.compareBodyBytes && x.status() == 200 && y.status() == 200) {
            check(d, step, "body md5", md5(x.body()), md5(y.body()));
        }
        if (x.mediaType().equals("application/zip") && y.mediaType().equals("application/zip")) {
            check(d, step, "zip entries", zipEntries(x.body()), zipEntries(y.body()));
        }
        JsonNode jx = structured(x);
        JsonNode jy = structured(y);
        if (jx == null || jy == null) return d;
        for (Spec.Rule rule : step.spec.rules) {
            if (rule.mode() == Spec.Mode.VALUE) {
                check(d, step, "value " + rule.path(), values(jx, rule.path(), real), values(jy, rule.path(), sim));
                continue;
            }
            JsonNode ux = Shape.selectUnion(jx, rule.path());
            JsonNode uy = Shape.selectUnion(jy, rule.path());
            if (ux.isMissingNode() && uy.isMissingNode()) continue;
            for (Shape.Delta delta : Shape.compare(rule.path(), ux, uy, rule.mode() == Spec.Mode.DEEP)) {
                String aspect = "structure " + delta.path();
                if (d.stream()
                        .noneMatch(e -> e.step().equals(step.name) && e.aspect().equals(aspect))) {
                    d.add(new Difference(step.name, aspect, delta.real(), delta.simulator()));
                }
            }
        }
        return d;
    }

    private static void check(List<Difference> d, Step step, String aspect, String real, String sim) {
        if (!real.equals(sim)) d.add(new Difference(step.name, aspect, real, sim));
    }

    /** JSON, or XML in the same form; null for other bodies (and for JSON/XML that does not parse). */
    private static JsonNode structured(Exchange x) {
        if (x.isJson()) {
            JsonNode n = x.json();
            return n.isMissingNode() ? null : n;
        }
        if (x.isXml()) {
            try {
                return Shape.xml(x.body());
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    static String etagShape(Exchange x) {
        String v = x.header("etag").orElse(null);
        if (v == null) return "absent";
        if (v.matches("\"\\d+\"")) return "\"<int>\"";
        if (v.matches("\"md5:[0-9a-f]{32}\"")) return "\"md5:…\"";
        if (v.startsWith("W/")) return "weak " + v.replaceAll("[0-9a-f]{8,}", "…");
        return "other";
    }

    private static String location(Exchange x, Side side) {
        String v = x.header("location").orElse(null);
        if (v == null) return "absent";
        boolean absolute = v.matches("(?i)https?://.*");
        return (absolute ? "absolute " : "relative ") + normalized(v, side);
    }

    private static String rateLimited(Exchange x) {
        return x.headers().keySet().stream().anyMatch(k -> k.startsWith("x-ratelimit")) ? "present" : "absent";
    }

    /** Ids and URLs of one side replaced by placeholders, so that the two sides' values compare. */
    static String normalized(String v, Side side) {
        String s = v.replace(side.baseUrl, "{base}").replace(side.baseUrl.replaceFirst("^https?://", ""), "{host}");
        List<Map.Entry<String, String>> vars = new ArrayList<>(side.vars.entrySet());
        vars.sort(Comparator.comparingInt(
                (Map.Entry<String, String> e) -> -e.getValue().length()));
        for (var e : vars) if (e.getValue().length() >= 4) s = s.replace(e.getValue(), "{" + e.getKey() + "}");
        return s;
    }

    private static String values(JsonNode root, String path, Side side) {
        TreeSet<String> set = new TreeSet<>();
        for (JsonNode n : Shape.select(root, path)) {
            if (n instanceof MissingNode) continue;
            set.add(normalized(n.isValueNode() ? n.asText() : n.toString(), side));
        }
        return set.isEmpty() ? "absent" : String.join(", ", set);
    }

    private static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + " (" + body.length
                    + " bytes)";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entry names from the central directory (a streamed zip's local headers cannot always be read in order). */
    private static String zipEntries(byte[] body) {
        List<String> names = new ArrayList<>();
        try {
            Path tmp = Files.createTempFile("differential-", ".zip");
            try {
                Files.write(tmp, body);
                try (ZipFile zip = new ZipFile(tmp.toFile())) {
                    zip.stream().forEach(e -> names.add(e.getName()));
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            return "unreadable zip: " + e.getMessage();
        }
        names.sort(null);
        return String.join(", ", names);
    }
}
