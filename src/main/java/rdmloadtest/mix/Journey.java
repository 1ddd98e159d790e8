package rdmloadtest.mix;

import static rdmloadtest.config.Parsers.decimal;
import static rdmloadtest.config.Parsers.integer;
import static rdmloadtest.slo.RequestNames.*;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rdmloadtest.config.Key;

/**
 * The catalogue of journeys: one row per journey, the one place its load key and default, the requests it always
 * sends and the SLO groups it feeds are written. Keys, the reader weights, the default mix, the smoke profile,
 * calibration's profile and docs/traffic.md's table derive from these rows; each row's Gatling chain is one arm of
 * the exhaustive switch in the simulations' Scenarios (Gatling is test scope, so the chain cannot sit here).
 */
public enum Journey {
    SEARCH(
            "Search",
            weight(
                    "traffic.mix.search",
                    22,
                    "Weight of reader sessions that search (then may open a hit and download)."),
            List.of(SEARCH_RECORDS),
            List.of("search", "record view", "download"),
            Access.READS),
    RECORD_VIEW(
            "Record view",
            weight(
                    "traffic.mix.recordView",
                    17,
                    "Weight of reader sessions that land on a record (external link), by Zipf popularity."),
            List.of(VIEW_RECORD),
            List.of("record view", "download"),
            Access.READS),
    DOWNLOAD(
            "Download",
            weight(
                    "traffic.mix.download",
                    8,
                    "Weight of reader sessions that download a file directly (citation or data link)."),
            List.of(DOWNLOAD_FILE),
            List.of("download"),
            Access.READS),
    COMMUNITIES(
            "Communities",
            weight(
                    "traffic.mix.communities",
                    3,
                    "Weight of reader sessions that browse communities and their records."),
            List.of(LIST_COMMUNITIES),
            List.of("communities", "search"),
            Access.READS),
    LANDING_PAGE(
            "Landing page",
            weight(
                    "traffic.mix.landingPage",
                    20,
                    "Weight of web sessions that open a record's landing page /records/{id} (a resolved DOI or link),"
                            + " its citation, sometimes an export or a file preview."),
            List.of(OPEN_RECORD_PAGE, CITE_RECORD),
            List.of("landing page"),
            Access.READS),
    SEARCH_PAGE(
            "Search page",
            weight(
                    "traffic.mix.searchPage",
                    12,
                    "Weight of web sessions that open the search page and page through what its search app fetches."),
            List.of(OPEN_SEARCH_PAGE, SEARCH_RECORDS_WEB),
            List.of("web pages", "search", "landing page"),
            Access.READS),
    FRONT_PAGE(
            "Front page",
            weight(
                    "traffic.mix.frontPage",
                    8,
                    "Weight of web sessions that open the front page (recent uploads, featured communities), then maybe"
                            + " a record."),
            List.of(OPEN_FRONT_PAGE, LOAD_RECENT_RECORDS, LOAD_FEATURED_COMMUNITIES),
            List.of("web pages", "search", "communities", "landing page"),
            Access.READS),
    COMMUNITY_PAGES(
            "Community pages",
            weight(
                    "traffic.mix.communityPages",
                    3,
                    "Weight of web sessions that open the communities page, one community and its records."),
            List.of(OPEN_COMMUNITIES_PAGE, SEARCH_COMMUNITIES_WEB),
            List.of("web pages", "communities", "search", "landing page"),
            Access.READS),
    UPLOADS(
            "Uploads",
            weight(
                    "traffic.mix.uploads",
                    2,
                    "Weight of web sessions that log in through the form and open their uploads, communities or the"
                            + " deposit form (needs web users: simulator.webUsers, or INVENIO_WEB_USERS for a real"
                            + " target)."),
            List.of(OPEN_LOGIN_PAGE, LOG_IN, OPEN_UPLOADS_PAGE, SEARCH_USER_RECORDS_WEB),
            List.of("user pages", "dashboard"),
            Access.READS),
    IIIF(
            "IIIF",
            weight(
                    "traffic.mix.iiif",
                    5,
                    "Weight of sessions that view an image through IIIF: info.json, a thumbnail, tiles, sometimes the"
                            + " manifest."),
            List.of(IIIF_MANIFEST),
            List.of("iiif"),
            Access.READS),
    DEPOSIT(
            "Deposit",
            users(
                    "traffic.depositors",
                    2,
                    10_000,
                    "Concurrent depositors (closed model); 0 makes the default mix read-only."),
            List.of(CREATE_DRAFT, LIST_USER_RECORDS),
            List.of("deposit", "dashboard", "time to searchable", "searchable polls"),
            Access.WRITES),
    HARVEST(
            "Harvest",
            users("traffic.harvesters", 1, 1000, "Concurrent OAI-PMH harvesters (closed model).")
                    .andRate(
                            "traffic.harvesters.rate",
                            "OAI-PMH harvests started per second (open model), besides traffic.harvesters; what"
                                    + " calibration sets from the log's harvests."),
            List.of(OAI_LIST_RECORDS),
            List.of("harvest"),
            Access.READS),
    CRAWL(
            "Crawl",
            users(
                            "traffic.crawlers",
                            0,
                            1000,
                            "Concurrent crawlers (closed model): robots.txt honoured, the sitemap, landing pages in"
                                    + " its order and their exports.")
                    .andRate(
                            "traffic.crawlers.rate",
                            "Crawler sessions started per second (open model), besides traffic.crawlers; what"
                                    + " calibration sets from the log's crawler sessions."),
            List.of(READ_ROBOTS_TXT),
            List.of("crawl"),
            Access.READS);

    /** How a journey's sessions arrive: readers by weight at the open model's rate, or a closed population. */
    public enum Arrival {
        /** One of the reader journeys, drawn per session by its relative weight (traffic.readers.rate sessions/s). */
        WEIGHT,
        /** Its own population of concurrent users, each repeating the journey. */
        USERS
    }

    /** Whether a journey creates anything on the target (then writes must be allowed). */
    public enum Access {
        READS,
        WRITES
    }

    /** Its weight or population key, and for a population the key of its own arrival rate, if it has one. */
    private record Load(Arrival arrival, Key<Integer> key, Key<Double> rate) {
        Load andRate(String name, String doc) {
            return new Load(arrival, key, new Key<>(name, "0", doc, decimal(0, 10_000)));
        }
    }

    private final String label;
    private final Load load;
    private final List<String> alwaysSent;
    private final List<String> sloGroups;
    private final Access access;

    Journey(String label, Load load, List<String> alwaysSent, List<String> sloGroups, Access access) {
        this.label = label;
        this.load = load;
        this.alwaysSent = alwaysSent;
        this.sloGroups = sloGroups;
        this.access = access;
    }

    private static Load weight(String key, int defaultWeight, String doc) {
        return new Load(Arrival.WEIGHT, new Key<>(key, String.valueOf(defaultWeight), doc, integer(0, 1000)), null);
    }

    private static Load users(String key, int defaultUsers, int max, String doc) {
        return new Load(Arrival.USERS, new Key<>(key, String.valueOf(defaultUsers), doc, integer(0, max)), null);
    }

    /** Its id in configuration and docs: the constant's name in lower camel case (RECORD_VIEW: recordView). */
    public String id() {
        StringBuilder b = new StringBuilder();
        for (String part : name().toLowerCase(Locale.ROOT).split("_"))
            b.append(b.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        return b.toString();
    }

    /** Its name in reports: the scenario that runs it alone, its row in the docs. */
    public String label() {
        return label;
    }

    public Arrival arrival() {
        return load.arrival();
    }

    /** Its weight among the readers (Arrival.WEIGHT) or its number of concurrent users (Arrival.USERS). */
    public Key<Integer> key() {
        return load.key();
    }

    /** Sessions started per second (open model) besides its population: harvesters and crawlers have one. */
    public Optional<Key<Double>> rate() {
        return Optional.ofNullable(load.rate());
    }

    public int defaultLoad() {
        return Integer.parseInt(load.key().defaultValue());
    }

    /** Requests it sends whenever it runs: a run that never sent one of them fails the gate. */
    public List<String> alwaysSent() {
        return alwaysSent;
    }

    /** The SLO groups (slo/invenio-default.json) its requests fall in, static files aside. */
    public List<String> sloGroups() {
        return sloGroups;
    }

    public boolean writes() {
        return access == Access.WRITES;
    }

    /** The reader journeys, in catalogue order. */
    public static List<Journey> readers() {
        return Arrays.stream(values())
                .filter(j -> j.arrival() == Arrival.WEIGHT)
                .toList();
    }

    /** The journeys with a closed population of their own (depositors, harvesters, crawlers). */
    public static List<Journey> populations() {
        return Arrays.stream(values()).filter(j -> j.arrival() == Arrival.USERS).toList();
    }

    public static Optional<Journey> byId(String id) {
        return Arrays.stream(values()).filter(j -> j.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Journey::id).toList();
    }
}
