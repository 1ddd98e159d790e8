package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The IIIF Image API 2 and Presentation 2 routes as InvenioRDM v13/v14 answer them (ui-findings §4, the sources). */
class IiifApiTest extends AbstractSimulatorTest {
    static final String PUBLIC = "img01-00001";
    static final String RESTRICTED_FILES = "img02-00002";
    static final String DELETED = "img03-00003";
    static final String PHOTO = "/api/iiif/record:" + PUBLIC + ":photo.png";
    static Sim sim;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("rdm-simulator-iiif");
        try (Writer w = Files.newBufferedWriter(dir.resolve("records.jsonl"))) {
            w.write(JSON.writeValueAsString(record(
                            PUBLIC,
                            "public",
                            "photo.png",
                            250_000,
                            "scan.jpg",
                            150_000,
                            "slide.tif",
                            90_000,
                            "icon.png",
                            3_000,
                            "paper.pdf",
                            5_000))
                    + "\n");
            w.write(JSON.writeValueAsString(record(RESTRICTED_FILES, "restricted", "photo.png", 200_000)) + "\n");
            w.write(JSON.writeValueAsString(record(DELETED, "public", "photo.png", 200_000)) + "\n");
        }
        sim = Sim.start(dir, fast(), true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    private static ObjectNode record(String id, String filesAccess, Object... files) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id).put("created", "2024-01-01T00:00:00+00:00").put("updated", "2024-01-01T00:00:00+00:00");
        o.put("revision_id", 4);
        ObjectNode parent = o.putObject("parent").put("id", "p" + id.substring(1));
        parent.putObject("access").putObject("owned_by").put("user", "1");
        o.putObject("versions").put("index", 1);
        ObjectNode m = o.putObject("metadata");
        m.putObject("resource_type").put("id", "image-photo");
        m.put("title", "Images of " + id).put("publication_date", "2024-05-01").put("publisher", "InvenioRDM");
        o.putObject("access").put("record", "public").put("files", filesAccess);
        ObjectNode entries = o.putObject("files").put("enabled", true).putObject("entries");
        for (int i = 0; i < files.length; i += 2) {
            String key = (String) files[i];
            entries.putObject(key).put("key", key).put("size", ((Number) files[i + 1]).longValue());
        }
        return o;
    }

    private static BufferedImage content(String recordId, String key) throws Exception {
        Res r = sim.get("/api/records/" + recordId + "/files/" + key + "/content")
                .expect(200);
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    private static BufferedImage image(Res r) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertNotNull(img, "not an image: " + r.header("Content-Type"));
        return img;
    }

    @Test
    void infoJsonIsTheRealBodyWithTheFilesDimensions() throws Exception {
        BufferedImage file = content(PUBLIC, "photo.png");
        Res r = sim.get(PHOTO + "/info.json").expect(200);
        assertEquals("application/ld+json", r.header("Content-Type"));
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
        String expected = "{\"protocol\": \"http://iiif.io/api/image\", \"profile\":"
                + " [\"http://iiif.io/api/image/2/level2.json\"], \"tiles\": [{\"width\": 256, \"scaleFactors\":"
                + " [1, 2, 4, 8, 16, 32, 64]}], \"width\": " + file.getWidth() + ", \"height\": " + file.getHeight()
                + ", \"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"" + sim.base
                + PHOTO + "\"}";
        assertEquals(expected, r.text());
    }

    @Test
    void everyGeneratedImageFormatHasItsDimensionsInInfoAndInTheRecord() throws Exception {
        JsonNode entries = sim.get("/api/records/" + PUBLIC)
                .expect(200)
                .json()
                .path("files")
                .path("entries");
        for (String key : List.of("photo.png", "scan.jpg", "slide.tif", "icon.png")) {
            BufferedImage file = content(PUBLIC, key);
            JsonNode info = sim.get("/api/iiif/record:" + PUBLIC + ":" + key + "/info.json")
                    .expect(200)
                    .json();
            assertEquals(file.getWidth(), info.path("width").asInt(), key);
            assertEquals(file.getHeight(), info.path("height").asInt(), key);
            JsonNode meta = entries.path(key).path("metadata");
            assertEquals(file.getWidth(), meta.path("width").asInt(), key);
            assertEquals(file.getHeight(), meta.path("height").asInt(), key);
        }
        assertTrue(entries.path("paper.pdf").path("metadata").isEmpty());
        JsonNode pdfInfo = sim.get("/api/iiif/record:" + PUBLIC + ":paper.pdf/info.json")
                .expect(200)
                .json();
        assertFalse(pdfInfo.has("width"), "a file no decoder reads has no dimensions, as before extraction");
    }

    @Test
    void aThumbnailKeepsTheAspectRatio() throws Exception {
        BufferedImage file = content(PUBLIC, "photo.png");
        Res r = sim.get(PHOTO + "/full/!200,200/0/default.jpg").expect(200);
        assertEquals("image/jpeg", r.header("Content-Type"));
        BufferedImage thumb = image(r);
        double ratio = Math.min(200.0 / file.getWidth(), 200.0 / file.getHeight());
        assertEquals((int) (file.getWidth() * ratio), thumb.getWidth());
        assertEquals((int) (file.getHeight() * ratio), thumb.getHeight());
        BufferedImage png =
                image(sim.get(PHOTO + "/full/!200,200/0/default.png").expect(200));
        assertEquals(thumb.getWidth(), png.getWidth());
    }

    @Test
    void aTileIsCutAndScaled() throws Exception {
        Res r = sim.get(PHOTO + "/0,0,512,512/256,/0/default.jpg").expect(200);
        BufferedImage tile = image(r);
        assertEquals(256, tile.getWidth());
        assertEquals(256, tile.getHeight());
        BufferedImage pct =
                image(sim.get(PHOTO + "/pct:0,0,50,50/full/0/default.png").expect(200));
        BufferedImage file = content(PUBLIC, "photo.png");
        assertEquals(file.getWidth() / 2, pct.getWidth());
    }

    @Test
    void rotationSwapsTheSidesAndGrayHasOneChannel() throws Exception {
        BufferedImage file = content(PUBLIC, "photo.png");
        BufferedImage turned =
                image(sim.get(PHOTO + "/full/full/90/default.png").expect(200));
        assertEquals(file.getHeight(), turned.getWidth());
        assertEquals(file.getWidth(), turned.getHeight());
        BufferedImage mirrored =
                image(sim.get(PHOTO + "/full/full/!0/default.png").expect(200));
        assertEquals(file.getRGB(0, 0), mirrored.getRGB(file.getWidth() - 1, 0));
        BufferedImage gray = image(sim.get(PHOTO + "/full/300,/0/gray.png").expect(200));
        assertEquals(1, gray.getRaster().getNumBands());
        BufferedImage bitonal =
                image(sim.get(PHOTO + "/full/300,/0/bitonal.png").expect(200));
        assertEquals(1, bitonal.getColorModel().getPixelSize());
        assertEquals(
                "image/tiff",
                sim.get(PHOTO + "/full/100,/0/default.tif").expect(200).header("Content-Type"));
        assertEquals(
                "image/gif",
                sim.get(PHOTO + "/full/100,/0/color.gif").expect(200).header("Content-Type"));
    }

    @Test
    void unsupportedParametersAreTheReal400Bodies() throws Exception {
        Res max = sim.get(PHOTO + "/full/max/0/default.png").expect(400);
        assertEquals("application/json", max.header("Content-Type"));
        assertEquals(
                "{\"status\": 400, \"message\": \"The value: `max` for parameter: `size` is not supported\"}",
                max.text());
        assertEquals(85, max.body().length);
        Res webp = sim.get(PHOTO + "/full/!800,800/0/default.webp").expect(400);
        assertEquals(
                "{\"status\": 400, \"message\": \"webp is not supported, please select one of the valid formats:"
                        + " ['pdf', 'gif', 'jp2', 'jpeg', 'jpg', 'png', 'tif', 'tiff']\"}",
                webp.text());
        assertEquals(151, webp.body().length);
        assertEquals(
                "The value: `square` for parameter: `region` is not supported",
                sim.get(PHOTO + "/square/full/0/default.png")
                        .expect(400)
                        .json()
                        .path("message")
                        .asText());
        BufferedImage file = content(PUBLIC, "photo.png");
        assertEquals(
                "Outside of image borders " + file.getWidth() + "," + file.getHeight(),
                sim.get(PHOTO + "/" + (file.getWidth() + 1) + ",0,10,10/full/0/default.png")
                        .expect(400)
                        .json()
                        .path("message")
                        .asText());
        assertEquals(
                "Degrees must be between 0 and 360; -90.0 was given",
                sim.get(PHOTO + "/full/full/450/default.png")
                        .expect(400)
                        .json()
                        .path("message")
                        .asText());
    }

    @Test
    void missingFilesAndPermissionsAreTheFileServicesAnswers() throws Exception {
        assertEquals(
                "The persistent identifier does not exist.",
                sim.get("/api/iiif/record:zzzzz-zzzzz:photo.png/info.json")
                        .expect(404)
                        .json()
                        .path("message")
                        .asText());
        assertEquals(
                "Record '" + PUBLIC + "' has no file 'nope.png'.",
                sim.get("/api/iiif/record:" + PUBLIC + ":nope.png/full/full/0/default.png")
                        .expect(404)
                        .json()
                        .path("message")
                        .asText());
        assertEquals(
                "The requested image cannot be found.",
                sim.get("/api/iiif/record:" + PUBLIC + ":paper.pdf/full/!200,200/0/default.jpg")
                        .expect(404)
                        .json()
                        .path("message")
                        .asText());
        String restricted = "/api/iiif/record:" + RESTRICTED_FILES + ":photo.png";
        assertEquals(
                "Permission denied.",
                sim.get(restricted + "/info.json")
                        .expect(403)
                        .json()
                        .path("message")
                        .asText());
        sim.get(restricted + "/full/!200,200/0/default.jpg").expect(403);
        sim.as(USER1, "GET", restricted + "/full/!200,200/0/default.jpg").expect(200);
        assertEquals(
                "The identifier 'record:" + PUBLIC + "' did not match the expected shape"
                        + " '<record|draft>:<pid_value>:<key>'",
                sim.get("/api/iiif/record:" + PUBLIC + "/info.json")
                        .expect(400)
                        .json()
                        .path("message")
                        .asText());
        sim.get(PHOTO + "/info.json", "Accept", "application/json").expect(406);
    }

    @Test
    void theImageBaseUriRedirectsToItsInfoJson() throws Exception {
        Res r = sim.get(PHOTO).expect(301);
        assertEquals(sim.base + PHOTO + "/info.json", r.header("Location"));
        assertEquals(sim.base + PHOTO + "/info.json", r.json().path("location").asText());
    }

    @Test
    void aDeletedRecordsImagesAndManifestAre410() throws Exception {
        String info = "/api/iiif/record:" + DELETED + ":photo.png/info.json";
        sim.get(info).expect(200);
        sim.json(
                        "DELETE",
                        "/api/records/" + DELETED + "/delete",
                        "{\"removal_reason\": {\"id\": \"spam\"}, \"is_visible\": true}",
                        ADMIN)
                .expect(204);
        String message = "The record associated with this file has been deleted. See deletion notice.";
        assertEquals(message, sim.get(info).expect(410).json().path("message").asText());
        assertEquals(
                message,
                sim.get("/api/iiif/record:" + DELETED + "/manifest")
                        .expect(410)
                        .json()
                        .path("message")
                        .asText());
    }

    @Test
    void theManifestHasOneCanvasPerImageOfAtLeastOneTile() throws Exception {
        Res r = sim.get("/api/iiif/record:" + PUBLIC + "/manifest").expect(200);
        assertEquals("application/ld+json", r.header("Content-Type"));
        assertEquals("\"4\"", r.header("ETag"));
        JsonNode m = r.json();
        assertEquals("sc:Manifest", m.path("@type").asText());
        assertEquals("Images of " + PUBLIC, m.path("label").asText());
        List<String> labels = new ArrayList<>();
        for (JsonNode c : m.path("sequences").path(0).path("canvases")) {
            labels.add(c.path("label").asText());
            BufferedImage file = content(PUBLIC, c.path("label").asText());
            assertEquals(file.getWidth(), c.path("width").asInt());
            assertEquals(file.getHeight(), c.path("height").asInt());
            assertEquals(
                    sim.base + "/api/iiif/record:" + PUBLIC + ":"
                            + c.path("label").asText(),
                    c.path("images")
                            .path(0)
                            .path("resource")
                            .path("service")
                            .path("@id")
                            .asText());
        }
        // sorted by canvas id; the icon is smaller than a tile and the PDF no image
        assertEquals(List.of("photo.png", "scan.jpg", "slide.tif"), labels);
        sim.get("/api/iiif/record:" + RESTRICTED_FILES + "/manifest").expect(200);
        assertEquals(
                0,
                sim.get("/api/iiif/record:" + RESTRICTED_FILES + "/manifest")
                        .json()
                        .path("sequences")
                        .path(0)
                        .path("canvases")
                        .size());
    }

    private static byte[] encoded(String format) throws IOException {
        BufferedImage img = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(400, 250, 400, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** ui-findings §4: the probe record (1200x900 test.png and test.jpg) gave a 318 B info.json, a 2131 B manifest. */
    @Test
    void theProbeRecordOfTheRealMeasurementHasTheRealByteCounts() throws Exception {
        ObjectNode payload = minimalRecord("IIIF probe image record", true);
        String id = sim.json("POST", "/api/records", payload, USER1)
                .expect(201)
                .json()
                .path("id")
                .asText();
        for (String key : List.of("test.png", "test.jpg")) {
            sim.json("POST", "/api/records/" + id + "/draft/files", "[{\"key\": \"" + key + "\"}]", USER1)
                    .expect(201);
            sim.send(
                            "PUT",
                            "/api/records/" + id + "/draft/files/" + key + "/content",
                            "application/octet-stream",
                            encoded(key.endsWith("png") ? "png" : "jpeg"),
                            withAuth(USER1))
                    .expect(200);
            sim.as(USER1, "POST", "/api/records/" + id + "/draft/files/" + key + "/commit")
                    .expect(200);
        }
        JsonNode draftFiles = sim.as(USER1, "GET", "/api/records/" + id + "/draft/files")
                .expect(200)
                .json();
        assertEquals(
                1200,
                draftFiles
                        .path("entries")
                        .path(0)
                        .path("metadata")
                        .path("width")
                        .asInt());
        sim.as(USER1, "POST", "/api/records/" + id + "/draft/actions/publish").expect(202);
        // The real ran on http://127.0.0.1:5000; the manifest names the site 10 times, info.json once.
        int longer = sim.base.length() - "http://127.0.0.1:5000".length();
        assertEquals(
                318 + longer,
                sim.get("/api/iiif/record:" + id + ":test.png/info.json")
                        .expect(200)
                        .body()
                        .length);
        assertEquals(
                2131 + 10 * longer,
                sim.get("/api/iiif/record:" + id + "/manifest").expect(200).body().length);
        BufferedImage thumb = image(sim.get("/api/iiif/record:" + id + ":test.jpg/full/!200,200/0/default.png")
                .expect(200));
        assertEquals(200, thumb.getWidth());
        assertEquals(150, thumb.getHeight());
    }
}
