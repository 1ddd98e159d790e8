package rdmloadtest.simulator.perf;

/** Kinds of request that cost the simulated InvenioRDM differently (a search is dearer than a record read). */
public enum EndpointClass {
    SEARCH("search", "search (records, community records, user records, versions)", "25ms", "search=6ms,database=1ms"),
    RECORD("record", "record read (record, draft)", "6ms", "database=1ms"),
    FILES("files", "file metadata (file list, file entry)", "4ms", "database=1ms"),
    DOWNLOAD(
            "download",
            "file download (content, archive; plus bytes over the bandwidth)",
            "3ms",
            "database=0.5ms,files=2ms"),
    DEPOSIT(
            "deposit",
            "deposit write (draft, file upload and commit, publish, new version)",
            "30ms",
            "search=2ms,database=4ms,files=2ms"),
    COMMUNITIES("communities", "communities (list and read)", "8ms", "search=2ms,database=1ms"),
    HARVEST("harvest", "OAI-PMH harvest (/oai2d)", "40ms", "search=4ms,database=4ms"),
    // Web UI: the real v13 renders a landing page in 2.6x the time of the JSON record (113.8 vs 43.8 ms).
    LANDING("landing", "record landing page (UI serialization, Jinja, citation box)", "16ms", "database=2ms"),
    PAGE(
            "page",
            "web page (front, search, community, user pages, login, file preview, exports)",
            "4ms",
            "database=0.5ms"),
    IIIF(
            "iiif",
            "IIIF image API (info.json, manifest, decode, crop, scale, encode)",
            "12ms",
            "database=0.5ms,files=2ms"),
    STATIC("static", "static asset (JS, CSS, images under /static)", "0.5ms", "files=0.2ms");

    private final String id;
    private final String description;
    private final String defaultServiceTime;
    private final String defaultBackendTime;

    EndpointClass(String id, String description, String defaultServiceTime, String defaultBackendTime) {
        this.id = id;
        this.description = description;
        this.defaultServiceTime = defaultServiceTime;
        this.defaultBackendTime = defaultBackendTime;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether its answer streams bytes through the bandwidth model (its worker is held until the last byte). */
    public boolean streams() {
        return this == DOWNLOAD;
    }

    public String defaultServiceTime() {
        return defaultServiceTime;
    }

    /**
     * Backend demand per request, an assumption in the proportions measured on the real v13 (the backends together
     * about a tenth of the app's demand; OpenSearch the largest): searches call OpenSearch, reads PostgreSQL.
     */
    public String defaultBackendTime() {
        return defaultBackendTime;
    }
}
