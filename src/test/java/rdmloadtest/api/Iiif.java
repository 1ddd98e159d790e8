package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import rdmloadtest.slo.RequestNames;

/**
 * IIIF under /api/iiif: the record's Presentation API 2 manifest and the Image API 2 that InvenioRDM serves for its
 * image files (flask-iiif), each image addressed by the service id the manifest gives (/api/iiif/record:{id}:{key}).
 */
public final class Iiif {
    private Iiif() {}

    private static final JsonFields IMAGES =
            JsonFields.of("sequences[0].canvases[*].images[0].resource.service.@id", "width", "height");

    /** The record's manifest, as the image viewer of the landing page loads it: saves one image's service. */
    public static final HttpRequestActionBuilder MANIFEST = http(RequestNames.IIIF_MANIFEST)
            .get("/api/iiif/record:" + el(RECORD_ID) + "/manifest")
            .check(status().is(200))
            .check(IMAGES.any("sequences[0].canvases[*].images[0].resource.service.@id")
                    .optional()
                    .saveAs(IMAGE_SERVICE));

    private static final String IMAGE = el(IMAGE_SERVICE);

    /** info.json: saves the image's dimensions, from which the viewer asks for tiles. */
    public static final HttpRequestActionBuilder IMAGE_INFO = http(RequestNames.IIIF_IMAGE_INFO)
            .get(IMAGE + "/info.json")
            .check(status().is(200))
            .check(IMAGES.integer("width").gt(0).saveAs(IMAGE_WIDTH))
            .check(IMAGES.integer("height").gt(0).saveAs(IMAGE_HEIGHT));

    /** A 250 px wide thumbnail, as a result list or Zenodo's benchmark asks (Image API 2 size syntax "w,"). */
    public static final HttpRequestActionBuilder THUMBNAIL = http(RequestNames.IIIF_THUMBNAIL)
            .get(IMAGE + "/full/250,/0/default.jpg")
            .check(status().is(200))
            .check(header("Content-Type").is("image/jpeg"));

    /** One tile of the viewer: "tileRegion" (x,y,w,h inside the image) scaled to "tileSize" px wide. */
    public static final HttpRequestActionBuilder TILE = http(RequestNames.IIIF_TILE)
            .get(IMAGE + "/" + el(TILE_REGION) + "/" + el(TILE_SIZE) + ",/0/default.jpg")
            .check(status().is(200))
            .check(header("Content-Type").is("image/jpeg"));
}
