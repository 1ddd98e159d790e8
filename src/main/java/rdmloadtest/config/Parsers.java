package rdmloadtest.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Value parsers for configuration keys; each throws IllegalArgumentException with what it expected. */
public final class Parsers {
    private Parsers() {}

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    public static Function<String, Boolean> bool() {
        return s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    public static Function<String, Integer> integer(int min, int max) {
        return s -> {
            int v;
            try {
                v = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer from " + min + " to " + max);
            }
            if (v < min || v > max)
                throw new IllegalArgumentException("expected an integer from " + min + " to " + max);
            return v;
        };
    }

    public static Function<String, Long> longInteger(long min, long max) {
        return s -> {
            long v;
            try {
                v = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer from " + min + " to " + max);
            }
            if (v < min || v > max)
                throw new IllegalArgumentException("expected an integer from " + min + " to " + max);
            return v;
        };
    }

    /** A size in bytes, or with a binary suffix k, m or g ("2g", "500m", "1048576"). */
    public static Function<String, Long> bytes(long max) {
        return s -> {
            String t = s.trim().toLowerCase(Locale.ROOT);
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1;
            };
            if (unit > 1) t = t.substring(0, t.length() - 1);
            try {
                long v = Long.parseLong(t);
                if (v >= 1 && v <= max / unit) return v * unit;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    "expected a size from 1 byte to " + (max >> 30) + "g (e.g. 2g, 500m, 1048576)");
        };
    }

    public static Function<String, Double> decimal(double min, double max) {
        return s -> {
            double v;
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number from " + min + " to " + max);
            }
            if (!(v >= min && v <= max))
                throw new IllegalArgumentException("expected a number from " + min + " to " + max);
            return v;
        };
    }

    /** Durations always carry a unit ("250ms", "30s", "2m", "1h"): a bare number is ambiguous. */
    public static Function<String, Duration> duration() {
        return s -> parseDuration(s);
    }

    public static Duration parseDuration(String s) {
        Matcher m = DURATION.matcher(s.trim());
        if (!m.matches()) throw new IllegalArgumentException("expected a duration such as 250ms, 30s, 2m or 1h");
        double n = Double.parseDouble(m.group(1));
        double ms = switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            default -> n * 3_600_000;
        };
        return Duration.ofNanos(Math.round(ms * 1_000_000));
    }

    public static Function<String, String> choice(String... allowed) {
        return s -> {
            String v = s.trim();
            if (Arrays.asList(allowed).contains(v)) return v;
            throw new IllegalArgumentException("expected one of " + String.join(", ", allowed));
        };
    }

    public static Function<String, String> text() {
        return s -> {
            if (s.isBlank()) throw new IllegalArgumentException("expected a non-empty value");
            return s.trim();
        };
    }

    public static Function<String, List<String>> list() {
        return s -> {
            List<String> items = Arrays.stream(s.split(","))
                    .map(String::trim)
                    .filter(x -> !x.isEmpty())
                    .toList();
            if (items.isEmpty()) throw new IllegalArgumentException("expected a comma-separated list");
            return items;
        };
    }

    /** A base URL: http(s), a host, no query; the API lives under {@code <baseUrl>/api}. */
    public static Function<String, URI> baseUrl() {
        return s -> {
            URI u;
            try {
                u = URI.create(s.trim().replaceAll("/+$", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected a URL such as https://repo.example.org");
            }
            if (u.getScheme() == null
                    || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null
                    || u.getQuery() != null) {
                throw new IllegalArgumentException("expected a URL such as https://repo.example.org");
            }
            if (u.getPath() != null && u.getPath().endsWith("/api")) {
                throw new IllegalArgumentException("expected the site URL without /api (the API path is added)");
            }
            return u;
        };
    }
}
