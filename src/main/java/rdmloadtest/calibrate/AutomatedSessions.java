package rdmloadtest.calibrate;

import java.util.Arrays;
import java.util.Map;

/**
 * Sessions of crawlers and harvests of harvesters, counted per hour of the day as the log goes: what calibration turns
 * into traffic.crawlers.rate and traffic.harvesters.rate. A crawler session is a crawler's run of requests (its agent
 * says crawler, not harvester; OAI-PMH aside) with no gap over {@link #SESSION_GAP_SECONDS}; a harvest starts with an
 * OAI-PMH ListRecords or ListIdentifiers without a resumptionToken (the pages after it carry one).
 */
final class AutomatedSessions {
    /** The usual web-analytics session timeout: a crawler back after 30 minutes starts a new session. */
    static final long SESSION_GAP_SECONDS = 1800;

    final long[] crawlerSessionsByHourOfDay = new long[24];
    final long[] harvestsByHourOfDay = new long[24];
    long crawlerRequests;
    /** Crawlers' landing pages and exports (what the crawler journey's traffic.crawl.* keys say). */
    long crawlerLandingPages;

    long crawlerExports;
    long harvestRequests;

    /**
     * Sessions started per second in the peak hour of the day (mean over the days that hour was logged), and what a
     * crawler session and a harvest hold: requests, landing pages, exports per landing page, OAI-PMH pages.
     */
    record Rates(
            double crawlerSessionsPerSecond,
            double harvestsPerSecond,
            double crawlerRequestsPerSession,
            double crawlerPagesPerSession,
            double crawlerExportsPerPage,
            double harvestPagesPerHarvest) {}

    /** A request to /oai2d: the start of a harvest when it is a list without a resumption token. */
    void oai(String query, int hourOfDay) {
        harvestRequests++;
        String verb = Classifier.param(query, "verb");
        if (("ListRecords".equals(verb) || "ListIdentifiers".equals(verb))
                && Classifier.param(query, "resumptionToken") == null) harvestsByHourOfDay[hourOfDay]++;
    }

    /**
     * A request of a client whose agent says crawler (not an OAI-PMH request); {@code previousSecond} is its last
     * request's, or {@link Long#MIN_VALUE} for its first.
     */
    void crawler(long previousSecond, long second, int hourOfDay) {
        crawlerRequests++;
        if (previousSecond == Long.MIN_VALUE || second - previousSecond > SESSION_GAP_SECONDS)
            crawlerSessionsByHourOfDay[hourOfDay]++;
    }

    Rates rates(Map<Long, long[]> byHour, int peakHour) {
        long days = byHour.keySet().stream()
                .filter(h -> Math.floorMod(h, 24L) == peakHour)
                .count();
        long sessions = Arrays.stream(crawlerSessionsByHourOfDay).sum();
        long harvests = Arrays.stream(harvestsByHourOfDay).sum();
        return new Rates(
                days == 0 ? 0 : crawlerSessionsByHourOfDay[peakHour] / (days * 3600.0),
                days == 0 ? 0 : harvestsByHourOfDay[peakHour] / (days * 3600.0),
                sessions == 0 ? 0 : (double) crawlerRequests / sessions,
                sessions == 0 ? 0 : (double) crawlerLandingPages / sessions,
                crawlerLandingPages == 0 ? 0 : (double) crawlerExports / crawlerLandingPages,
                harvests == 0 ? 0 : (double) harvestRequests / harvests);
    }
}
