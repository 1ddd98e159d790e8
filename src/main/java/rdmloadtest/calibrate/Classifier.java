package rdmloadtest.calibrate;

import java.util.Locale;
import java.util.regex.Pattern;
import rdmloadtest.slo.RequestNames;

/**
 * Classifies a request by method and path into the toolkit's request names and classes, following InvenioRDM's
 * routes (REST API under /api, OAI-PMH at /oai2d, the web UI, IIIF under /api/iiif, static files).
 */
final class Classifier {
    /** The class, the toolkit's request name when there is one (else a description), and the route's shape. */
    record Route(VisitClass visitClass, String name, String shape) {}

    static final String LANDING_PAGE = "Record landing page";
    static final String SEARCH_PAGE = "Search page";
    static final String FRONT_PAGE = "Front page";
    static final String COMMUNITY_PAGE = "Community page";

    private static final Pattern ID = Pattern.compile("[a-z0-9]{5}-[a-z0-9]{5}|\\d+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** invenio-sitemap's /sitemap.xml, /sitemap_index_{n}.xml and /sitemap_{n}.xml (and the common sitemap_index.xml). */
    private static final Pattern SITEMAP = Pattern.compile("sitemap(_index)?(_\\d+)?\\.xml");

    private Classifier() {}

    static Route classify(String method, String path, String query) {
        String m = method.toUpperCase(Locale.ROOT);
        String[] p = segments(path);
        if (p.length == 0) return ui(FRONT_PAGE, "/");
        if (p[0].equals("api")) return api(m, p, query);
        if (p.length == 1 && SITEMAP.matcher(p[0]).matches())
            return new Route(
                    VisitClass.STATIC, "Sitemap", "/" + NUMBER.matcher(p[0]).replaceAll("{n}"));
        if (p[0].equals("oai2d")) {
            String verb = param(query, "verb");
            return new Route(
                    VisitClass.HARVEST,
                    verb == null || verb.isEmpty() ? "OAI (no verb)" : RequestNames.oai(verb),
                    "/oai2d?verb=" + (verb == null ? "" : verb));
        }
        switch (p[0]) {
            case "static", "favicon.ico", "robots.txt", "apple-touch-icon.png", ".well-known" -> {
                return new Route(VisitClass.STATIC, "Static file", "/" + p[0] + (p.length > 1 ? "/…" : ""));
            }
            case "records" -> {
                if (p.length >= 4 && p[2].equals("files") && !p[p.length - 1].equals("preview"))
                    return new Route(VisitClass.DOWNLOAD, "Download file (web)", "/records/{id}/files/{key}");
                if (p.length == 2) return ui(LANDING_PAGE, "/records/{id}");
                String shape = "/records/{id}/" + p[2] + (p.length > 3 ? "/…" : "");
                if (p[2].equals("export")) return ui(RequestNames.EXPORT_RECORD, shape);
                if (p[2].equals("preview") || p[p.length - 1].equals("preview"))
                    return ui(RequestNames.PREVIEW_FILE, shape);
                return ui("Record page", shape);
            }
            case "search" -> {
                return ui(SEARCH_PAGE, "/search");
            }
            case "communities", "collections" -> {
                return ui(COMMUNITY_PAGE, "/" + p[0] + (p.length > 1 ? "/{id}" : "") + (p.length > 2 ? "/…" : ""));
            }
            case "me",
                    "uploads",
                    "account",
                    "login",
                    "logout",
                    "signup",
                    "lost-password",
                    "administration",
                    "help",
                    "doi",
                    "requests",
                    "coming-soon",
                    "oauth",
                    "access",
                    "users" -> {
                return ui("Page /" + p[0], "/" + p[0] + (p.length > 1 ? "/…" : ""));
            }
            case "ping" -> {
                return new Route(VisitClass.OTHER_API, "Ping", "/ping");
            }
            default -> {
                return new Route(VisitClass.OTHER, "Unknown", shape(p));
            }
        }
    }

    private static Route api(String m, String[] p, String query) {
        if (p.length == 1) return new Route(VisitClass.OTHER_API, "API root", "/api");
        String shape = shape(p);
        switch (p[1]) {
            case "records" -> {
                return records(m, p, shape, query);
            }
            case "user" -> {
                if (p.length == 3 && p[2].equals("records"))
                    return new Route(VisitClass.DASHBOARD, RequestNames.LIST_USER_RECORDS, shape);
                return new Route(VisitClass.DASHBOARD, "User API", shape);
            }
            case "communities" -> {
                if (p.length == 2) return new Route(VisitClass.COMMUNITIES, RequestNames.LIST_COMMUNITIES, shape);
                if (p.length == 3) return new Route(VisitClass.COMMUNITIES, RequestNames.VIEW_COMMUNITY, shape);
                if (p.length == 4 && p[3].equals("records"))
                    return new Route(VisitClass.SEARCH, RequestNames.SEARCH_COMMUNITY_RECORDS, shape);
                return new Route(VisitClass.COMMUNITIES, "Community API", shape);
            }
            case "iiif" -> {
                return new Route(VisitClass.IIIF, iiif(p), "/api/iiif/…");
            }
            default -> {
                return new Route(VisitClass.OTHER_API, "API /" + p[1], shape);
            }
        }
    }

    /** IIIF Image API 2: {id}/info.json, {id}/{region}/{size}/{rotation}/{quality}.{format}; Presentation API 2. */
    private static String iiif(String[] p) {
        String last = p[p.length - 1];
        if (last.equals("manifest")) return RequestNames.IIIF_MANIFEST;
        if (last.equals("info.json")) return RequestNames.IIIF_IMAGE_INFO;
        if (p.length >= 7 && last.contains("."))
            return p[p.length - 4].equals("full") ? RequestNames.IIIF_THUMBNAIL : RequestNames.IIIF_TILE;
        return "IIIF";
    }

    private static Route records(String m, String[] p, String shape, String query) {
        boolean get = m.equals("GET") || m.equals("HEAD");
        if (p.length == 2)
            return get
                    ? new Route(VisitClass.SEARCH, RequestNames.SEARCH_RECORDS, shape)
                    : new Route(VisitClass.DEPOSIT, RequestNames.CREATE_DRAFT, shape);
        if (p.length == 3) {
            // The landing page's citation box asks for the record formatted in a citation style.
            String style = param(query, "style");
            return new Route(
                    VisitClass.RECORD_VIEW,
                    style != null && !style.isEmpty() ? RequestNames.CITE_RECORD : RequestNames.VIEW_RECORD,
                    shape);
        }
        String sub = p[3];
        if (sub.equals("draft")) return new Route(VisitClass.DEPOSIT, draft(m, p), shape);
        if (sub.equals("versions")) {
            if (p.length == 5 && p[4].equals("latest"))
                return new Route(VisitClass.RECORD_VIEW, RequestNames.RESOLVE_LATEST, shape);
            return get
                    ? new Route(VisitClass.RECORD_VIEW, RequestNames.LIST_VERSIONS, shape)
                    : new Route(VisitClass.DEPOSIT, RequestNames.CREATE_NEW_VERSION, shape);
        }
        if (sub.equals("files")) {
            if (p.length >= 6 && p[p.length - 1].equals("content"))
                return new Route(VisitClass.DOWNLOAD, RequestNames.DOWNLOAD_FILE, shape);
            return new Route(VisitClass.DOWNLOAD, RequestNames.LIST_FILES, shape);
        }
        if (sub.equals("files-archive")) return new Route(VisitClass.DOWNLOAD, RequestNames.DOWNLOAD_ARCHIVE, shape);
        return new Route(get ? VisitClass.RECORD_VIEW : VisitClass.DEPOSIT, "Record API /" + sub, shape);
    }

    private static String draft(String m, String[] p) {
        if (p.length == 4)
            return switch (m) {
                case "PUT" -> RequestNames.UPDATE_DRAFT;
                case "POST" -> RequestNames.EDIT_RECORD;
                case "DELETE" -> RequestNames.DELETE_DRAFT;
                default -> "Read draft";
            };
        if (p[4].equals("actions") && p.length > 5)
            return switch (p[5]) {
                case "publish" -> RequestNames.PUBLISH_DRAFT;
                case "files-import" -> RequestNames.IMPORT_FILES;
                default -> "Draft action " + p[5];
            };
        if (p[4].equals("files")) {
            if (p.length == 5) return m.equals("POST") ? RequestNames.INIT_FILE_UPLOAD : "List draft files";
            String last = p[p.length - 1];
            if (last.equals("content") && m.equals("PUT")) return RequestNames.UPLOAD_FILE_CONTENT;
            if (last.equals("commit")) return RequestNames.COMMIT_FILE;
            return "Draft file";
        }
        return "Draft " + p[4];
    }

    private static Route ui(String name, String shape) {
        return new Route(VisitClass.UI, name, shape);
    }

    /** The path's segments, without empty ones. */
    static String[] segments(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') start++;
        int end = path.length();
        while (end > start && path.charAt(end - 1) == '/') end--;
        return start >= end ? new String[0] : path.substring(start, end).split("/+");
    }

    /** A route with its identifiers, numbers and file keys replaced, so no value from the log shows. */
    static String shape(String[] p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
            String s = p[i];
            boolean variable = ID.matcher(s).matches()
                    || NUMBER.matcher(s).find()
                    || s.contains(".") && i > 1
                    || s.contains("@")
                    || s.contains("%")
                    || s.length() > 24;
            b.append('/').append(variable ? "{x}" : s);
        }
        return b.isEmpty() ? "/" : b.toString();
    }

    /** A query parameter's raw value (first occurrence), or null. */
    static String param(String query, String name) {
        if (query == null) return null;
        int i = 0;
        while (i <= query.length()) {
            int amp = query.indexOf('&', i);
            if (amp < 0) amp = query.length();
            int eq = query.indexOf('=', i);
            if (eq > i && eq < amp && query.regionMatches(i, name, 0, name.length()) && eq - i == name.length())
                return query.substring(eq + 1, amp);
            i = amp + 1;
        }
        return null;
    }
}
