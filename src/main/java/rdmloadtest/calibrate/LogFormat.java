package rdmloadtest.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access-log formats calibration reads: the web server in front (nginx's combined format, or JSON lines) and the
 * application server behind it (gunicorn's default access format, which is combined; uWSGI's default request log).
 */
enum LogFormat {
    /** nginx {@code log_format combined} (also Apache's, and gunicorn's default {@code access_log_format}). */
    COMBINED(
            "combined",
            "nginx/Apache combined or gunicorn's default: 1.2.3.4 - - [05/Dec/2026:11:33:25 +0000] \"GET /api/records HTTP/1.1\" 200 512 \"-\" \"UA\"") {
        @Override
        Optional<Hit> parse(String line) {
            Matcher m = COMBINED_LINE.matcher(line);
            if (!m.lookingAt()) return Optional.empty();
            String[] request = m.group(3).split(" ");
            if (request.length < 2) return Optional.empty();
            Long t = clf(m.group(2));
            if (t == null) return Optional.empty();
            String ua = m.group(7) == null ? "" : m.group(7);
            return Optional.of(new Hit(
                    t,
                    request[0],
                    request[1],
                    Integer.parseInt(m.group(4)),
                    m.group(5).equals("-") ? 0 : Long.parseLong(m.group(5)),
                    ua,
                    clientKey(m.group(1), ua)));
        }
    },
    /** One JSON object per line, with nginx's variable names or the common alternatives. */
    JSON_LINES(
            "json",
            "JSON lines: {\"time_local\"|\"time_iso8601\"|\"timestamp\", \"request\"|\"method\"+\"uri\", \"status\", \"body_bytes_sent\", \"http_user_agent\", \"remote_addr\"}") {
        @Override
        Optional<Hit> parse(String line) {
            if (line.isEmpty() || line.charAt(0) != '{') return Optional.empty();
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (Exception e) {
                return Optional.empty();
            }
            String method;
            String target;
            JsonNode request = n.get("request");
            if (request != null && request.isTextual() && request.asText().contains(" ")) {
                String[] r = request.asText().split(" ");
                method = r[0];
                target = r[1];
            } else {
                method = text(n, "method", "request_method", "http_method");
                target = text(n, "request_uri", "uri", "path", "url");
                String args = text(n, "args", "query_string");
                if (target != null && args != null && !args.isEmpty() && !target.contains("?")) target += "?" + args;
            }
            String status = text(n, "status", "response_status", "status_code");
            String time = text(n, "time_iso8601", "time_local", "timestamp", "@timestamp", "time");
            if (method == null || target == null || status == null || time == null) return Optional.empty();
            Long t = anyTime(time);
            if (t == null || !status.matches("\\d{3}")) return Optional.empty();
            String bytes = text(n, "body_bytes_sent", "bytes_sent", "bytes", "response_size");
            String ua = Optional.ofNullable(text(n, "http_user_agent", "user_agent", "agent"))
                    .orElse("");
            return Optional.of(new Hit(
                    t,
                    method,
                    target,
                    Integer.parseInt(status),
                    bytes == null || !bytes.matches("\\d+") ? 0 : Long.parseLong(bytes),
                    ua,
                    clientKey(
                            Optional.ofNullable(text(n, "remote_addr", "client_ip", "ip"))
                                    .orElse(""),
                            ua)));
        }
    },
    /** uWSGI's default request log line (no user agent in it). */
    UWSGI(
            "uwsgi",
            "uWSGI's default: [pid: 12|app: 0|req: 1/1] 1.2.3.4 () {34 vars in 567 bytes} [Sat Dec  5 11:33:25 2026] GET /api/records => generated 512 bytes in 56 msecs (HTTP/1.1 200) ...") {
        @Override
        Optional<Hit> parse(String line) {
            Matcher m = UWSGI_LINE.matcher(line);
            if (!m.find()) return Optional.empty();
            Long t;
            try {
                t = LocalDateTime.parse(m.group(2).replaceAll(" +", " "), UWSGI_TIME)
                        .toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
            return Optional.of(new Hit(
                    t,
                    m.group(3),
                    m.group(4),
                    Integer.parseInt(m.group(6)),
                    Long.parseLong(m.group(5)),
                    "",
                    clientKey(m.group(1), "")));
        }
    };

    static final ObjectMapper JSON = new ObjectMapper();
    // ip ident user [time] "request" status bytes ["referer" "ua"]
    static final Pattern COMBINED_LINE = Pattern.compile(
            "(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] \"([^\"]*)\" (\\d{3}) (\\d+|-)(?: \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\")?");
    static final Pattern UWSGI_LINE = Pattern.compile(
            "\\] (\\S+) \\([^)]*\\) \\{[^}]*\\} \\[([^\\]]+)\\] (\\S+) (\\S+) => generated (\\d+) bytes in \\d+ \\S+ \\(\\S+ (\\d{3})\\)");
    static final DateTimeFormatter UWSGI_TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    private final String id;
    private final String example;

    LogFormat(String id, String example) {
        this.id = id;
        this.example = example;
    }

    String id() {
        return id;
    }

    /** The line as a hit, or empty when it is not a line of this format. */
    abstract Optional<Hit> parse(String line);

    static Optional<LogFormat> byId(String id) {
        for (LogFormat f : values()) if (f.id.equals(id)) return Optional.of(f);
        return Optional.empty();
    }

    /** The supported formats, one per line with an example: what an unknown format's error names. */
    static String supported() {
        StringBuilder b = new StringBuilder();
        for (LogFormat f : values()) b.append(b.isEmpty() ? "" : "; ").append(f.id);
        return b.toString();
    }

    static List<String> examples() {
        return Arrays.stream(values()).map(f -> f.id + ": " + f.example).toList();
    }

    /** The format most of these lines are in, if one reads at least half of them. */
    static Optional<LogFormat> detect(List<String> sample) {
        LogFormat best = null;
        int bestCount = 0;
        for (LogFormat f : values()) {
            int n = 0;
            for (String line : sample) if (f.parse(line).isPresent()) n++;
            if (n > bestCount) {
                best = f;
                bestCount = n;
            }
        }
        return best != null && bestCount * 2 >= sample.size() ? Optional.of(best) : Optional.empty();
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && !v.isNull()) return v.asText();
        }
        return null;
    }

    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /** nginx's $time_local, e.g. 05/Dec/2026:11:33:25 +0000, read by position (DateTimeFormatter is 10x slower). */
    static Long clf(String s) {
        if (s.length() != 26 || s.charAt(2) != '/' || s.charAt(6) != '/' || s.charAt(11) != ':' || s.charAt(20) != ' ')
            return null;
        try {
            int day = Integer.parseInt(s, 0, 2, 10);
            int month = MONTHS.indexOf(s.substring(3, 6)) + 1;
            int year = Integer.parseInt(s, 7, 11, 10);
            int h = Integer.parseInt(s, 12, 14, 10);
            int m = Integer.parseInt(s, 15, 17, 10);
            int sec = Integer.parseInt(s, 18, 20, 10);
            int sign = s.charAt(21) == '-' ? -1 : 1;
            int offset = sign * (Integer.parseInt(s, 22, 24, 10) * 3600 + Integer.parseInt(s, 24, 26, 10) * 60);
            if (month == 0) return null;
            return LocalDate.of(year, month, day).toEpochDay() * 86400 + h * 3600L + m * 60L + sec - offset;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Long anyTime(String s) {
        Long t = clf(s);
        if (t != null) return t;
        try {
            return ZonedDateTime.parse(s).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s).getEpochSecond();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The client, for behaviour only: a 64-bit hash of address and agent, never written out. */
    static long clientKey(String address, String userAgent) {
        long h = 1125899906842597L;
        for (int i = 0; i < address.length(); i++) h = 31 * h + address.charAt(i);
        h = 31 * h + '|';
        for (int i = 0; i < userAgent.length(); i++) h = 31 * h + userAgent.charAt(i);
        return h;
    }
}
