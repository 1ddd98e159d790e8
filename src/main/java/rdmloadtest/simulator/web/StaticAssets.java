package rdmloadtest.simulator.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;

/**
 * {@code /static/**} as Flask's static view serves InvenioRDM's collected assets and webpack/rspack bundles: every name
 * answers 200 (the pages' bundle names are those of the real build), with a body of a size fixed per path in the real
 * range: the main stylesheet as large as the real one (v13 webpack 1,586,449 B; v14 rspack 633,324 B), JavaScript
 * chunks 1–300 kB, images a few kB. Headers as werkzeug's send_file without SEND_FILE_MAX_AGE_DEFAULT:
 * {@code Cache-Control: no-cache}, an ETag and Last-Modified, and 304 for a matching If-None-Match.
 */
public final class StaticAssets {
    /** The main stylesheet every v13 page links (webpack's chunk 3526). */
    static final String MAIN_CSS = "/static/dist/css/3526.afddfc7b757fea40d684.css";

    private static final int V13_MAIN_CSS_BYTES = 1_586_449;
    private static final int V14_MAIN_CSS_BYTES = 633_324;
    private static final int MAX_CACHED = 4096;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String lastModified = HTTP_DATE.format(Instant.now());
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final byte[] filler;

    public StaticAssets() {
        byte[] line = "/* rdm-loadtest simulator: a stand-in for an InvenioRDM asset of the real size */\n"
                .getBytes(StandardCharsets.US_ASCII);
        filler = new byte[V13_MAIN_CSS_BYTES];
        for (int i = 0; i < filler.length; i++) filler[i] = line[i % line.length];
    }

    public void routes(Router r) {
        r.add("GET", "/static/{path*}", EndpointClass.STATIC, this::asset);
    }

    Reply asset(Call c) {
        String path = c.path;
        if (path.contains("..") || path.endsWith("/")) return Html.html(404, "");
        String etag = "\"" + Integer.toHexString(path.hashCode()) + "-" + size(path) + "\"";
        if (c.header("if-none-match").map(etag::equals).orElse(false))
            return Reply.empty(304).header("ETag", etag).header("Cache-Control", "no-cache");
        byte[] body = bodies.size() < MAX_CACHED
                ? bodies.computeIfAbsent(path, p -> Arrays.copyOf(filler, size(p)))
                : bodies.getOrDefault(path, Arrays.copyOf(filler, size(path)));
        return Reply.bytes(200, contentType(path), body)
                .header("Cache-Control", "no-cache")
                .header("ETag", etag)
                .header("Last-Modified", lastModified);
    }

    /** Python's mimetypes as Flask uses them; werkzeug adds the charset to text types. */
    static String contentType(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
        return switch (ext) {
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "ico" -> "image/vnd.microsoft.icon";
            case "woff" -> "font/woff";
            case "woff2" -> "font/woff2";
            case "ttf" -> "font/ttf";
            case "json", "map" -> "application/json";
            default -> "application/octet-stream";
        };
    }

    /** A size fixed per path: the main stylesheets as measured, bundles and images spread over the real range. */
    static int size(String path) {
        if (path.startsWith("/static/dist/css/3526.")) return V13_MAIN_CSS_BYTES;
        if (path.startsWith("/static/dist/css/6874.")) return V14_MAIN_CSS_BYTES;
        CRC32 crc = new CRC32();
        crc.update(path.getBytes(StandardCharsets.UTF_8));
        long h = crc.getValue();
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
        return switch (ext) {
            case "js" -> 1_000 + (int) (h % 299_000);
            case "css" -> 1_000 + (int) (h % 49_000);
            default -> 500 + (int) (h % 9_500);
        };
    }
}
