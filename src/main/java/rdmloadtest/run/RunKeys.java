package rdmloadtest.run;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/**
 * Keys of the traffic and the run's shape; each journey's weight or population is its row's in the catalogue
 * (mix/Journey). Rates are defaults for a small instance; docs/traffic.md says which come from published figures
 * (invenio-api.md §9) and which are our assumptions.
 */
public final class RunKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<Double> READERS_RATE = KEYS.add(
            "traffic.readers.rate",
            "4",
            "Anonymous reader sessions started per second (open model) at full load.",
            decimal(0, 100_000));
    public static final Key<Boolean> WEB_STATIC_FILES = KEYS.add(
            "traffic.web.staticFiles",
            "false",
            "Web sessions also load the /static files each page references (off: a CDN or the web server serves them).",
            bool());
    public static final Key<Integer> WEB_STATIC_PER_SESSION = KEYS.add(
            "traffic.web.staticFilesPerSession",
            "0",
            "With traffic.web.staticFiles: the most distinct /static files a web session loads (its browser caches each"
                    + " one after the first load); 0: every one its pages reference.",
            integer(0, 1000));
    public static final Key<Double> WEB_PAGES_PER_VISIT = KEYS.add(
            "traffic.web.pagesPerVisit",
            "0",
            "Mean web pages a web session opens: after its journey it opens popular records' landing pages until it"
                    + " has opened the number it drew (geometric with this mean); 0: the journey's own pages only.",
            decimal(0, 100));
    public static final Key<Double> LANDING_CITATIONS = KEYS.add(
            "traffic.landingPage.citations",
            "1.2",
            "Citations a landing page fetches on average (0 to 2): its citation box's default style, then another"
                    + " style a visitor picks.",
            decimal(0, 2));
    public static final Key<Double> LANDING_EXPORT_P = KEYS.add(
            "traffic.landingPage.exportProbability",
            "0.15",
            "Probability that a landing page's visitor also opens an export of the record.",
            decimal(0, 1));
    public static final Key<Double> LANDING_PREVIEW_P = KEYS.add(
            "traffic.landingPage.previewProbability",
            "0.3",
            "Probability that a landing page's visitor also opens a file preview (when the record has one).",
            decimal(0, 1));
    public static final Key<Integer> IIIF_TILES = KEYS.add(
            "traffic.iiif.tiles",
            "8",
            "Mean tiles an IIIF image view loads after its thumbnail (drawn evenly from half to one and a half times"
                    + " this).",
            integer(0, 200));
    public static final Key<Double> VIEW_DOWNLOAD_P = KEYS.add(
            "traffic.recordView.downloadProbability",
            "0.6",
            "Probability that a record view is followed by a file download.",
            decimal(0, 1));
    public static final Key<Double> ZIPF = KEYS.add(
            "traffic.zipfExponent",
            "1.0",
            "Exponent of the Zipf popularity of records (1.0: a few records get most views).",
            decimal(0.01, 10));
    public static final Key<Double> SEARCH_BROWSE_SHARE = KEYS.add(
            "traffic.search.browseShare",
            "0.15",
            "Share of searches without a query (browsing), besides those with an empty query in the feeder.",
            decimal(0, 1));
    public static final Key<Double> SEARCH_FACET_SHARE =
            KEYS.add("traffic.search.facetShare", "0.3", "Share of searches with a facet filter.", decimal(0, 1));
    public static final Key<Double> SEARCH_DEEP_PAGE_SHARE = KEYS.add(
            "traffic.search.deepPageShare",
            "0.1",
            "Share of searches that start beyond page 1 (anywhere in the 10 000-hit window).",
            decimal(0, 1));
    public static final Key<String> SEARCH_PAGE_SIZES = KEYS.add(
            "traffic.search.pageSizes", "10:20,25:65,100:15", "Page sizes of searches, as size:weight.", text());
    public static final Key<String> SEARCH_SORTS = KEYS.add(
            "traffic.search.sorts",
            null,
            "Sorts of searches, as sort:weight (bestmatch only with a query); unset: best match for half the searches"
                    + " with a query, the other sorts evenly.",
            text());
    public static final Key<Integer> MAX_DOWNLOAD_MB = KEYS.add(
            "traffic.download.maxMB",
            "50",
            "Largest file (MB) the readers download; larger ones are skipped to keep the injector honest.",
            integer(1, 100_000));
    public static final Key<Duration> DEPOSITOR_PAUSE =
            KEYS.add("traffic.depositors.pause", "5s", "Think time of a depositor between two deposits.", duration());
    public static final Key<Integer> MAX_UPLOAD_MB = KEYS.add(
            "traffic.deposit.maxFileMB",
            "8",
            "Cap (MB) on the size of one uploaded file (sizes follow the generated spread below it).",
            integer(1, 100_000));
    public static final Key<Double> NEW_VERSION_P = KEYS.add(
            "traffic.deposit.newVersionProbability",
            "0.2",
            "Probability that a depositor also makes a new version of the record just published.",
            decimal(0, 1));
    public static final Key<Double> EDIT_P = KEYS.add(
            "traffic.deposit.editProbability",
            "0.15",
            "Probability that a depositor also edits the metadata of the record just published.",
            decimal(0, 1));
    public static final Key<Double> ABANDON_P = KEYS.add(
            "traffic.deposit.abandonProbability",
            "0.1",
            "Probability that a depositor abandons the draft before publishing (cleaned up at run end).",
            decimal(0, 1));
    public static final Key<Duration> SEARCHABLE_TIMEOUT = KEYS.add(
            "traffic.deposit.searchable.timeout",
            "60s",
            "How long a depositor searches for the record just published before counting it not searchable (a KO of"
                    + " the time-to-searchable SLO group); 0s: no polls, no time to searchable.",
            duration());
    public static final Key<Duration> SEARCHABLE_FIRST_POLL = KEYS.add(
            "traffic.deposit.searchable.firstPoll",
            "250ms",
            "Wait between a depositor's searches for the record just published during the first"
                    + " traffic.deposit.searchable.steadyFor (the time to searchable is that precise there); after it"
                    + " each wait doubles up to traffic.deposit.searchable.maxPoll.",
            duration());
    public static final Key<Duration> SEARCHABLE_STEADY_FOR = KEYS.add(
            "traffic.deposit.searchable.steadyFor",
            "5s",
            "How long after the publish answer a depositor keeps searching every traffic.deposit.searchable.firstPoll"
                    + " before backing off (the time-to-searchable SLO's p95, 5 s, lies within it).",
            duration());
    public static final Key<Duration> SEARCHABLE_MAX_POLL = KEYS.add(
            "traffic.deposit.searchable.maxPoll",
            "2s",
            "Longest wait between two of a depositor's searches for the record just published: at most one poll"
                    + " every this per depositor, and the time to searchable is at most this late.",
            duration());
    public static final Key<Integer> HARVEST_PAGES = KEYS.add(
            "traffic.harvest.maxPages",
            "5",
            "Pages (resumption tokens) a harvester follows per harvest.",
            integer(1, 100_000));
    public static final Key<Duration> HARVEST_PAUSE = KEYS.add(
            "traffic.harvest.pause",
            "2s",
            "Pause of a harvester between two OAI-PMH pages (polite harvesting; Zenodo allows 30/min).",
            duration());
    public static final Key<Integer> CRAWL_PAGES = KEYS.add(
            "traffic.crawl.pages",
            "10",
            "Landing pages a crawler session opens, in the sitemap's order from a random place in it (without a"
                    + " sitemap: records by popularity, as links from elsewhere lead crawlers to them).",
            integer(1, 100_000));
    public static final Key<Integer> CRAWL_EXPORTS = KEYS.add(
            "traffic.crawl.exportsPerPage",
            "1",
            "Exports (/records/{id}/export/{format}) a crawler fetches after each landing page, the next formats of"
                    + " its export menu in turn.",
            integer(0, 100));
    public static final Key<Duration> CRAWL_PAUSE = KEYS.add(
            "traffic.crawl.pause",
            "1s",
            "Pause of a crawler between two requests when robots.txt sets no Crawl-delay (its Crawl-delay wins).",
            duration());
    public static final Key<String> CRAWL_USER_AGENT = KEYS.add(
            "traffic.crawl.userAgent",
            "Mozilla/5.0 (compatible; rdm-loadtest-crawler/0.1; +bot)",
            "User-Agent of the crawler journey: robots.txt's groups are matched against it, and calibration counts"
                    + " its requests as a crawler's.",
            text());
    public static final Key<Duration> DURATION = KEYS.add(
            "run.duration", "40s", "Length of the steady part of the run (the profile scales it).", duration());
    public static final Key<Duration> RAMP = KEYS.add(
            "run.rampUp",
            "10s",
            "Ramp from 10 % to full rate before the steady part (a cold JVM needs one).",
            duration());
    public static final Key<Duration> MAX_DURATION = KEYS.add(
            "run.maxDuration",
            "2h",
            "Hard upper bound of a run; Gatling stops the run there whatever the profile says.",
            duration());
    public static final Key<Integer> STRESS_STEPS = KEYS.add(
            "run.stress.steps",
            "5",
            "stress profile: number of rate steps, each one rate above the last.",
            integer(1, 100));
    public static final Key<Double> SPIKE_FACTOR = KEYS.add(
            "run.spike.factor", "5", "spike profile: burst rate as a multiple of the base rate.", decimal(1, 1000));
    public static final Key<Integer> INJECTOR_INDEX = KEYS.add(
            "injector.index",
            "0",
            "This injector's index (0-based) when several share a run; it takes its share of rates and feeders.",
            integer(0, 9_999));
    public static final Key<Integer> INJECTOR_COUNT = KEYS.add(
            "injector.count",
            "1",
            "Number of injectors sharing the run (rates and populations are divided among them).",
            integer(1, 10_000));
    public static final Key<String> RUN_ID = KEYS.add(
            "run.id",
            null,
            "Run identifier in the marker keyword of published records (default: a timestamp).",
            text());

    public static final Key<String> LEDGER_DIR = KEYS.add(
            "run.ledgerDir",
            "drafts",
            "Folder of the draft ledgers: every draft a run opens on a real target is written there as it goes, so"
                    + " mvn -q exec:java@cleanup can delete what a crashed run left.",
            text());
    public static final Key<Boolean> CLEANUP_APPLY = KEYS.add(
            "cleanup.apply",
            "false",
            "cleanup: delete the drafts the ledgers list as open (false: only list them).",
            bool());
    public static final Key<Boolean> CLEANUP_PUBLISHED = KEYS.add(
            "cleanup.published",
            "false",
            "cleanup: also the records the runs published, found by their run marker and deleted (tombstone, reason"
                    + " test-record, hidden) with the administrator token in INVENIO_ADMIN_TOKEN.",
            bool());
    public static final Key<String> CLEANUP_RUN_ID = KEYS.add(
            "cleanup.runId",
            null,
            "cleanup: the run whose published records to delete (default: every run with a ledger for the site).",
            text());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
