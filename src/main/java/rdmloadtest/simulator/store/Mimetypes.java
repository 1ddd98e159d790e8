package rdmloadtest.simulator.store;

import java.net.URLConnection;
import java.util.Map;

/** Mimetype guessing by file name, and the download sanitising of invenio-files-rest. */
public final class Mimetypes {
    private Mimetypes() {}

    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("csv", "text/csv"),
            Map.entry("json", "application/json"),
            Map.entry("zip", "application/zip"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("h5", "application/x-hdf5"),
            Map.entry("gz", "application/gzip"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("png", "image/png"),
            Map.entry("txt", "text/plain"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ipynb", "application/x-ipynb+json"),
            Map.entry("md", "text/markdown"),
            Map.entry("xml", "application/xml"),
            Map.entry("tar", "application/x-tar"));

    public static String guess(String key) {
        int dot = key.lastIndexOf('.');
        String ext = dot < 0 ? "" : key.substring(dot + 1).toLowerCase();
        String m = EXTRA.get(ext);
        if (m != null) return m;
        m = URLConnection.guessContentTypeFromName(key);
        return m != null ? m : "application/octet-stream";
    }

    public static String sanitizeFor(StoredFile f) {
        return sanitize(f.mimetype, f.key);
    }

    /** FILES:helpers.py sanitize_mimetype: a short whitelist is served as is, text-like as text/plain, the rest as octet-stream. */
    public static String sanitize(String mimetype, String key) {
        if (key.equalsIgnoreCase("readme")) return "text/plain";
        return switch (mimetype) {
            case "audio/mpeg",
                    "audio/ogg",
                    "audio/wav",
                    "audio/webm",
                    "image/gif",
                    "image/jpeg",
                    "image/png",
                    "image/tiff",
                    "text/plain" -> mimetype;
            case "application/javascript",
                    "application/json",
                    "application/xhtml+xml",
                    "application/xml",
                    "text/css",
                    "text/csv",
                    "text/html",
                    "image/svg+xml" -> "text/plain";
            default -> "application/octet-stream";
        };
    }
}
