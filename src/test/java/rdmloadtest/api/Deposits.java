package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.slo.RequestNames;

/**
 * The deposit flow with a personal token ("authorization" in the session): draft, 3-step upload,
 * publish, new version, edit, discard. Each step follows the links the previous answer gave.
 */
public final class Deposits {
    private Deposits() {}

    public static final HttpRequestActionBuilder CREATE_DRAFT = http(RequestNames.CREATE_DRAFT)
            .post("/api/records")
            .header("Authorization", el(AUTHORIZATION))
            .header("Content-Type", "application/json")
            .body(StringBody(el(DRAFT_JSON)))
            .check(status().is(201))
            .check(jsonPath("$.id").saveAs(DRAFT_ID))
            .check(jsonPath("$.links.self").saveAs(DRAFT_LINK))
            .check(jsonPath("$.links.files").saveAs(DRAFT_FILES_LINK))
            .check(jsonPath("$.links.publish").saveAs(PUBLISH_LINK));

    public static final HttpRequestActionBuilder UPDATE_DRAFT = http(RequestNames.UPDATE_DRAFT)
            .put(el(DRAFT_LINK))
            .header("Authorization", el(AUTHORIZATION))
            .header("Content-Type", "application/json")
            .body(StringBody(el(DRAFT_JSON)))
            .check(status().is(200))
            .check(jsonPath("$.id").isEL(el(DRAFT_ID)));

    /** Step 1 of 3: declare the file; saves the entry's content and commit links. */
    public static final HttpRequestActionBuilder INIT_FILE = http(RequestNames.INIT_FILE_UPLOAD)
            .post(el(DRAFT_FILES_LINK))
            .header("Authorization", el(AUTHORIZATION))
            .header("Content-Type", "application/json")
            .body(StringBody("[{\"key\": \"" + el(FILE_KEY) + "\"}]"))
            .check(status().is(201))
            .check(jsonPath("$.entries[?(@.key == '" + el(FILE_KEY) + "')].links.content")
                    .saveAs(UPLOAD_LINK))
            .check(jsonPath("$.entries[?(@.key == '" + el(FILE_KEY) + "')].links.commit")
                    .saveAs(COMMIT_LINK));

    /** Step 2 of 3: the bytes, with a Content-Length (no chunked upload: InvenioRDM checks the length). */
    public static final HttpRequestActionBuilder UPLOAD_CONTENT = http(RequestNames.UPLOAD_FILE_CONTENT)
            .put(el(UPLOAD_LINK))
            .header("Authorization", el(AUTHORIZATION))
            .header("Content-Type", "application/octet-stream")
            .body(ByteArrayBody(el(FILE_BYTES)))
            .check(status().is(200));

    /** Step 3 of 3: commit; InvenioRDM answers with the md5 it computed. */
    public static final HttpRequestActionBuilder COMMIT_FILE = http(RequestNames.COMMIT_FILE)
            .post(el(COMMIT_LINK))
            .header("Authorization", el(AUTHORIZATION))
            .check(status().is(200))
            .check(jsonPath("$.status").is("completed"))
            .check(jsonPath("$.checksum").isEL("md5:" + el(FILE_MD5)));

    public static final HttpRequestActionBuilder PUBLISH = http(RequestNames.PUBLISH_DRAFT)
            .post(el(PUBLISH_LINK))
            .header("Authorization", el(AUTHORIZATION))
            .check(status().is(202))
            .check(jsonPath("$.is_published").ofBoolean().is(true))
            .check(jsonPath("$.id").saveAs(PUBLISHED_ID))
            .check(jsonPath("$.links.versions").saveAs(PUBLISHED_VERSIONS_LINK));

    public static final HttpRequestActionBuilder DELETE_DRAFT = http(RequestNames.DELETE_DRAFT)
            .delete(el(DRAFT_LINK))
            .header("Authorization", el(AUTHORIZATION))
            .check(status().is(204));

    /** POST {record}/versions: a new draft with a new id and the same parent. */
    public static final HttpRequestActionBuilder NEW_VERSION = http(RequestNames.CREATE_NEW_VERSION)
            .post(el(PUBLISHED_VERSIONS_LINK))
            .header("Authorization", el(AUTHORIZATION))
            .check(status().is(201))
            .check(jsonPath("$.id").saveAs(DRAFT_ID))
            .check(jsonPath("$.links.self").saveAs(DRAFT_LINK))
            .check(jsonPath("$.links.files").saveAs(DRAFT_FILES_LINK))
            .check(jsonPath("$.links.publish").saveAs(PUBLISH_LINK));

    public static final HttpRequestActionBuilder IMPORT_FILES = http(RequestNames.IMPORT_FILES)
            .post(el(DRAFT_LINK) + "/actions/files-import")
            .header("Authorization", el(AUTHORIZATION))
            .check(status().is(201));

    /** POST /api/records/{id}/draft: an edit draft of a published record (same id). */
    public static final HttpRequestActionBuilder EDIT = http(RequestNames.EDIT_RECORD)
            .post("/api/records/" + el(PUBLISHED_ID) + "/draft")
            .header("Authorization", el(AUTHORIZATION))
            .check(status().is(201))
            .check(jsonPath("$.id").saveAs(DRAFT_ID))
            .check(jsonPath("$.links.self").saveAs(DRAFT_LINK))
            .check(jsonPath("$.links.publish").saveAs(PUBLISH_LINK));

    public static final HttpRequestActionBuilder USER_RECORDS = http(RequestNames.LIST_USER_RECORDS)
            .get("/api/user/records")
            .header("Authorization", el(AUTHORIZATION))
            .check(status().is(200))
            .check(jsonPath("$.hits.total").ofInt().gte(0));
}
