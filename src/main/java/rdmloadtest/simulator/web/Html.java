package rdmloadtest.simulator.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;

/** What every page of the web UI shares: an HTML answer, a Flask redirect, Jinja's escaping and filters. */
final class Html {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private Html() {}

    static Reply html(int status, String body) {
        return Reply.bytes(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A Flask redirect: werkzeug's small HTML body naming the target. */
    static Reply redirect(int status, String location) {
        String body = "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
                + "<p>You should be redirected automatically to the target URL: <a href=\"" + escape(location) + "\">"
                + escape(location) + "</a>. If not, click the link.\n";
        return html(status, body).header("Location", location);
    }

    static String queryString(Call c) {
        if (c.query.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        c.query.forEach((k, vs) -> vs.forEach(v -> parts.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return "?" + String.join("&", parts);
    }

    /** Jinja's autoescape (markupsafe): &amp; &lt; &gt; &#34; &#39;. */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    static String longDate(Instant t) {
        return LONG_DATE.format(t.atZone(ZoneOffset.UTC));
    }

    /** An EDTF publication date as the landing page writes it: a full date in words, else as given. */
    static String longDate(String edtf) {
        try {
            return LONG_DATE.format(LocalDate.parse(edtf));
        } catch (RuntimeException e) {
            return edtf;
        }
    }

    /** "748 Bytes", "1.6 MB": invenio's filesizeformat (decimal units). */
    static String humanSize(long bytes) {
        if (bytes < 1000) return bytes + " Bytes";
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
