package rdmloadtest.api;

/**
 * Every Gatling session key of the request builders and journeys, defined once: a typo in a key would silently
 * read nothing.
 */
public final class SessionKeys {
    private SessionKeys() {}

    // Columns of the feeders and deposit templates.
    public static final String ACCESS = "access";
    public static final String CONTENT_SEED = "contentSeed";
    public static final String ID = "id";
    public static final String KEY = "key";
    public static final String METADATA = "metadata";
    public static final String MIMETYPE = "mimetype";
    public static final String PARENT_ID_COLUMN = "parent_id";
    public static final String Q = "q";
    public static final String RECORD_ID_COLUMN = "record_id";
    public static final String STATUS = "status";
    public static final String UPLOAD = "upload";
    public static final String UPLOAD_FILES = "uploadFiles";

    // Saved from responses: ids, counts and the links InvenioRDM gives (journeys follow links, never build URLs).
    public static final String ARCHIVE_LINK = "archiveLink";
    public static final String COMMIT_LINK = "commitLink";
    public static final String CITATION_STYLES = "citationStyles";
    public static final String COMMUNITY_HIT = "communityHit";
    public static final String COMMUNITY_LINK = "communityLink";
    public static final String COMMUNITY_RECORDS_LINK = "communityRecordsLink";
    public static final String CONTENT_LINK = "contentLink";
    public static final String CONTENT_LINKS = "contentLinks";
    public static final String CONTENT_SIZES = "contentSizes";
    public static final String DRAFT_FILES_LINK = "draftFilesLink";
    public static final String DRAFT_ID = "draftId";
    public static final String DRAFT_JSON = "draftJson";
    public static final String DRAFT_LINK = "draftLink";
    public static final String EXPORT_FORMATS = "exportFormats";
    public static final String FILES_TOTAL_BYTES = "filesTotalBytes";
    public static final String FOUND_TOTAL = "foundTotal";
    public static final String HIT_IDS = "hitIds";
    public static final String HITS_TOTAL = "hitsTotal";
    public static final String IMAGE_HEIGHT = "imageHeight";
    public static final String IMAGE_SERVICE = "imageService";
    public static final String IMAGE_WIDTH = "imageWidth";
    public static final String LATEST_LINK = "latestLink";
    public static final String NEXT_LINK = "nextLink";
    public static final String PAGE_LINK = "pageLink";
    public static final String PAGE_LINKS = "pageLinks";
    public static final String PREVIEW_LINKS = "previewLinks";
    public static final String PUBLISH_LINK = "publishLink";
    public static final String PUBLISHED_ID = "publishedId";
    public static final String PUBLISHED_VERSIONS_LINK = "publishedVersionsLink";
    public static final String RESUMPTION_TOKEN = "resumptionToken";
    public static final String ROBOTS_BODY = "robotsBody";
    public static final String ROBOTS_STATUS = "robotsStatus";
    public static final String SITEMAP_LINKS = "sitemapLinks";
    public static final String STATIC_LINKS = "staticLinks";
    public static final String UPLOAD_LINK = "uploadLink";
    public static final String VERSIONS_LINK = "versionsLink";

    // The journey's own state.
    public static final String AUTHORIZATION = "authorization";
    public static final String CITATION_STYLE = "citationStyle";
    public static final String COMMUNITY_ID = "communityId";
    public static final String COMMUNITY_SLUG = "communitySlug";
    public static final String CSRF_TOKEN = "csrfToken";
    public static final String CRAWL_AGENT = "crawlAgent";
    public static final String CRAWL_DELAY = "crawlDelay";
    public static final String CRAWL_PAGES = "crawlPages";
    public static final String CRAWL_PATH = "crawlPath";
    public static final String CURRENT_TOKEN = "currentToken";
    public static final String EMBARGO_MARKS = "embargoMarks";
    public static final String EXPORT_FORMAT = "exportFormat";
    public static final String EXPORT_PATH = "exportPath";
    public static final String EXPORT_PATHS = "exportPaths";
    public static final String EXPORT_TURN = "exportTurn";
    public static final String FILE_BYTES = "fileBytes";
    public static final String FILE_KEY = "fileKey";
    public static final String FILE_MD5 = "fileMd5";
    public static final String HARVEST_PAGE = "harvestPage";
    public static final String METADATA_PREFIX = "metadataPrefix";
    public static final String POLL_WAIT_MS = "pollWaitMs";
    public static final String PUBLISHED_AT_MS = "publishedAtMs";
    public static final String NEXT_PAGES = "nextPages";
    public static final String OAI_RANGE = "oaiRange";
    public static final String PAGES_OPENED = "pagesOpened";
    public static final String PAGES_WANTED = "pagesWanted";
    public static final String PARENT_ID = "parentId";
    public static final String PREVIEW_LINK = "previewLink";
    public static final String RECORD_ID = "recordId";
    public static final String ROBOTS = "robots";
    public static final String SEARCH_PAGE = "searchPage";
    public static final String SEARCH_PARAMS = "searchParams";
    public static final String SEARCH_SIZE = "searchSize";
    public static final String SITEMAP_PATH = "sitemapPath";
    public static final String STATIC_LINK = "staticLink";
    public static final String STATIC_LOADED = "staticLoaded";
    public static final String TILE_REGION = "tileRegion";
    public static final String TILE_SIZE = "tileSize";
    public static final String WEB_EMAIL = "webEmail";
    public static final String WEB_PASSWORD = "webPassword";

    /** Gatling's expression for a key's value ("#{recordId}"). */
    public static String el(String key) {
        return "#{" + key + "}";
    }
}
