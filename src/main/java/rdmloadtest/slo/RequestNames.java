package rdmloadtest.slo;

import java.util.List;

/**
 * Every request name the simulations send (the names in Gatling's report and in the SLO file), each an InvenioRDM
 * user's action, defined once: the request builders, the journeys' always-sent lists and the SLO file's validation
 * all use these. A name in an SLO group that is not here is a typo that would silently judge nothing.
 */
public final class RequestNames {
    private RequestNames() {}

    public static final String SEARCH_RECORDS = "Search records";
    public static final String SEARCH_COMMUNITY_RECORDS = "Search community records";
    public static final String VIEW_RECORD = "View record";
    public static final String LIST_VERSIONS = "List versions";
    public static final String RESOLVE_LATEST = "Resolve latest version";
    public static final String RESOLVE_PARENT = "Resolve parent";
    public static final String LIST_FILES = "List files";
    public static final String DOWNLOAD_FILE = "Download file";
    public static final String DOWNLOAD_ARCHIVE = "Download archive";
    public static final String CREATE_DRAFT = "Create draft";
    public static final String UPDATE_DRAFT = "Update draft";
    public static final String INIT_FILE_UPLOAD = "Init file upload";
    public static final String UPLOAD_FILE_CONTENT = "Upload file content";
    public static final String COMMIT_FILE = "Commit file";
    public static final String PUBLISH_DRAFT = "Publish draft";
    public static final String DELETE_DRAFT = "Delete draft";
    public static final String CREATE_NEW_VERSION = "Create new version";
    public static final String IMPORT_FILES = "Import files";
    public static final String EDIT_RECORD = "Edit record";
    public static final String LIST_USER_RECORDS = "List user records";
    /** A depositor's poll for the record just published (GET /api/records?q=id:...), not a reader's search. */
    public static final String FIND_PUBLISHED_RECORD = "Find published record";
    /**
     * Not a request: the span from a publish's answer until a search finds the record (a Gatling group around the
     * polls, its entry to its exit), judged like one.
     */
    public static final String TIME_TO_SEARCHABLE = "Time to searchable";

    public static final String LIST_COMMUNITIES = "List communities";
    public static final String VIEW_COMMUNITY = "View community";
    public static final String OAI_LIST_IDENTIFIERS = "OAI ListIdentifiers";
    public static final String OAI_LIST_RECORDS = "OAI ListRecords";

    // The web UI: pages the Flask app renders and the API calls its JavaScript apps make (vnd.inveniordm.v1+json).
    public static final String OPEN_FRONT_PAGE = "Open front page";
    public static final String LOAD_RECENT_RECORDS = "Load recent records";
    public static final String LOAD_FEATURED_COMMUNITIES = "Load featured communities";
    public static final String OPEN_SEARCH_PAGE = "Open search page";
    public static final String SEARCH_RECORDS_WEB = "Search records (web)";
    public static final String OPEN_RECORD_PAGE = "Open record page";
    public static final String CITE_RECORD = "Cite record";
    public static final String EXPORT_RECORD = "Export record";
    public static final String PREVIEW_FILE = "Preview file";
    public static final String OPEN_COMMUNITIES_PAGE = "Open communities page";
    public static final String SEARCH_COMMUNITIES_WEB = "Search communities (web)";
    public static final String OPEN_COMMUNITY_PAGE = "Open community page";
    public static final String SEARCH_COMMUNITY_RECORDS_WEB = "Search community records (web)";
    public static final String OPEN_LOGIN_PAGE = "Open login page";
    public static final String LOG_IN = "Log in";
    public static final String OPEN_UPLOADS_PAGE = "Open uploads page";
    public static final String SEARCH_USER_RECORDS_WEB = "Search user records (web)";
    public static final String OPEN_MY_COMMUNITIES_PAGE = "Open my communities page";
    public static final String OPEN_DEPOSIT_FORM = "Open deposit form";
    public static final String LOAD_STATIC_FILE = "Load static file";

    // A crawler: robots.txt, invenio-sitemap's sitemap, then landing pages and exports in the sitemap's order.
    public static final String READ_ROBOTS_TXT = "Read robots.txt";
    public static final String READ_SITEMAP_INDEX = "Read sitemap index";
    public static final String READ_SITEMAP = "Read sitemap";
    public static final String CRAWL_RECORD_PAGE = "Crawl record page";
    public static final String CRAWL_RECORD_EXPORT = "Crawl record export";

    // IIIF Image API 2 and Presentation API 2 under /api/iiif.
    public static final String IIIF_IMAGE_INFO = "IIIF image info";
    public static final String IIIF_THUMBNAIL = "IIIF thumbnail";
    public static final String IIIF_TILE = "IIIF tile";
    public static final String IIIF_MANIFEST = "IIIF manifest";

    /** The name of an OAI-PMH list request: {@link #OAI_LIST_RECORDS} or {@link #OAI_LIST_IDENTIFIERS}. */
    public static String oai(String verb) {
        String name = "OAI " + verb;
        if (!name.equals(OAI_LIST_RECORDS) && !name.equals(OAI_LIST_IDENTIFIERS)) {
            throw new IllegalArgumentException("no request name for OAI-PMH verb " + verb);
        }
        return name;
    }

    /**
     * Every name above, in the order of the API's areas: search and records, files, deposits, communities, OAI-PMH,
     * then the web UI, crawlers and IIIF.
     */
    public static final List<String> ALL = List.of(
            SEARCH_RECORDS,
            SEARCH_COMMUNITY_RECORDS,
            VIEW_RECORD,
            LIST_VERSIONS,
            RESOLVE_LATEST,
            RESOLVE_PARENT,
            LIST_FILES,
            DOWNLOAD_FILE,
            DOWNLOAD_ARCHIVE,
            CREATE_DRAFT,
            UPDATE_DRAFT,
            INIT_FILE_UPLOAD,
            UPLOAD_FILE_CONTENT,
            COMMIT_FILE,
            PUBLISH_DRAFT,
            DELETE_DRAFT,
            CREATE_NEW_VERSION,
            IMPORT_FILES,
            EDIT_RECORD,
            LIST_USER_RECORDS,
            FIND_PUBLISHED_RECORD,
            TIME_TO_SEARCHABLE,
            LIST_COMMUNITIES,
            VIEW_COMMUNITY,
            OAI_LIST_IDENTIFIERS,
            OAI_LIST_RECORDS,
            OPEN_FRONT_PAGE,
            LOAD_RECENT_RECORDS,
            LOAD_FEATURED_COMMUNITIES,
            OPEN_SEARCH_PAGE,
            SEARCH_RECORDS_WEB,
            OPEN_RECORD_PAGE,
            CITE_RECORD,
            EXPORT_RECORD,
            PREVIEW_FILE,
            OPEN_COMMUNITIES_PAGE,
            SEARCH_COMMUNITIES_WEB,
            OPEN_COMMUNITY_PAGE,
            SEARCH_COMMUNITY_RECORDS_WEB,
            OPEN_LOGIN_PAGE,
            LOG_IN,
            OPEN_UPLOADS_PAGE,
            SEARCH_USER_RECORDS_WEB,
            OPEN_MY_COMMUNITIES_PAGE,
            OPEN_DEPOSIT_FORM,
            LOAD_STATIC_FILE,
            READ_ROBOTS_TXT,
            READ_SITEMAP_INDEX,
            READ_SITEMAP,
            CRAWL_RECORD_PAGE,
            CRAWL_RECORD_EXPORT,
            IIIF_IMAGE_INFO,
            IIIF_THUMBNAIL,
            IIIF_TILE,
            IIIF_MANIFEST);
}
