package rdmloadtest.api;

import rdmloadtest.slo.RequestNames;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The deposit flow with a personal token ("authorization" in the session): draft, 3-step upload,
 * publish, new version, edit, discard. Each step follows the links the previous answer gave.
 */
public final class Deposits {
  private Deposits() {}

  public static final HttpRequestActionBuilder CREATE_DRAFT = http(RequestNames.CREATE_DRAFT)
      .post("/api/records")
      .header("Authorization", "#{authorization}")
      .header("Content-Type", "application/json")
      .body(StringBody("#{draftJson}"))
      .check(status().is(201))
      .check(jsonPath("$.id").saveAs("draftId"))
      .check(jsonPath("$.links.self").saveAs("draftLink"))
      .check(jsonPath("$.links.files").saveAs("draftFilesLink"))
      .check(jsonPath("$.links.publish").saveAs("publishLink"));

  public static final HttpRequestActionBuilder UPDATE_DRAFT = http(RequestNames.UPDATE_DRAFT)
      .put("#{draftLink}")
      .header("Authorization", "#{authorization}")
      .header("Content-Type", "application/json")
      .body(StringBody("#{draftJson}"))
      .check(status().is(200))
      .check(jsonPath("$.id").isEL("#{draftId}"));

  /** Step 1 of 3: declare the file; saves the entry's content and commit links. */
  public static final HttpRequestActionBuilder INIT_FILE = http(RequestNames.INIT_FILE_UPLOAD)
      .post("#{draftFilesLink}")
      .header("Authorization", "#{authorization}")
      .header("Content-Type", "application/json")
      .body(StringBody("[{\"key\": \"#{fileKey}\"}]"))
      .check(status().is(201))
      .check(jsonPath("$.entries[?(@.key == '#{fileKey}')].links.content").saveAs("uploadLink"))
      .check(jsonPath("$.entries[?(@.key == '#{fileKey}')].links.commit").saveAs("commitLink"));

  /** Step 2 of 3: the bytes, with a Content-Length (no chunked upload: InvenioRDM checks the length). */
  public static final HttpRequestActionBuilder UPLOAD_CONTENT = http(RequestNames.UPLOAD_FILE_CONTENT)
      .put("#{uploadLink}")
      .header("Authorization", "#{authorization}")
      .header("Content-Type", "application/octet-stream")
      .body(ByteArrayBody("#{fileBytes}"))
      .check(status().is(200));

  /** Step 3 of 3: commit; InvenioRDM answers with the md5 it computed. */
  public static final HttpRequestActionBuilder COMMIT_FILE = http(RequestNames.COMMIT_FILE)
      .post("#{commitLink}")
      .header("Authorization", "#{authorization}")
      .check(status().is(200))
      .check(jsonPath("$.status").is("completed"))
      .check(jsonPath("$.checksum").isEL("md5:#{fileMd5}"));

  public static final HttpRequestActionBuilder PUBLISH = http(RequestNames.PUBLISH_DRAFT)
      .post("#{publishLink}")
      .header("Authorization", "#{authorization}")
      .check(status().is(202))
      .check(jsonPath("$.is_published").ofBoolean().is(true))
      .check(jsonPath("$.id").saveAs("publishedId"))
      .check(jsonPath("$.links.versions").saveAs("publishedVersionsLink"));

  public static final HttpRequestActionBuilder DELETE_DRAFT = http(RequestNames.DELETE_DRAFT)
      .delete("#{draftLink}")
      .header("Authorization", "#{authorization}")
      .check(status().is(204));

  /** POST {record}/versions: a new draft with a new id and the same parent. */
  public static final HttpRequestActionBuilder NEW_VERSION = http(RequestNames.CREATE_NEW_VERSION)
      .post("#{publishedVersionsLink}")
      .header("Authorization", "#{authorization}")
      .check(status().is(201))
      .check(jsonPath("$.id").saveAs("draftId"))
      .check(jsonPath("$.links.self").saveAs("draftLink"))
      .check(jsonPath("$.links.files").saveAs("draftFilesLink"))
      .check(jsonPath("$.links.publish").saveAs("publishLink"));

  public static final HttpRequestActionBuilder IMPORT_FILES = http(RequestNames.IMPORT_FILES)
      .post("#{draftLink}/actions/files-import")
      .header("Authorization", "#{authorization}")
      .check(status().is(201));

  /** POST /api/records/{id}/draft: an edit draft of a published record (same id). */
  public static final HttpRequestActionBuilder EDIT = http(RequestNames.EDIT_RECORD)
      .post("/api/records/#{publishedId}/draft")
      .header("Authorization", "#{authorization}")
      .check(status().is(201))
      .check(jsonPath("$.id").saveAs("draftId"))
      .check(jsonPath("$.links.self").saveAs("draftLink"))
      .check(jsonPath("$.links.publish").saveAs("publishLink"));

  public static final HttpRequestActionBuilder USER_RECORDS = http(RequestNames.LIST_USER_RECORDS)
      .get("/api/user/records")
      .header("Authorization", "#{authorization}")
      .check(status().is(200))
      .check(jsonPath("$.hits.total").ofInt().gte(0));
}
