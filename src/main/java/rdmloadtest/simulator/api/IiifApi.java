package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rdmloadtest.simulator.formats.PyJson;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.http.Urls;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;
import rdmloadtest.simulator.store.StoredFile;

/**
 * InvenioRDM's IIIF resource (invenio-rdm-records resources/iiif.py and services/iiif, the same in v13 and v14):
 * Image API 2 info.json and images through flask-iiif ({@link IiifImage}), the Presentation 2 manifest, sequence
 * and canvas, for "record:{id}[:{key}]" (published) and "draft:{id}[:{key}]" (any other prefix) identifiers.
 * JSON is written as Python writes it, so the bodies have the real byte counts.
 *
 * <p>Two bounded caches keep the simulator's own work small: decoded pictures and encoded answers. The real
 * v13/v14 cache neither (the IIIF service opens and re-encodes the file on every request; flask-iiif's
 * IIIF_CACHE_* serves only flask-iiif's own routes, which InvenioRDM does not use) — the time a real instance
 * spends is the performance model's IIIF class, not this code's.
 */
public final class IiifApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String LD_JSON = "application/ld+json";
    private static final String IMAGE_CONTEXT = "http://iiif.io/api/image/2/context.json";
    private static final String PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/2/context.json";
    /** RDM_IIIF_MANIFEST_FORMATS: the files a manifest shows as canvases. */
    private static final Set<String> MANIFEST_FORMATS = Set.of("gif", "jp2", "jpeg", "jpg", "png", "tif", "tiff");
    /** IIIF_TILES_CONVERTER_PARAMS tile_width/tile_height: smaller images are left out of the manifest. */
    private static final int TILE = 256;

    private static final long DECODED_BYTES = 96L << 20;
    private static final long ANSWER_BYTES = 32L << 20;

    private record Answer(String contentType, byte[] bytes) {}

    private final Repository repo;
    private final Map<String, BufferedImage> decoded = new LinkedHashMap<>(16, 0.75f, true);
    private long decodedBytes;
    private final Map<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long answerBytes;

    public IiifApi(Repository repo) {
        this.repo = repo;
    }

    public void routes(Router r) {
        r.add("GET", "/api/iiif/{uuid*}/manifest", EndpointClass.IIIF, c -> guarded(this::manifest, c));
        r.add("GET", "/api/iiif/{uuid*}/sequence/default", EndpointClass.IIIF, c -> guarded(this::sequence, c));
        r.add("GET", "/api/iiif/{uuid*}/info.json", EndpointClass.IIIF, c -> guarded(this::info, c));
        r.add("GET", "/api/iiif/{uuid*}/canvas/{name*}", EndpointClass.IIIF, c -> guarded(this::canvas, c));
        r.add(
                "GET",
                "/api/iiif/{uuid*}/{region}/{size}/{rotation}/{file}",
                EndpointClass.IIIF,
                c -> guarded(this::image, c));
        // werkzeug's <path:uuid> matches anything left: the image base URI redirects to its info.json
        r.add("GET", "/api/iiif/{uuid*}", EndpointClass.IIIF, c -> guarded(this::base, c));
    }

    /** Errors as the IIIF resource's handlers write them (HTTPJSONException, Python's JSON separators). */
    private static Reply guarded(Router.Handler h, Call c) throws Exception {
        try {
            return h.handle(c);
        } catch (ApiError e) {
            return Reply.bytes(e.status(), "application/json", PyJson.dumps(e.body()));
        }
    }

    private static Reply ldJson(ObjectNode body) {
        return Reply.bytes(200, LD_JSON, PyJson.dumps(body)).header("Access-Control-Allow-Origin", "*");
    }

    /** with_iiif_content_negotiation: JSON-LD whatever the client asks for, as long as its Accept admits it. */
    private static void requireLdJson(Call c) {
        String accept = c.header("accept").orElse("").trim();
        if (accept.isEmpty()) return;
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase();
            if (type.equals("*/*") || type.equals("application/*") || type.equals(LD_JSON)) return;
        }
        throw new ApiError(406, "Invalid 'Accept' header. Expected one of: " + LD_JSON);
    }

    private record FileRef(RecordDoc record, StoredFile file) {}

    /** IIIFService._iiif_image_uuid: "type:id:key" (the key may hold colons). */
    private static String[] imageUuid(String uuid) {
        String[] p = uuid.split(":", 3);
        if (p.length < 3) throw shape(uuid, "<record|draft>:<pid_value>:<key>");
        return p;
    }

    /** IIIFService._iiif_uuid: exactly "type:id". */
    private static String[] recordUuid(String uuid) {
        String[] p = uuid.split(":", -1);
        if (p.length != 2) throw shape(uuid, "<record|draft>:<pid_value>");
        return p;
    }

    private static ApiError shape(String uuid, String expected) {
        return new ApiError(400, "The identifier '" + uuid + "' did not match the expected shape '" + expected + "'");
    }

    private static ApiError deleted() {
        return new ApiError(410, "The record associated with this file has been deleted. See deletion notice.");
    }

    /**
     * The files service's get_file_content: a published record ("record") or a draft (any other type); the
     * permission check comes before the deletion check, the key last.
     */
    private FileRef file(Call c, String type, String id, String key) {
        return repo.read(() -> {
            RecordDoc r;
            if (type.equals("record")) {
                r = repo.record(id).orElseThrow(ApiError::notFound);
                if (!AccessRules.canReadFiles(r, c.identity)) throw ApiError.forbidden();
                if (r.deleted()) throw deleted();
            } else {
                r = repo.draft(id).orElseThrow(ApiError::notFound);
                if (!AccessRules.canEdit(r, c.identity)) throw ApiError.forbidden();
            }
            return new FileRef(r, RecordsApi.file(r, key));
        });
    }

    /** The records service's read / read_draft for the Presentation API. */
    private RecordDoc record(Call c, String type, String id) {
        if (type.equals("record")) {
            RecordDoc r = repo.record(id).orElseThrow(ApiError::notFound);
            if (!AccessRules.canReadRecord(r, c.identity)) throw ApiError.forbidden();
            if (r.deleted()) throw deleted();
            return r;
        }
        RecordDoc d = repo.draft(id).orElseThrow(ApiError::notFound);
        if (!AccessRules.canEdit(d, c.identity)) throw ApiError.forbidden();
        return d;
    }

    Reply info(Call c) {
        requireLdJson(c);
        String[] u = imageUuid(c.param("uuid"));
        FileRef f = file(c, u[0], u[1], u[2]);
        ObjectNode o = F.objectNode();
        o.put("protocol", "http://iiif.io/api/image");
        o.putArray("profile").add("http://iiif.io/api/image/2/level2.json");
        ArrayNode scale = o.putArray("tiles").addObject().put("width", TILE).putArray("scaleFactors");
        for (int s = 1; s <= 64; s *= 2) scale.add(s);
        f.file().imageSize().ifPresent(s -> o.put("width", s.width()).put("height", s.height()));
        o.put("@context", IMAGE_CONTEXT);
        if (RecordJson.iiifCompatible(f.file().key)) o.put("@id", RecordJson.iiifBase(f.record(), f.file(), c.api()));
        return ldJson(o);
    }

    /** IIIFResource.base: RedirectException to the file's iiif_info link (301, its JSON body and Location). */
    Reply base(Call c) {
        requireLdJson(c);
        String[] u = imageUuid(c.param("uuid"));
        FileRef f = file(c, u[0], u[1], u[2]);
        // links.iiif_info exists only for IIIF_FORMATS extensions: the real's KeyError is a 500
        if (!RecordJson.iiifCompatible(f.file().key)) throw internal();
        String location = RecordJson.iiifBase(f.record(), f.file(), c.api()) + "/info.json";
        ObjectNode body = F.objectNode()
                .put("status", 301)
                .put("message", "Redirecting...")
                .put("location", location);
        return Reply.bytes(301, "application/json", PyJson.dumps(body)).header("Location", location);
    }

    private static ApiError internal() {
        return new ApiError(500, "Internal server error.");
    }

    Reply manifest(Call c) {
        requireLdJson(c);
        String[] u = recordUuid(c.param("uuid"));
        return repo.read(() -> {
            RecordDoc r = record(c, u[0], u[1]);
            ObjectNode m = F.objectNode();
            JsonNode md = r.metadata;
            if (md.hasNonNull("title")) m.put("label", md.get("title").asText());
            m.putArray("metadata")
                    .addObject()
                    .put("label", "Publication Date")
                    .put("value", md.path("publication_date").asText());
            m.put("description", md.path("description").asText("Manifest generated by InvenioRDM"));
            JsonNode link = md.path("rights").path(0).path("link");
            if (!link.isMissingNode()) m.set("license", link);
            ObjectNode sequence = sequence(r, c, true);
            m.putArray("sequences").add(sequence);
            m.put("@context", PRESENTATION_CONTEXT);
            m.put("@type", "sc:Manifest");
            m.put("@id", c.api() + "/iiif/" + (r.draft ? "draft:" : "record:") + r.id + "/manifest");
            return ldJson(m).header("ETag", "\"" + r.revision + "\"");
        });
    }

    Reply sequence(Call c) {
        requireLdJson(c);
        String[] u = recordUuid(c.param("uuid"));
        return repo.read(() -> {
            RecordDoc r = record(c, u[0], u[1]);
            return ldJson(sequence(r, c, false)).header("ETag", "\"" + r.revision + "\"");
        });
    }

    /** IIIFSequenceV2Schema: the image files of at least one tile each way; the manifest sorts them by canvas id. */
    private ObjectNode sequence(RecordDoc r, Call c, boolean sorted) {
        ObjectNode s = F.objectNode();
        s.put("label", "Current Page Order");
        s.put("viewingDirection", "left-to-right");
        s.put("viewingHint", "individuals");
        List<ObjectNode> canvases = new ArrayList<>();
        if (AccessRules.canReadFiles(r, c.identity)) {
            for (StoredFile f : r.files.values()) {
                if (!f.committed || !MANIFEST_FORMATS.contains(String.valueOf(f.ext()))) continue;
                var size = f.imageSize();
                if (size.isEmpty() || size.get().height() <= TILE || size.get().width() <= TILE) continue;
                canvases.add(canvas(r, f, c.api()));
            }
        }
        if (sorted) canvases.sort(Comparator.comparing(n -> n.path("@id").asText()));
        ArrayNode list = s.putArray("canvases");
        canvases.forEach(list::add);
        s.put("@id", c.api() + "/iiif/" + (r.draft ? "draft:" : "record:") + r.id + "/sequence/default");
        s.put("@type", "sc:Sequence");
        return s;
    }

    Reply canvas(Call c) {
        requireLdJson(c);
        String[] u = recordUuid(c.param("uuid"));
        FileRef f = file(c, u[0], u[1], c.param("name"));
        return ldJson(canvas(f.record(), f.file(), c.api()));
    }

    /** IIIFCanvasV2Schema with its one painting annotation (which has no @id: its link is never set). */
    private static ObjectNode canvas(RecordDoc r, StoredFile f, String api) {
        boolean iiif = RecordJson.iiifCompatible(f.key);
        String base = RecordJson.iiifBase(r, f, api);
        String canvasId = api + "/iiif/" + (r.draft ? "draft:" : "record:") + r.id + "/canvas/" + Urls.quote(f.key);
        var size = f.imageSize();
        ObjectNode cv = F.objectNode();
        cv.put("label", f.key);
        size.ifPresent(s -> cv.put("height", s.height()).put("width", s.width()));
        ObjectNode annotation = cv.putArray("images").addObject();
        annotation.put("motivation", "sc:painting");
        ObjectNode resource = annotation.putObject("resource");
        resource.put("format", f.mimetype);
        size.ifPresent(s -> resource.put("width", s.width()).put("height", s.height()));
        ObjectNode service = resource.putObject("service");
        service.put("@context", IMAGE_CONTEXT);
        if (iiif) service.put("@id", base);
        service.put("profile", "http://iiif.io/api/image/2/level1.json");
        if (iiif) resource.put("@id", base + "/full/full/0/default.png");
        resource.put("@type", "dctypes:Image");
        if (iiif) annotation.put("on", canvasId);
        annotation.put("@context", PRESENTATION_CONTEXT);
        annotation.put("@type", "oa:Annotation");
        cv.put("@context", PRESENTATION_CONTEXT);
        if (iiif) cv.put("@id", canvasId);
        cv.put("@type", "sc:Canvas");
        return cv;
    }

    /** IIIFResource.image_api: validate, read the file, decode, apply, encode; send_file's headers. */
    Reply image(Call c) throws IOException {
        String file = c.param("file");
        int dot = file.lastIndexOf('.');
        if (dot <= 0 || dot == file.length() - 1) {
            throw new ApiError(
                    404,
                    "The requested URL was not found on the server. If you entered the URL manually"
                            + " please check your spelling and try again.");
        }
        String quality = file.substring(0, dot);
        String format = file.substring(dot + 1);
        String region = c.param("region");
        String size = c.param("size");
        String rotation = c.param("rotation");
        IiifImage.validate(region, size, rotation, quality, format);
        String[] u = imageUuid(c.param("uuid"));
        FileRef f = file(c, u[0], u[1], u[2]);
        String fileKey = f.file().fileId + "@" + f.file().updated;
        String answerKey = fileKey + "/" + region + "/" + size + "/" + rotation + "/" + quality + "." + format;
        Answer answer;
        synchronized (answers) {
            answer = answers.get(answerKey);
        }
        if (answer == null) {
            IiifImage img = new IiifImage(picture(fileKey, f.file()));
            img.apply(region, size, rotation, quality);
            answer = new Answer(mimetype(format), img.serve(format));
            remember(answerKey, answer);
        }
        Reply reply = Reply.bytes(200, answer.contentType(), answer.bytes())
                .header("Cache-Control", "no-cache")
                .header("Access-Control-Allow-Origin", "*");
        c.first("dl")
                .ifPresent(dl -> reply.header(
                        "Content-Disposition",
                        "attachment; filename="
                                + downloadName(dl, c.param("uuid"), region, size, quality, rotation, format)));
        return reply;
    }

    private static String mimetype(String format) {
        return switch (format) {
            case "gif" -> "image/gif";
            case "jpg", "jpeg" -> "image/jpeg";
            case "tif", "tiff" -> "image/tiff";
            default -> "image/png";
        };
    }

    /** The resource's ?dl= file name through werkzeug's secure_filename. */
    private static String downloadName(
            String dl, String uuid, String region, String size, String quality, String rotation, String format) {
        String name = secureFilename(dl);
        if (Set.of("", "1", "true").contains(name.toLowerCase())) {
            name = uuid + "-" + region + "-" + size + "-" + quality + "-" + rotation + "." + format;
        }
        return secureFilename(name);
    }

    private static String secureFilename(String s) {
        String joined = String.join("_", s.replace('/', ' ').trim().split("\\s+"));
        String cleaned = joined.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.replaceAll("^[._]+|[._]+$", "");
    }

    /** The file's decoded picture, from the bounded cache or decoded now; 404 when it is not an image. */
    private BufferedImage picture(String fileKey, StoredFile f) throws IOException {
        synchronized (decoded) {
            BufferedImage img = decoded.get(fileKey);
            if (img != null) return img;
        }
        BufferedImage img;
        try (InputStream in = f.bytes.open()) {
            img = IiifImage.decode(in);
        }
        if (img == null) throw new ApiError(404, "The requested image cannot be found.");
        long bytes = 4L * img.getWidth() * img.getHeight();
        synchronized (decoded) {
            if (decoded.put(fileKey, img) == null) decodedBytes += bytes;
            var it = decoded.values().iterator();
            while (decodedBytes > DECODED_BYTES && it.hasNext()) {
                BufferedImage old = it.next();
                if (old == img) break;
                decodedBytes -= 4L * old.getWidth() * old.getHeight();
                it.remove();
            }
        }
        return img;
    }

    private void remember(String key, Answer a) {
        if (a.bytes().length > ANSWER_BYTES / 4) return; // a full-size TIFF would push out everything else
        synchronized (answers) {
            if (answers.put(key, a) == null) answerBytes += a.bytes().length;
            var it = answers.values().iterator();
            while (answerBytes > ANSWER_BYTES && it.hasNext()) {
                Answer old = it.next();
                if (old == a) break;
                answerBytes -= old.bytes().length;
                it.remove();
            }
        }
    }
}
