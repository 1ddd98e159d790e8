package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.slo.RequestNames;

/** Downloads of published files; the body is read in full (Gatling consumes it) but not kept. */
public final class Files {
    private Files() {}

    /** A content link taken from the record's files.entries (following InvenioRDM's links). */
    public static final HttpRequestActionBuilder DOWNLOAD = http(RequestNames.DOWNLOAD_FILE)
            .get(el(CONTENT_LINK))
            .check(status().is(200))
            .check(header("ETag").exists());

    /** A direct download link, as cited in a paper: /api/records/{id}/files/{key}/content. */
    public static final HttpRequestActionBuilder DOWNLOAD_BY_KEY = http(RequestNames.DOWNLOAD_FILE)
            .get("/api/records/" + el(RECORD_ID_COLUMN) + "/files/" + el(KEY) + "/content")
            .check(status().is(200))
            .check(header("ETag").exists());

    private static final JsonFields ENTRIES = JsonFields.of("entries[*].key");

    public static final HttpRequestActionBuilder LIST = http(RequestNames.LIST_FILES)
            .get("/api/records/" + el(RECORD_ID_COLUMN) + "/files")
            .check(status().is(200))
            .check(ENTRIES.all("entries[*].key").exists());

    public static final HttpRequestActionBuilder DOWNLOAD_ARCHIVE = http(RequestNames.DOWNLOAD_ARCHIVE)
            .get(el(ARCHIVE_LINK))
            .check(status().is(200))
            .check(header("Content-Type").is("application/zip"));
}
