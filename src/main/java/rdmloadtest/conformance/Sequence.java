package rdmloadtest.conformance;

import static rdmloadtest.conformance.Step.Caller.ANONYMOUS;
import static rdmloadtest.conformance.Step.Caller.B;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests the check sends to both sides, in order: search, the whole deposit flow (so both sides hold
 * a record the sequence made, with the same files), record and file reads, versions, the dashboard,
 * communities, statistics and OAI-PMH.
 */
final class Sequence {
    private static final Pattern RESUMPTION = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
    static final String CSV = "site,year,value\nnorth,2024,1.5\nsouth,2024,2.25\n";
    static final String PDF = "%PDF-1.4\n% rdm-loadtest differential check\n%%EOF\n";

    private Sequence() {}

    static String draftPayload(String title, boolean withDate) {
        return "{\"access\": {\"record\": \"public\", \"files\": \"public\"}, \"files\": {\"enabled\": true},"
                + " \"metadata\": {\"resource_type\": {\"id\": \"dataset\"}, \"title\": \"" + title + "\","
                + (withDate ? " \"publication_date\": \"2026-01-15\"," : "")
                + " \"publisher\": \"InvenioRDM\", \"creators\": [{\"person_or_org\": {\"type\": \"personal\","
                + " \"given_name\": \"Josiah\", \"family_name\": \"Carberry\"}}]}}";
    }

    static List<Step> steps(String version) {
        String title = "rdm-loadtest differential check";
        List<Step> s = new ArrayList<>();
        // --- search ---------------------------------------------------------------------------------
        s.add(Step.get("search: default", "/api/records").compare(Spec.search()));
        s.add(Step.get("search: sort=oldest", "/api/records?sort=oldest&size=5").compare(Spec.search()));
        s.add(Step.get("search: sort=mostdownloaded", "/api/records?sort=mostdownloaded&size=5")
                .compare(Spec.search()));
        s.add(Step.get("search: facet access_status", "/api/records?access_status=open&size=5")
                .compare(Spec.search()));
        s.add(Step.get("search: facet resource_type", "/api/records?resource_type=dataset&size=5")
                .compare(Spec.search()));
        s.add(Step.get("search: facet file_type", "/api/records?file_type=csv&size=5")
                .compare(Spec.search()));
        if (version.equals("14")) {
            s.add(Step.get("search: facet publication_date", "/api/records?publication_date=2000..2030&size=5")
                    .compare(Spec.search()));
        }
        s.add(Step.get("search: allversions", "/api/records?allversions=true&size=5")
                .compare(Spec.search()));
        s.add(Step.get("search: page past the window (400)", "/api/records?size=25&page=401")
                .compare(Spec.error().value("/message")));
        s.add(Step.get("search: size=0 (400)", "/api/records?size=0").compare(Spec.error()));
        s.add(Step.get("search: unknown sort (400)", "/api/records?sort=nosuchsort")
                .compare(Spec.error()));

        // --- deposit ----------------------------------------------------------------------------------
        s.add(Step.of("deposit: anonymous create (403)", "POST", "/api/records")
                .as(ANONYMOUS)
                .json(draftPayload(title, true))
                .compare(Spec.error().value("/message")));
        s.add(Step.of("deposit: create draft", "POST", "/api/records")
                .json(draftPayload(title, true))
                .compare(Spec.record())
                .captureJson("draft", "/id")
                .captureJson("parent", "/parent/id"));
        s.add(Step.of("deposit: create partial draft", "POST", "/api/records")
                .json("{\"metadata\": {\"title\": \"ab\"}, \"unknown_top\": 1}")
                .compare(Spec.record())
                .captureJson("partial", "/id"));
        s.add(Step.of("deposit: create with a non-JSON Content-Type (415)", "POST", "/api/records")
                .octets("x")
                .compare(Spec.error()));
        s.add(Step.of("deposit: create with invalid JSON (400)", "POST", "/api/records")
                .json("{not json")
                .compare(Spec.error()));
        s.add(Step.get("deposit: read draft", "/api/records/{draft}/draft")
                .compare(Spec.record())
                .captureJson("rev", "/revision_id"));
        s.add(Step.get("deposit: read draft as another user (403)", "/api/records/{draft}/draft")
                .as(B)
                .compare(Spec.error().value("/message")));
        s.add(Step.get("deposit: read draft anonymously (403)", "/api/records/{draft}/draft")
                .as(ANONYMOUS)
                .compare(Spec.error()));
        s.add(Step.get("deposit: unpublished id on /api/records/{id} (404)", "/api/records/{draft}")
                .compare(Spec.error().value("/message")));
        s.add(Step.of("deposit: update draft with If-Match", "PUT", "/api/records/{draft}/draft")
                .header("If-Match", "{rev}")
                .json(draftPayload(title + " (updated)", true))
                .compare(Spec.record()));
        s.add(Step.of("deposit: update draft with stale If-Match (412)", "PUT", "/api/records/{draft}/draft")
                .header("If-Match", "1")
                .json(draftPayload(title, true))
                .compare(Spec.error()));
        s.add(Step.of("deposit: update draft with quoted If-Match (400)", "PUT", "/api/records/{draft}/draft")
                .header("If-Match", "\"{rev}\"")
                .json(draftPayload(title, true))
                .compare(Spec.error()));
        s.add(Step.of("deposit: publish without files (400)", "POST", "/api/records/{draft}/draft/actions/publish")
                .compare(Spec.error()));
        s.add(Step.of("deposit: publish partial draft (400)", "POST", "/api/records/{partial}/draft/actions/publish")
                .compare(Spec.error()));
        s.add(Step.of("deposit: init no files (400)", "POST", "/api/records/{draft}/draft/files")
                .json("[]")
                .compare(Spec.error()));
        s.add(Step.of("deposit: init files", "POST", "/api/records/{draft}/draft/files")
                .json("[{\"key\": \"data.csv\"}, {\"key\": \"paper.pdf\"}]")
                .compare(Spec.fileList()));
        s.add(Step.of("deposit: init duplicate key (400)", "POST", "/api/records/{draft}/draft/files")
                .json("[{\"key\": \"data.csv\"}]")
                .compare(Spec.error()));
        s.add(Step.of("deposit: init unknown field (400)", "POST", "/api/records/{draft}/draft/files")
                .json("[{\"key\": \"other.txt\", \"colour\": \"red\"}]")
                .compare(Spec.error()));
        s.add(Step.get("deposit: pending file entry", "/api/records/{draft}/draft/files/data.csv")
                .compare(Spec.fileEntry()));
        s.add(Step.of(
                        "deposit: publish with a pending file (400)",
                        "POST",
                        "/api/records/{draft}/draft/actions/publish")
                .compare(Spec.error()));
        s.add(Step.of("deposit: upload content data.csv", "PUT", "/api/records/{draft}/draft/files/data.csv/content")
                .octets(CSV)
                .compare(Spec.fileEntry()));
        s.add(Step.of(
                        "deposit: upload with a JSON Content-Type (415)",
                        "PUT",
                        "/api/records/{draft}/draft/files/paper.pdf/content")
                .json("{}")
                .compare(Spec.error()));
        s.add(Step.of("deposit: upload content paper.pdf", "PUT", "/api/records/{draft}/draft/files/paper.pdf/content")
                .octets(PDF)
                .compare(Spec.fileEntry()));
        s.add(Step.of("deposit: commit data.csv", "POST", "/api/records/{draft}/draft/files/data.csv/commit")
                .compare(Spec.fileEntry()));
        s.add(Step.of("deposit: commit paper.pdf", "POST", "/api/records/{draft}/draft/files/paper.pdf/commit")
                .compare(Spec.fileEntry()));
        s.add(Step.get("deposit: list draft files", "/api/records/{draft}/draft/files")
                .compare(Spec.fileList()));
        // on the other draft, as InvenioRDM drops a file whose content is sent again after its commit
        s.add(Step.of("deposit: init a file of the partial draft", "POST", "/api/records/{partial}/draft/files")
                .json("[{\"key\": \"notes.txt\"}]")
                .compare(Spec.fileList()));
        s.add(Step.of("deposit: upload notes.txt", "PUT", "/api/records/{partial}/draft/files/notes.txt/content")
                .octets("notes\n")
                .compare(Spec.fileEntry()));
        s.add(Step.of("deposit: commit notes.txt", "POST", "/api/records/{partial}/draft/files/notes.txt/commit")
                .compare(Spec.fileEntry()));
        s.add(Step.of(
                        "deposit: upload to a committed file",
                        "PUT",
                        "/api/records/{partial}/draft/files/notes.txt/content")
                .octets("again\n")
                .compare(Spec.fileEntry().value("/errors")));
        s.add(Step.get("deposit: files after a second upload", "/api/records/{partial}/draft/files")
                .compare(Spec.fileList()));
        s.add(Step.get("deposit: draft file content", "/api/records/{draft}/draft/files/data.csv/content")
                .sameBytes());
        s.add(Step.of("deposit: publish (202)", "POST", "/api/records/{draft}/draft/actions/publish")
                .compare(Spec.record())
                .captureJson("rec", "/id"));
        s.add(Step.get("deposit: draft after publish (404)", "/api/records/{rec}/draft")
                .compare(Spec.error()));

        // --- record, files, versions ------------------------------------------------------------------------
        s.add(Step.get("record: read", "/api/records/{rec}").compare(Spec.record()));
        s.add(Step.get("record: read anonymously", "/api/records/{rec}")
                .as(ANONYMOUS)
                .compare(Spec.record()));
        s.add(Step.get("record: unknown id (404)", "/api/records/zzzzz-zzz99")
                .compare(Spec.error().value("/message")));
        s.add(Step.get("record: unknown route (404)", "/api/records/{rec}/no-such-route")
                .compare(Spec.error()));
        s.add(Step.get("record: versions", "/api/records/{rec}/versions")
                .after(2000)
                .compare(Spec.search()));
        // queries that find the record published above on both sides, whatever else the data holds
        s.add(Step.get("search: q", "/api/records?q=differential&size=5").compare(Spec.search()));
        s.add(Step.get("search: malformed q", "/api/records?q=(differential&size=5")
                .compare(Spec.search()));
        s.add(Step.get("record: versions/latest (301)", "/api/records/{rec}/versions/latest")
                .compare(Spec.none()));
        s.add(Step.get("record: parent id (302)", "/api/records/{parent}").compare(Spec.none()));
        s.add(Step.get("files: list", "/api/records/{rec}/files").compare(Spec.fileList()));
        s.add(Step.get("files: entry", "/api/records/{rec}/files/data.csv").compare(Spec.fileEntry()));
        s.add(Step.get("files: unknown key (404)", "/api/records/{rec}/files/nope.txt")
                .compare(Spec.error()));
        s.add(Step.get("files: content (csv)", "/api/records/{rec}/files/data.csv/content")
                .sameBytes()
                .capture("csvEtag", x -> x.header("etag").orElse(null)));
        s.add(Step.get("files: content (pdf)", "/api/records/{rec}/files/paper.pdf/content")
                .sameBytes());
        s.add(Step.get("files: content with If-None-Match (304)", "/api/records/{rec}/files/data.csv/content")
                .header("If-None-Match", "{csvEtag}"));
        s.add(Step.get(
                        "files: content with Accept: application/octet-stream (406)",
                        "/api/records/{rec}/files/data.csv/content")
                .header("Accept", "application/octet-stream"));
        s.add(Step.get("files: archive", "/api/records/{rec}/files-archive"));

        // --- new version, edit, discard ---------------------------------------------------------------------
        s.add(Step.of("deposit: new version", "POST", "/api/records/{rec}/versions")
                .compare(Spec.record())
                .captureJson("nv", "/id"));
        s.add(Step.of("deposit: new version again returns the same draft", "POST", "/api/records/{rec}/versions")
                .compare(Spec.record()));
        s.add(Step.of("deposit: files-import", "POST", "/api/records/{nv}/draft/actions/files-import")
                .compare(Spec.fileList()));
        s.add(Step.of("deposit: update new version", "PUT", "/api/records/{nv}/draft")
                .json(draftPayload(title + " v2", true))
                .compare(Spec.record()));
        s.add(Step.of("deposit: publish new version (202)", "POST", "/api/records/{nv}/draft/actions/publish")
                .compare(Spec.record()));
        s.add(Step.get("record: old version after a new one", "/api/records/{rec}")
                .compare(Spec.record()));
        s.add(Step.get("record: versions after a new one", "/api/records/{nv}/versions")
                .after(2000)
                .compare(Spec.search()));
        s.add(Step.get("record: versions/latest after a new one (301)", "/api/records/{rec}/versions/latest"));
        s.add(Step.of("deposit: edit published record", "POST", "/api/records/{nv}/draft")
                .compare(Spec.record()));
        s.add(Step.of("deposit: edit by another user (403)", "POST", "/api/records/{nv}/draft")
                .as(B)
                .compare(Spec.error()));
        s.add(Step.of(
                        "deposit: upload into an edit draft (403)",
                        "PUT",
                        "/api/records/{nv}/draft/files/data.csv/content")
                .octets(CSV)
                .compare(Spec.error()));
        s.add(Step.of("deposit: publish edit (202)", "POST", "/api/records/{nv}/draft/actions/publish")
                .compare(Spec.record()));
        s.add(Step.of("record: admin delete as a non-admin (403)", "DELETE", "/api/records/{nv}/delete")
                .json("{}")
                .compare(Spec.error()));

        // --- dashboard, communities, stats -----------------------------------------------------------------
        s.add(Step.get("user records", "/api/user/records").after(1500).compare(Spec.search()));
        s.add(Step.get("user records: is_published=false", "/api/user/records?is_published=false")
                .compare(Spec.search()));
        s.add(Step.get("user records anonymously (403)", "/api/user/records")
                .as(ANONYMOUS)
                .compare(Spec.error()));
        s.add(Step.of("deposit: delete draft as another user (403)", "DELETE", "/api/records/{partial}/draft")
                .as(B)
                .compare(Spec.error()));
        s.add(Step.of("deposit: delete draft (204)", "DELETE", "/api/records/{partial}/draft"));
        s.add(Step.get("deposit: deleted draft (404)", "/api/records/{partial}/draft")
                .compare(Spec.error()));
        s.add(Step.get("communities: list", "/api/communities")
                .compare(Spec.search().keys("/hits/hits/*/links"))
                .captureJson("community", "/hits/hits/0/id")
                .captureJson("slug", "/hits/hits/0/slug"));
        s.add(Step.get("communities: read", "/api/communities/{community}")
                .compare(Spec.none().keys("", "/links", "/access")));
        s.add(Step.get("communities: read by slug", "/api/communities/{slug}")
                .compare(Spec.none().keys("", "/links")));
        s.add(Step.get("communities: unknown (404)", "/api/communities/no-such-community")
                .compare(Spec.error()));
        s.add(Step.get("communities: records", "/api/communities/{community}/records")
                .compare(Spec.search()));
        s.add(Step.of("stats: empty query", "POST", "/api/stats")
                .json("{}")
                .compare(Spec.none().deep("")));
        s.add(Step.of("stats: record-view anonymously (401)", "POST", "/api/stats")
                .as(ANONYMOUS)
                .json("{\"v\": {\"stat\": \"record-view\", \"params\": {\"recid\": \"{rec}\"}}}")
                .compare(Spec.error()));
        s.add(Step.of("stats: record-view as a user (403)", "POST", "/api/stats")
                .json("{\"v\": {\"stat\": \"record-view\", \"params\": {\"recid\": \"{rec}\"}}}")
                .compare(Spec.error()));
        s.add(Step.of("stats: unknown statistic (400)", "POST", "/api/stats")
                .json("{\"v\": {\"stat\": \"no-such-stat\", \"params\": {}}}")
                .compare(Spec.error()));

        webUi(s);
        iiif(s, title);

        // --- OAI-PMH ---------------------------------------------------------------------------------------
        s.add(Step.get("oai: Identify", "/oai2d?verb=Identify").as(ANONYMOUS).compare(Spec.oai()));
        s.add(Step.get("oai: ListMetadataFormats", "/oai2d?verb=ListMetadataFormats")
                .as(ANONYMOUS)
                .compare(Spec.oai()));
        s.add(Step.get("oai: ListRecords oai_dc", "/oai2d?verb=ListRecords&metadataPrefix=oai_dc")
                .as(ANONYMOUS)
                .compare(Spec.oai())
                .capture("token", Sequence::resumptionToken));
        s.add(Step.get("oai: ListRecords resumptionToken", "/oai2d?verb=ListRecords&resumptionToken={token}")
                .as(ANONYMOUS)
                .compare(Spec.oai()));
        s.add(Step.get("oai: ListIdentifiers datacite", "/oai2d?verb=ListIdentifiers&metadataPrefix=datacite")
                .as(ANONYMOUS)
                .compare(Spec.oai()));
        s.add(Step.get("oai: ListRecords datacite", "/oai2d?verb=ListRecords&metadataPrefix=datacite")
                .as(ANONYMOUS)
                .compare(Spec.oai()));
        s.add(Step.get("oai: bad verb (error)", "/oai2d?verb=Nope")
                .as(ANONYMOUS)
                .compare(Spec.oai()));
        s.add(Step.get("oai: bad resumptionToken (error)", "/oai2d?verb=ListRecords&resumptionToken=bogus")
                .as(ANONYMOUS)
                .compare(Spec.oai()));
        s.add(Step.get("oai: unknown metadataPrefix (error)", "/oai2d?verb=ListRecords&metadataPrefix=nope")
                .as(ANONYMOUS)
                .compare(Spec.oai()));
        return s;
    }

    /** What the web UI's pages answer, and the API calls their apps make, for the record published above. */
    private static void webUi(List<Step> s) {
        s.add(Step.get("web: front page", "/").as(ANONYMOUS));
        s.add(Step.get("web: front page's recent records (UI JSON)", "/api/records?sort=newest&size=10")
                .as(ANONYMOUS)
                .header("Accept", UI_JSON)
                .compare(Spec.search()));
        s.add(Step.get("web: featured communities", "/api/communities/featured")
                .as(ANONYMOUS)
                .compare(Spec.search().keys("/hits/hits/*/links")));
        s.add(Step.get("web: search page", "/search?q=differential").as(ANONYMOUS));
        s.add(Step.get("web: search app's query (UI JSON)", "/api/records?q=differential&sort=bestmatch&page=1&size=10")
                .as(ANONYMOUS)
                .header("Accept", UI_JSON)
                .compare(Spec.search()));
        s.add(Step.get("web: record landing page", "/records/{rec}").as(ANONYMOUS));
        s.add(Step.get("web: unknown record's page (404)", "/records/zzzzz-zzz99")
                .as(ANONYMOUS));
        s.add(Step.get("web: citation, default style", "/api/records/{rec}?style=apa&locale=en-US")
                .as(ANONYMOUS)
                .header("Accept", "text/x-bibliography"));
        s.add(Step.get("web: citation, IEEE", "/api/records/{rec}?style=ieee&locale=en-US")
                .as(ANONYMOUS)
                .header("Accept", "text/x-bibliography"));
        s.add(Step.get("web: citation, Vancouver (offered, 400)", "/api/records/{rec}?style=vancouver&locale=en-US")
                .as(ANONYMOUS)
                .header("Accept", "text/x-bibliography")
                .compare(Spec.error().value("/message")));
        for (String format : EXPORTS) {
            s.add(Step.get("web: export " + format, "/records/{rec}/export/" + format)
                    .as(ANONYMOUS)
                    .compare(Spec.none().keys("")));
        }
        s.add(Step.get("web: export of an unknown format (404)", "/records/{rec}/export/nope")
                .as(ANONYMOUS));
        s.add(Step.get("web: file preview (csv)", "/records/{rec}/preview/data.csv")
                .as(ANONYMOUS));
        s.add(Step.get("web: file download link", "/records/{rec}/files/data.csv?download=1")
                .as(ANONYMOUS)
                .sameBytes());
        s.add(Step.get("web: communities page", "/communities").as(ANONYMOUS));
        s.add(Step.get("web: community page (308)", "/communities/{slug}").as(ANONYMOUS));
        s.add(Step.get("web: community page with a slash", "/communities/{slug}/")
                .as(ANONYMOUS));
        s.add(Step.get("web: community records page", "/communities/{slug}/records")
                .as(ANONYMOUS));
        s.add(Step.get("web: communities app's query (UI JSON)", "/api/communities?q=&sort=newest&page=1&size=10")
                .as(ANONYMOUS)
                .header("Accept", UI_JSON)
                .compare(Spec.search().keys("/hits/hits/*/links")));
        s.add(Step.get("web: community records app's query (UI JSON)", "/api/communities/{community}/records")
                .as(ANONYMOUS)
                .header("Accept", UI_JSON)
                .compare(Spec.search()));
        s.add(Step.get("web: login page", "/login/").as(ANONYMOUS));
        s.add(Step.get("web: uploads page anonymously (302)", "/me/uploads").as(ANONYMOUS));
        s.add(Step.get("web: deposit form anonymously (302)", "/uploads/new").as(ANONYMOUS));
        for (Negotiated n : NEGOTIATED) {
            s.add(Step.get("record: Accept " + n.type(), "/api/records/{rec}")
                    .as(ANONYMOUS)
                    .header("Accept", n.type())
                    .compare(n.structured() ? Spec.none().keys("") : Spec.none()));
        }
    }

    /** A record with one PNG, published, then what IIIF answers for it (Image API 2, Presentation API 2). */
    private static void iiif(List<Step> s, String title) {
        s.add(Step.of("iiif: create draft", "POST", "/api/records")
                .json(draftPayload(title + " (image)", true))
                .compare(Spec.record())
                .captureJson("imgDraft", "/id"));
        s.add(Step.of("iiif: init image.png", "POST", "/api/records/{imgDraft}/draft/files")
                .json("[{\"key\": \"image.png\"}]")
                .compare(Spec.fileList()));
        s.add(Step.of("iiif: upload image.png", "PUT", "/api/records/{imgDraft}/draft/files/image.png/content")
                .octets(TestImage.png(640, 480))
                .compare(Spec.fileEntry()));
        s.add(Step.of("iiif: commit image.png", "POST", "/api/records/{imgDraft}/draft/files/image.png/commit")
                .compare(Spec.fileEntry()));
        // InvenioRDM reads the image's size in a Celery task after the commit: publishing before it ran loses it.
        s.add(Step.of("iiif: publish", "POST", "/api/records/{imgDraft}/draft/actions/publish")
                .after(3000)
                .compare(Spec.record())
                .captureJson("img", "/id"));
        s.add(Step.get("iiif: manifest", "/api/iiif/record:{img}/manifest")
                .as(ANONYMOUS)
                .compare(Spec.none().keys("", "/sequences/*/canvases/*")));
        s.add(Step.get("iiif: info.json", "/api/iiif/record:{img}:image.png/info.json")
                .as(ANONYMOUS)
                .compare(Spec.none().keys("").value("/width", "/height", "/profile")));
        s.add(Step.get("iiif: thumbnail", "/api/iiif/record:{img}:image.png/full/250,/0/default.jpg")
                .as(ANONYMOUS));
        s.add(Step.get("iiif: tile", "/api/iiif/record:{img}:image.png/0,0,256,256/256,/0/default.jpg")
                .as(ANONYMOUS));
        s.add(Step.get("iiif: png", "/api/iiif/record:{img}:image.png/full/!200,200/0/default.png")
                .as(ANONYMOUS));
        s.add(Step.get("iiif: size max (400)", "/api/iiif/record:{img}:image.png/full/max/0/default.png")
                .as(ANONYMOUS)
                .compare(Spec.error().value("/message")));
        s.add(Step.get("iiif: webp (400)", "/api/iiif/record:{img}:image.png/full/!800,800/0/default.webp")
                .as(ANONYMOUS)
                .compare(Spec.error()));
        s.add(Step.get("iiif: unknown key", "/api/iiif/record:{img}:nope.png/info.json")
                .as(ANONYMOUS));
    }

    static final String UI_JSON = "application/vnd.inveniordm.v1+json";

    /** The export formats the landing page links, in its order (codemeta answers 500 for a record under embargo). */
    static final List<String> EXPORTS = List.of(
            "json",
            "json-ld",
            "csl",
            "datacite-json",
            "datacite-xml",
            "dublincore",
            "marcxml",
            "bibtex",
            "dcat-ap",
            "geojson",
            "codemeta",
            "cff",
            "datapackage");

    /** A record serialization asked by Accept; structured: its top-level keys are compared (JSON, XML). */
    record Negotiated(String type, boolean structured) {}

    static final List<Negotiated> NEGOTIATED = List.of(
            new Negotiated("application/ld+json", true),
            new Negotiated(UI_JSON, true),
            new Negotiated("application/vnd.datacite.datacite+json", true),
            new Negotiated("application/vnd.datacite.datacite+xml", true),
            new Negotiated("application/x-dc+xml", true),
            new Negotiated("application/vnd.citationstyles.csl+json", true),
            new Negotiated("application/marcxml+xml", true),
            new Negotiated("application/x-bibtex", false),
            new Negotiated("application/dcat+xml", true),
            new Negotiated("text/plain", false),
            new Negotiated("image/png", false));

    private static String resumptionToken(Exchange x) {
        Matcher m = RESUMPTION.matcher(x.text());
        return m.find() ? URLEncoder.encode(m.group(1).trim(), StandardCharsets.UTF_8) : null;
    }
}
