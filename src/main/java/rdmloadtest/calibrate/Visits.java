package rdmloadtest.calibrate;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rdmloadtest.mix.Journey;
import rdmloadtest.slo.RequestNames;

/**
 * Visits: one client's requests with no gap over 30 minutes (web analytics' usual cut). A web visit opened at least
 * one web page: its first page says which web journey it is, its pages and distinct static files are counted. The
 * API reader requests of visits without a web page are the API journeys' own. Crawlers' visits are not counted.
 */
final class Visits {
    static final long GAP_SECONDS = 1800;
    /** Distinct static files followed per visit (a browser's cache holds them all; a bound on memory). */
    static final int MAX_STATIC = 1000;

    /** The API reader classes, whose requests outside web visits weigh the API journeys. */
    static final VisitClass[] API = {
        VisitClass.SEARCH, VisitClass.RECORD_VIEW, VisitClass.DOWNLOAD, VisitClass.COMMUNITIES
    };

    long webVisits;
    long webPages;
    /** Sum of the squares of each web visit's pages: the sampling error of the pages per visit. */
    long webPagesSquared;

    long webStatic;
    /** Web visits by the journey their first page starts (a first page no journey starts is not counted here). */
    final Map<Journey, long[]> byEntry = new EnumMap<>(Journey.class);
    /** Requests per API reader class (as in API) in visits without a web page. */
    final long[] apiOutsideWeb = new long[API.length];

    /** A client's visit under way. */
    static final class Open {
        long first;
        long last = Long.MIN_VALUE;
        int pages;
        Journey entry;
        Set<Integer> staticFiles;
        final long[] api = new long[API.length];
    }

    void add(Open v, long second, Classifier.Route r, String method, String path) {
        if (v.last != Long.MIN_VALUE && second - v.last > GAP_SECONDS) end(v);
        if (v.last == Long.MIN_VALUE) v.first = second;
        v.last = Math.max(v.last, second);
        VisitClass c = r.visitClass();
        if (c == VisitClass.UI && isPage(r.name(), method)) {
            if (v.pages == 0) v.entry = entry(r.name()).orElse(null);
            v.pages++;
        } else if (c == VisitClass.STATIC) {
            if (v.staticFiles == null) v.staticFiles = new HashSet<>();
            if (v.staticFiles.size() < MAX_STATIC) v.staticFiles.add(path.hashCode());
        } else for (int i = 0; i < API.length; i++) if (API[i] == c) v.api[i]++;
    }

    void end(Open v) {
        if (v.pages > 0) {
            webVisits++;
            webPages += v.pages;
            webPagesSquared += (long) v.pages * v.pages;
            webStatic += v.staticFiles == null ? 0 : v.staticFiles.size();
            if (v.entry != null) byEntry.computeIfAbsent(v.entry, k -> new long[1])[0]++;
        } else for (int i = 0; i < API.length; i++) apiOutsideWeb[i] += v.api[i];
        v.pages = 0;
        v.entry = null;
        v.staticFiles = null;
        Arrays.fill(v.api, 0);
        v.last = Long.MIN_VALUE;
    }

    /**
     * A page a visitor opens: a web UI GET but the exports and previews a landing page opens, and the log-in form's
     * POST.
     */
    static boolean isPage(String name, String method) {
        return (method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD"))
                && !name.equals(RequestNames.EXPORT_RECORD)
                && !name.equals(RequestNames.PREVIEW_FILE);
    }

    /** The web journey a visit that starts on this page is. */
    static Optional<Journey> entry(String pageName) {
        return Optional.ofNullable(
                switch (pageName) {
                    case Classifier.LANDING_PAGE -> Journey.LANDING_PAGE;
                    case Classifier.SEARCH_PAGE -> Journey.SEARCH_PAGE;
                    case Classifier.FRONT_PAGE -> Journey.FRONT_PAGE;
                    case Classifier.COMMUNITY_PAGE -> Journey.COMMUNITY_PAGES;
                    case "Page /login", "Page /me", "Page /uploads", "Page /account" -> Journey.UPLOADS;
                    default -> null;
                });
    }
}
