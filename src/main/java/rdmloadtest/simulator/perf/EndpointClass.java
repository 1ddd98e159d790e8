package rdmloadtest.simulator.perf;

/** Kinds of request that cost the simulated InvenioRDM differently (a search is dearer than a record read). */
public enum EndpointClass {
    SEARCH("search", "search (records, community records, user records, versions)", "25ms"),
    RECORD("record", "record read (record, draft)", "6ms"),
    FILES("files", "file metadata (file list, file entry)", "4ms"),
    DOWNLOAD("download", "file download (content, archive; plus bytes over the bandwidth)", "3ms"),
    DEPOSIT("deposit", "deposit write (draft, file upload and commit, publish, new version)", "30ms"),
    COMMUNITIES("communities", "communities (list and read)", "8ms"),
    HARVEST("harvest", "OAI-PMH harvest (/oai2d)", "40ms");

    private final String id;
    private final String description;
    private final String defaultServiceTime;

    EndpointClass(String id, String description, String defaultServiceTime) {
        this.id = id;
        this.description = description;
        this.defaultServiceTime = defaultServiceTime;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public String defaultServiceTime() {
        return defaultServiceTime;
    }
}
