package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import rdmloadtest.simulator.http.Urls;
import rdmloadtest.simulator.store.Identity;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;
import rdmloadtest.simulator.store.StoredFile;
import rdmloadtest.simulator.vocabularies.Vocabularies;

/** Serialises records, drafts and file entries as InvenioRDM does (RDM record schema, links as in v13/v14). */
public final class RecordJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS+00:00").withZone(ZoneOffset.UTC);

    private final Repository repo;
    private final Vocabularies vocabularies;
    private final boolean v14;

    public RecordJson(Repository repo, Vocabularies vocabularies, String version) {
        this.repo = repo;
        this.vocabularies = vocabularies;
        this.v14 = version.equals("14");
    }

    public static String ts(Instant t) {
        return TS.format(t);
    }

    /**
     * How much of the file entries a response shows: a record read adds each entry's links, a search hit
     * drops links and storage_class; drafts and write responses show entries without links.
     */
    public enum View {
        READ,
        WRITE,
        HIT
    }

    /** IIIF_FORMATS of invenio-app-rdm: files that get iiif_* links and make the record's thumbnails. */
    private static final Set<String> IIIF = Set.of("pdf", "gif", "jp2", "jpeg", "jpg", "png", "tif", "tiff");

    private static final int[] THUMBNAIL_SIZES = {10, 50, 100, 250, 750, 1200};

    /** The record (or draft) JSON as a write response or a draft read shows it. */
    public ObjectNode record(RecordDoc r, String api, Identity who, String host) {
        return record(r, api, who, host, View.WRITE);
    }

    /** The record (or draft) JSON; file details only when the caller may read the files. */
    public ObjectNode record(RecordDoc r, String api, Identity who, String host, View view) {
        boolean manager = AccessRules.canEdit(r, who);
        ObjectNode o = F.objectNode();
        o.put("id", r.id);
        o.put("created", ts(r.created));
        o.put("updated", ts(r.updated));
        o.set("links", links(r, api));
        o.put("revision_id", r.revision);
        ObjectNode parent = o.putObject("parent");
        parent.put("id", r.parent.id);
        ObjectNode pAccess = parent.putObject("access");
        // grants and links are dumped only for those who may manage the record (RDM parent schema).
        if (manager) pAccess.putArray("grants");
        pAccess.putObject("owned_by").put("user", r.parent.owner);
        if (manager) pAccess.putArray("links");
        pAccess.putObject("settings")
                .put("allow_user_requests", false)
                .put("allow_guest_requests", false)
                .putNull("accept_conditions_text")
                .put("secret_link_expiration", 0);
        ObjectNode comms = parent.putObject("communities");
        if (!r.parent.communities.isEmpty()) {
            ArrayNode ids = comms.putArray("ids");
            r.parent.communities.forEach(ids::add);
            comms.put("default", r.parent.communities.iterator().next());
        }
        parent.putObject("pids");
        ObjectNode versions = o.putObject("versions");
        boolean published = !r.draft || r.editOfPublished;
        versions.put("is_latest", !r.draft && repo.isLatest(r));
        if (manager) versions.put("is_latest_draft", r.draft || repo.isLatest(r));
        versions.put("index", r.versionIndex);
        o.put("is_published", published);
        o.put("is_draft", r.draft);
        o.put(
                "status",
                r.draft
                        ? (r.editOfPublished ? "published" : r.versionIndex > 1 ? "new_version_draft" : "draft")
                        : "published");
        ObjectNode pids = o.putObject("pids");
        if (!r.draft || r.editOfPublished)
            pids.putObject("oai").put("identifier", "oai:" + host + ":" + r.id).put("provider", "oai");
        o.set("metadata", expandMetadata(r.metadata));
        o.set("custom_fields", r.customFields.deepCopy());
        ObjectNode access = r.access.deepCopy();
        if (!access.has("record")) access.put("record", "public");
        if (!access.has("files")) access.put("files", "public");
        if (!access.has("embargo"))
            access.putObject("embargo").put("active", false).put("reason", (String) null);
        access.put("status", r.accessStatus());
        o.set("access", access);
        o.set("files", filesSummary(r, api, who, view));
        ObjectNode media = o.putObject("media_files");
        media.put("enabled", false).putArray("order");
        media.put("count", 0).put("total_bytes", 0).putObject("entries");
        if (r.draft) {
            o.put("expires_at", ts(r.created.plusSeconds(60L * 60 * 24 * 365)));
        } else {
            ObjectNode del = o.putObject("deletion_status");
            del.put("is_deleted", r.deleted()).put("status", r.deleted() ? "D" : "P");
            o.set("stats", stats(r));
        }
        return o;
    }

    private ObjectNode expandMetadata(ObjectNode metadata) {
        ObjectNode m = metadata.deepCopy();
        var rt = m.get("resource_type");
        if (rt instanceof ObjectNode rto && rto.has("id")) {
            vocabularies
                    .resourceType(rto.get("id").asText())
                    .ifPresent(t -> rto.putObject("title").put("en", t.titleEn()));
        }
        return m;
    }

    private ObjectNode stats(RecordDoc r) {
        ObjectNode s = F.objectNode();
        long allDownloads =
                repo.versionsOf(r.parent).stream().mapToLong(v -> v.downloads).sum();
        long allVolume =
                repo.versionsOf(r.parent).stream().mapToLong(v -> v.dataVolume).sum();
        fillStats(s.putObject("this_version"), r.downloads, r.dataVolume);
        fillStats(s.putObject("all_versions"), allDownloads, allVolume);
        return s;
    }

    private static void fillStats(ObjectNode o, long downloads, long volume) {
        o.put("views", 0)
                .put("unique_views", 0)
                .put("downloads", downloads)
                .put("unique_downloads", downloads)
                .put("data_volume", (double) volume);
    }

    /** The record's links in InvenioRDM's order (RDMRecordServiceConfig.links_item, v13/v14). */
    public ObjectNode links(RecordDoc r, String api) {
        String site = api.substring(0, api.length() - 4);
        String self = api + "/records/" + r.id;
        String kind = r.draft ? "draft:" : "record:";
        ObjectNode l = F.objectNode();
        l.put("self", r.draft ? self + "/draft" : self);
        l.put("self_html", r.draft ? site + "/uploads/" + r.id : site + "/records/" + r.id);
        l.put("preview_html", site + "/records/" + r.id + "?preview=1");
        l.put("reserve_doi", self + "/draft/pids/doi");
        if (!r.draft) {
            l.put("parent", api + "/records/" + r.parent.id);
            l.put("parent_html", site + "/records/" + r.parent.id);
        }
        l.put("self_iiif_manifest", api + "/iiif/" + kind + r.id + "/manifest");
        l.put("self_iiif_sequence", api + "/iiif/" + kind + r.id + "/sequence/default");
        String files = r.draft ? self + "/draft" : self;
        l.put("files", files + "/files");
        l.put("media_files", files + "/media-files");
        String thumb = r.files.keySet().stream()
                .filter(k -> IIIF.contains(ext(k)))
                .findFirst()
                .orElse(null);
        if (thumb != null) {
            ObjectNode t = l.putObject("thumbnails");
            for (int size : THUMBNAIL_SIZES) {
                t.put(
                        String.valueOf(size),
                        api + "/iiif/record:" + r.id + ":" + Urls.quote(thumb) + "/full/%5E" + size
                                + ",/0/default.jpg");
            }
        }
        l.put("archive", files + "/files-archive");
        l.put("archive_media", files + "/media-files-archive");
        if (!r.draft) {
            l.put("latest", self + "/versions/latest");
            l.put("latest_html", site + "/records/" + r.id + "/latest");
        }
        l.put("versions", self + "/versions");
        if (r.draft) {
            l.put("record", self);
            l.put("record_html", site + "/records/" + r.id);
            l.put("publish", self + "/draft/actions/publish");
            l.put("review", self + "/draft/review");
        } else {
            l.put("draft", self + "/draft");
        }
        l.put("access_links", self + "/access/links");
        l.put("access_grants", self + "/access/grants");
        l.put("access_users", self + "/access/users");
        l.put("access_groups", self + "/access/groups");
        l.put("access_request", self + "/access/request");
        l.put("access", self + "/access");
        l.put("communities", self + "/communities");
        l.put("communities-suggestions", self + "/communities-suggestions");
        if (v14) {
            // v14's deletion requests, file modification window and quota increase (links of a published record)
            if (!r.draft || r.editOfPublished) {
                l.put("request_deletion", self + "/request-deletion");
                l.put("file_modification", self + "/file-modification");
            }
            l.put("quota_increase", self + "/quota-increase");
        }
        l.put("requests", self + "/requests");
        return l;
    }

    private static String ext(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(dot + 1).toLowerCase();
    }

    private ObjectNode filesSummary(RecordDoc r, String api, Identity who, View view) {
        ObjectNode f = F.objectNode();
        f.put("enabled", r.filesEnabled);
        if (!AccessRules.canReadFiles(r, who)) return f;
        f.putArray("order");
        f.put("count", r.files.size());
        f.put("total_bytes", r.totalBytes());
        ObjectNode entries = f.putObject("entries");
        for (StoredFile sf : r.files.values()) {
            ObjectNode e = entries.putObject(sf.key);
            if (!sf.committed) {
                // a pending file has no object yet: only its key (InvenioRDM's record files schema)
                e.put("key", sf.key);
                e.putNull("metadata");
                e.putObject("access").put("hidden", false);
                continue;
            }
            e.put("id", sf.fileId);
            e.put("checksum", "md5:" + sf.md5());
            e.put("ext", sf.ext());
            e.put("size", sf.size);
            e.put("mimetype", sf.mimetype);
            if (view != View.HIT) e.put("storage_class", "L");
            e.put("key", sf.key);
            e.set("metadata", fileMetadata(sf));
            e.putObject("access").put("hidden", false);
            if (view == View.READ) e.set("links", fileLinks(r, sf, api));
        }
        return f;
    }

    /**
     * A committed file's metadata: the width and height InvenioRDM's image metadata extractor adds to images; null
     * for a file of a format it tries (IIIF's) but could not read (the real v13 for a PDF: null; for a CSV: {}).
     */
    static JsonNode fileMetadata(StoredFile sf) {
        Optional<StoredFile.ImageSize> size = sf.imageSize();
        if (size.isEmpty()) return iiifCompatible(sf.key) ? F.nullNode() : F.objectNode();
        return F.objectNode()
                .put("width", size.get().width())
                .put("height", size.get().height());
    }

    /** The IIIF identifier of a file, "record:{id}:{key}" (or "draft:…"), URL-encoded as its links carry it. */
    static String iiifBase(RecordDoc r, StoredFile sf, String api) {
        return api + "/iiif/" + (r.draft ? "draft:" : "record:") + r.id + ":" + Urls.quote(sf.key);
    }

    /** IIIF_FORMATS of invenio-app-rdm: whether a file gets iiif_* links. */
    static boolean iiifCompatible(String key) {
        return IIIF.contains(ext(key));
    }

    /** A file entry as the files endpoints return it. */
    public ObjectNode fileEntry(RecordDoc r, StoredFile sf, String api) {
        ObjectNode e = F.objectNode();
        e.put("key", sf.key);
        e.put("created", ts(sf.created));
        e.put("updated", ts(sf.updated));
        e.put("status", sf.committed ? "completed" : "pending");
        if (sf.committed) {
            e.put("checksum", "md5:" + sf.md5());
            e.put("mimetype", sf.mimetype);
            e.put("size", sf.size);
            e.put("file_id", sf.fileId);
            e.put("version_id", sf.versionId);
            e.put("bucket_id", sf.bucketId);
            e.put("storage_class", "L");
            e.set("metadata", fileMetadata(sf));
        } else {
            e.putNull("metadata");
        }
        e.putObject("access").put("hidden", false);
        if (sf.multipart()) {
            e.put("size", sf.declaredSize);
            e.putObject("transfer")
                    .put("type", "M")
                    .put("part_size", sf.partSize)
                    .put("parts", sf.parts);
        } else {
            e.putObject("transfer").put("type", "L");
        }
        ObjectNode links = fileLinks(r, sf, api);
        if (sf.multipart() && !sf.committed) {
            // As v14 answers a multipart init: one upload URL per part, and no content link yet.
            links.remove("content");
            var parts = links.putArray("parts");
            for (int i = 1; i <= sf.parts; i++)
                parts.addObject()
                        .put("part", i)
                        .put("url", links.get("self").asText() + "/content/" + i)
                        .put("expiration", ts(sf.created.plus(Duration.ofDays(14))));
        }
        e.set("links", links);
        return e;
    }

    private static ObjectNode fileLinks(RecordDoc r, StoredFile sf, String api) {
        String base = api + "/records/" + r.id + (r.draft ? "/draft" : "") + "/files/" + Urls.quote(sf.key);
        ObjectNode l = F.objectNode();
        l.put("self", base);
        l.put("content", base + "/content");
        if (r.draft) l.put("commit", base + "/commit");
        if (IIIF.contains(ext(sf.key))) {
            String iiif = api + "/iiif/" + (r.draft ? "draft:" : "record:") + r.id;
            l.put("iiif_canvas", iiif + "/canvas/" + Urls.quote(sf.key));
            l.put("iiif_base", iiif + ":" + Urls.quote(sf.key));
            l.put("iiif_info", iiif + ":" + Urls.quote(sf.key) + "/info.json");
            l.put("iiif_api", iiif + ":" + Urls.quote(sf.key) + "/full/full/0/default.png");
        }
        return l;
    }

    /** The files endpoint's list: entries as a list, unlike the record JSON's object. */
    public ObjectNode fileList(RecordDoc r, String api) {
        ObjectNode f = F.objectNode();
        f.put("enabled", r.filesEnabled);
        String base = api + "/records/" + r.id + (r.draft ? "/draft" : "");
        ObjectNode links = F.objectNode().put("self", base + "/files").put("archive", base + "/files-archive");
        if (r.filesEnabled) {
            f.put("default_preview", (String) null);
            f.putArray("order");
            ArrayNode entries = f.putArray("entries");
            for (StoredFile sf : r.files.values()) entries.add(fileEntry(r, sf, api));
        }
        f.set("links", links);
        return f;
    }
}
