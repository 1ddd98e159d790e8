package rdmloadtest.calibrate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import rdmloadtest.mix.Journey;
import rdmloadtest.slo.RequestNames;

/**
 * What the access logs hold, counted in one pass in bounded memory: classes and request names, visitors, arrivals per
 * hour, record popularity, search parameters and queries, download sizes, and the routes not classified. Nothing here
 * keeps an address, a user name, a token or a cookie: clients are 64-bit hashes, routes are shapes.
 */
final class LogStats {
    /** Distinct search queries and unclassified routes kept (the rest are counted, not named). */
    static final int MAX_DISTINCT = 200_000;
    /** Distinct clients followed for their behaviour. */
    static final int MAX_CLIENTS = 2_000_000;

    private static final Pattern BOT = Pattern.compile(
            "(?i)bot\\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|bingpreview|headlesschrome|python-requests"
                    + "|python-urllib|aiohttp|curl/|wget/|go-http-client|okhttp|java/|apache-httpclient|scrapy|libwww"
                    + "|httpx|node-fetch|axios/|gatling|rdm-loadtest|k6/|locust");
    /** In a run of this toolkit, the crawler journey's agent (traffic.crawl.userAgent's default, FidelityRun). */
    private static final Pattern OWN_CRAWLER = Pattern.compile("rdm-loadtest-crawler");

    static boolean ownCrawler(String userAgent) {
        return OWN_CRAWLER.matcher(userAgent).find();
    }

    private static final Pattern HARVESTER = Pattern.compile("(?i)oai|harvest|sickle|pyoai|metha|jOAI");
    private static final Pattern RECORD_ID = Pattern.compile("[a-z0-9]{5}-[a-z0-9]{5}");

    long lines;
    long parsed;
    long unparseable;
    final List<String> firstUnparseable = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    final EnumMap<VisitClass, long[]> classes = new EnumMap<>(VisitClass.class);
    final Map<String, long[]> names = new TreeMap<>();
    /** The same, without the clients whose agent is a robot's: a crawler's landing pages and exports are no reader's. */
    final Map<String, long[]> namesByPeople = new HashMap<>();

    final Map<String, long[]> unclassified = new HashMap<>();
    long unclassifiedDropped;
    final long[] byHourOfDay = new long[24];
    final long[] readersByHourOfDay = new long[24];
    final Map<Long, long[]> byHour = new HashMap<>();

    final Map<String, long[]> viewsById = new HashMap<>();
    final Histogram downloadBytes = new Histogram(1L << 42, 2);

    long searches;
    long browses;
    long facetSearches;
    long nextPages;
    long deepPages;
    final Map<Integer, long[]> pageSizes = new TreeMap<>();
    final Map<String, long[]> sorts = new TreeMap<>();
    final Map<String, long[]> queries = new HashMap<>();
    long queriesDropped;
    long personalQueries;

    /** Crawler sessions and harvests per hour of the day (their rates in the profile). */
    final AutomatedSessions automated = new AutomatedSessions();

    private final Map<Long, Client> clients = new HashMap<>();
    long clientsNotFollowed;
    final Visits visits = new Visits();
    /** In a run of this toolkit, what each journey sent. */
    final Replay replay = new Replay();
    /** Crawlers' requests of the classes the simulations send (the fidelity check's crawler row). */
    long crawlerGenerated;

    /**
     * A sample's slots: its requests per VisitClass ordinal, then its crawlers' requests of the generated classes,
     * then its journey's ordinal + 1 (0: none the catalogue starts so).
     */
    static final int CRAWLER_SLOT = VisitClass.values().length;

    static final int JOURNEY_SLOT = CRAWLER_SLOT + 1;
    private static final int SAMPLE_SLOTS = JOURNEY_SLOT + 1;
    /** In a run of this toolkit, the deposits and crawls done by users that repeat them (a sample each). */
    private final List<long[]> samples = new ArrayList<>();

    private final boolean keepPersonal;
    private final boolean ownRun;

    /** A client's behaviour (never its address or agent). */
    static final class Client {
        long requests;
        long firstSecond;
        long lastSecond;
        boolean botAgent;
        boolean harvesterAgent;
        long oaiRequests;
        boolean deepPages;
        /** Its visit under way (crawlers' are not followed). */
        Visits.Open visit;
        /** In a run of this toolkit, the journey this virtual user runs. */
        Journey journey;
        /** In a run of this toolkit, its requests by VisitClass ordinal (the shares' sampling errors). */
        long[] byClass;
        /** In a run of this toolkit, its first request's name: a depositor's next deposit starts with it again. */
        String firstName;
    }

    LogStats(boolean keepPersonalQueries) {
        this(keepPersonalQueries, false);
    }

    /**
     * @param ownRun the log of a run of this toolkit (the fidelity check's), whose every client is a simulated
     *     visitor although its agent names the toolkit
     */
    LogStats(boolean keepPersonalQueries, boolean ownRun) {
        this.keepPersonal = keepPersonalQueries;
        this.ownRun = ownRun;
        for (VisitClass c : VisitClass.values()) classes.put(c, new long[1]);
    }

    void unparseable(long lineNumber, String line) {
        unparseable++;
        if (firstUnparseable.size() < 5)
            firstUnparseable.add("line " + lineNumber + ": "
                    + Privacy.mask(line.length() > 120 ? line.substring(0, 120) + "…" : line));
    }

    void add(Hit h) {
        parsed++;
        first = Math.min(first, h.epochSecond());
        last = Math.max(last, h.epochSecond());
        String target = h.target();
        int qm = target.indexOf('?');
        String path = qm < 0 ? target : target.substring(0, qm);
        String query = qm < 0 ? null : target.substring(qm + 1);
        Classifier.Route r = Classifier.classify(h.method(), path, query);
        classes.get(r.visitClass())[0]++;
        names.computeIfAbsent(r.visitClass().label + "\t" + r.name(), k -> new long[1])[0]++;
        int hour = (int) Math.floorMod(h.epochSecond() / 3600, 24L);
        byHourOfDay[hour]++;
        byHour.computeIfAbsent(h.epochSecond() / 3600, k -> new long[1])[0]++;
        if (r.visitClass() == VisitClass.OTHER) {
            long[] n = unclassified.get(r.shape());
            if (n != null) n[0]++;
            else if (unclassified.size() < MAX_DISTINCT) unclassified.put(r.shape(), new long[] {1});
            else unclassifiedDropped++;
        }
        boolean ok = h.status() < 400;
        boolean deep = false;
        switch (r.visitClass()) {
            case RECORD_VIEW -> {
                if (ok && r.name().equals(RequestNames.VIEW_RECORD)) view(Classifier.segments(path)[2]);
            }
            case UI -> {
                if (ok && r.name().equals(Classifier.LANDING_PAGE)) view(Classifier.segments(path)[1]);
            }
            case DOWNLOAD -> {
                if ((h.status() == 200 || h.status() == 206)
                        && (r.name().equals(RequestNames.DOWNLOAD_FILE)
                                || r.name().startsWith("Download file")))
                    downloadBytes.recordValue(
                            Math.max(0, Math.min(h.bytes(), downloadBytes.getHighestTrackableValue())));
            }
            case SEARCH -> deep = search(query);
            default -> {}
        }
        if (r.visitClass() == VisitClass.HARVEST) automated.oai(query, hour);
        Client c = client(h, r.visitClass() == VisitClass.HARVEST, deep, hour);
        boolean crawling = crawling(c, r);
        // The crawlers' pages are theirs (traffic.crawlers.rate), not the readers'.
        if (r.visitClass().reader && !crawling) readersByHourOfDay[hour]++;
        if (crawling) {
            if (r.visitClass().generated) crawlerGenerated++;
            if (r.name().equals(Classifier.LANDING_PAGE)) automated.crawlerLandingPages++;
            else if (r.name().equals(RequestNames.EXPORT_RECORD)) automated.crawlerExports++;
        }
        if (c != null && ownRun) {
            boolean first = c.requests == 1;
            if (first) {
                c.firstName = r.name();
                c.journey = c.botAgent ? Journey.CRAWL : Replay.journeyOf(r);
            }
            // A depositor repeats its journey, and so does a crawler of a closed population (each crawl starts with
            // robots.txt): each deposit, each crawl is a sample of its own, as a reader's session is.
            else if ((c.journey == Journey.DEPOSIT || c.journey == Journey.CRAWL)
                    && r.name().equals(c.firstName)) {
                samples.add(c.byClass);
                c.byClass = null;
            }
            if (c.byClass == null) {
                c.byClass = new long[SAMPLE_SLOTS];
                c.byClass[JOURNEY_SLOT] = c.journey == null ? 0 : c.journey.ordinal() + 1;
            }
            c.byClass[r.visitClass().ordinal()]++;
            if (crawling && r.visitClass().generated) c.byClass[CRAWLER_SLOT]++;
            if (c.journey != null) replay.add(c.journey, r, first);
        }
        if (c == null || !c.botAgent)
            namesByPeople.computeIfAbsent(r.visitClass().label + "\t" + r.name(), k -> new long[1])[0]++;
        if (c != null && !c.botAgent) {
            if (c.visit == null) c.visit = new Visits.Open();
            visits.add(c.visit, h.epochSecond(), r, h.method(), path);
        }
    }

    /**
     * Ends the visits under way (at the end of the logs). A run of this toolkit's log is read without its sessions
     * started at its very end (FidelityRun.startedInTime), whose pages the run's end cut short.
     */
    void endVisits() {
        for (Client c : clients.values()) if (c.visit != null) visits.end(c.visit);
    }

    private void view(String id) {
        if (!RECORD_ID.matcher(id).matches()) return;
        viewsById.computeIfAbsent(id, k -> new long[1])[0]++;
    }

    /** A search's parameters; returns whether it asked for a deep page (beyond the first 1 000 hits). */
    private boolean search(String query) {
        searches++;
        String q = Privacy.decode(Classifier.param(query, "q"));
        if (q == null || q.isBlank()) browses++;
        else {
            String clean = q.trim().replaceAll("\\s+", " ");
            if (!keepPersonal && Privacy.looksPersonal(clean)) personalQueries++;
            else if (clean.length() <= 200) {
                long[] n = queries.get(clean);
                if (n != null) n[0]++;
                else if (queries.size() < MAX_DISTINCT) queries.put(clean, new long[] {1});
                else queriesDropped++;
            }
        }
        int size = number(Classifier.param(query, "size"), 10);
        int page = number(Classifier.param(query, "page"), 1);
        pageSizes.computeIfAbsent(size, k -> new long[1])[0]++;
        String sort = Classifier.param(query, "sort");
        sorts.computeIfAbsent(
                        sort == null || sort.isEmpty() ? "(default)" : sort.toLowerCase(Locale.ROOT), k -> new long[1])[
                0]++;
        if (query != null)
            for (String facet : List.of("resource_type=", "access_status=", "file_type=", "subject=", "language="))
                if (query.startsWith(facet) || query.contains("&" + facet)) {
                    facetSearches++;
                    break;
                }
        boolean deep = page > 1 && (long) (page - 1) * size >= 1000;
        if (page > 1) nextPages++;
        if (deep) deepPages++;
        return deep;
    }

    private static int number(String s, int otherwise) {
        if (s == null || s.isEmpty() || s.length() > 6) return otherwise;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return otherwise;
        return Integer.parseInt(s);
    }

    private Client client(Hit h, boolean oai, boolean deep, int hour) {
        Client c = clients.get(h.client());
        long previous = c == null ? Long.MIN_VALUE : c.lastSecond;
        if (c == null) {
            if (clients.size() >= MAX_CLIENTS) {
                clientsNotFollowed++;
                return null;
            }
            c = new Client();
            c.firstSecond = h.epochSecond();
            // In a run of this toolkit every agent names the toolkit: only its crawler's is a robot's.
            c.botAgent = (ownRun ? OWN_CRAWLER : BOT).matcher(h.userAgent()).find();
            c.harvesterAgent = HARVESTER.matcher(h.userAgent()).find();
            clients.put(h.client(), c);
        }
        c.requests++;
        c.lastSecond = Math.max(c.lastSecond, h.epochSecond());
        if (oai) c.oaiRequests++;
        c.deepPages |= deep;
        if (c.botAgent && !c.harvesterAgent && !oai) automated.crawler(previous, h.epochSecond(), hour);
        return c;
    }

    /** A crawler's request (its agent says crawler, not harvester; OAI-PMH aside). */
    private static boolean crawling(Client c, Classifier.Route r) {
        return c != null && c.botAgent && !c.harvesterAgent && r.visitClass() != VisitClass.HARVEST;
    }

    /** Requests per kind of visitor: by user agent first, then by behaviour. */
    Map<String, Long> visitors() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : List.of("humans", "crawlers (user agent)", "harvesters (OAI-PMH)", "automated (behaviour)"))
            out.put(k, 0L);
        for (Client c : clients.values()) {
            double seconds = Math.max(60, c.lastSecond - c.firstSecond + 1);
            boolean fast = c.requests >= 100 && c.requests / seconds >= 1.0;
            // A client is a harvester when OAI-PMH is most of what it asks for (or its agent says so).
            String kind = c.oaiRequests * 2 >= c.requests || c.harvesterAgent
                    ? "harvesters (OAI-PMH)"
                    : c.botAgent ? "crawlers (user agent)" : fast || c.deepPages ? "automated (behaviour)" : "humans";
            out.merge(kind, c.requests, Long::sum);
        }
        return out;
    }

    /**
     * In a run of this toolkit, its sessions' requests (a depositor's deposits and a crawler's sessions each one): per
     * session, its requests by VisitClass ordinal, its crawlers' requests, its journey (the slots above).
     */
    List<long[]> samples() {
        List<long[]> out = new ArrayList<>(samples);
        for (Client c : clients.values()) if (c.byClass != null) out.add(c.byClass);
        return out;
    }

    /** The label of the crawlers' share of the generated classes' requests. */
    static final String CRAWLERS = "crawlers";

    long clientCount() {
        return clients.size();
    }

    /** Requests of a class with this request name. */
    long named(VisitClass c, String name) {
        long[] n = names.get(c.label + "\t" + name);
        return n == null ? 0 : n[0];
    }

    /** Requests of a class with this request name, from clients whose agent is not a robot's. */
    long namedByPeople(VisitClass c, String name) {
        long[] n = namesByPeople.get(c.label + "\t" + name);
        return n == null ? 0 : n[0];
    }

    long count(VisitClass c) {
        return classes.get(c)[0];
    }

    /** Requests with a class (anything but "other"). */
    long classified() {
        return parsed - count(VisitClass.OTHER);
    }
}
