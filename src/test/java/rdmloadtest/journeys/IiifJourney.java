package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Iiif;

/**
 * An image viewed through IIIF, as the landing page's image viewer and Zenodo's own benchmark (iiif.py) load it: the
 * record's manifest, the image's info.json, a thumbnail, then tiles of random regions at a random zoom.
 */
public final class IiifJourney {
    private static final int TILE_PX = 256;
    private static final int[] ZOOM_OUT = {1, 2, 4, 8};

    private IiifJourney() {}

    /**
     * @param imageRecords rows with record_id: records that hold an image file
     * @param meanTiles tiles after the thumbnail, on average (traffic.iiif.tiles; a 1000 x 700 viewport holds about a
     *     dozen 256 px tiles)
     */
    public static ChainBuilder view(Iterator<Map<String, Object>> imageRecords, Chance chance, int meanTiles) {
        return feed(imageRecords)
                .exec(s -> s.set(RECORD_ID, s.getString(RECORD_ID_COLUMN)).remove(IMAGE_SERVICE))
                .exitBlockOnFail()
                .on(exec(Iiif.MANIFEST)
                        .doIf(s -> s.contains(IMAGE_SERVICE))
                        .then(exec(Iiif.IMAGE_INFO)
                                .exec(Iiif.THUMBNAIL)
                                .repeat(s -> chance.always() ? 1 : tiles(meanTiles))
                                .on(exec(IiifJourney::drawTile).exec(Iiif.TILE))));
    }

    /** Evenly from half to one and a half times the mean (8: 4 to 12). */
    static int tiles(int mean) {
        int min = mean / 2;
        return min + ThreadLocalRandom.current().nextInt(2 * (mean - min) + 1);
    }

    /** A tile of the grid at a zoom level that fits the image. */
    static Session drawTile(Session s) {
        Tile t = Tile.draw(s.getInt(IMAGE_WIDTH), s.getInt(IMAGE_HEIGHT), ThreadLocalRandom.current());
        return s.set(TILE_REGION, t.region()).set(TILE_SIZE, t.width());
    }

    /**
     * A viewer's tile: the region x,y,w,h of a grid of squares of 256 px times the zoom-out, clipped at the image's
     * edges, asked for at 256 px per square (an edge tile proportionally narrower, never upscaled), as OpenSeadragon
     * does.
     */
    record Tile(int x, int y, int w, int h, int width) {
        static Tile draw(int imageWidth, int imageHeight, Random rnd) {
            int zoomOut = ZOOM_OUT[rnd.nextInt(ZOOM_OUT.length)];
            while (zoomOut > 1 && TILE_PX * zoomOut > Math.max(imageWidth, imageHeight)) zoomOut /= 2;
            int side = TILE_PX * zoomOut;
            int x = rnd.nextInt((imageWidth + side - 1) / side) * side;
            int y = rnd.nextInt((imageHeight + side - 1) / side) * side;
            int w = Math.min(side, imageWidth - x);
            int h = Math.min(side, imageHeight - y);
            return new Tile(x, y, w, h, Math.max(1, (w + zoomOut - 1) / zoomOut));
        }

        String region() {
            return x + "," + y + "," + w + "," + h;
        }
    }
}
