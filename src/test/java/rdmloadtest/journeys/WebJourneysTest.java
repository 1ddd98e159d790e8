package rdmloadtest.journeys;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The pure parts of the web and IIIF journeys: what they read from a page, which tiles they ask for. */
class WebJourneysTest {
    @Test
    void citationStylesAreReadFromTheLandingPagesDataStyles() {
        // As the real v13 landing page writes it (data-styles of the citation box).
        String dataStyles = "[[\"apa\", \"APA\"], [\"harvard-cite-them-right\", \"Harvard\"],"
                + " [\"modern-language-association\", \"MLA\"], [\"vancouver\", \"Vancouver\"],"
                + " [\"chicago-fullnote-bibliography\", \"Chicago\"], [\"ieee\", \"IEEE\"]]";
        assertEquals(
                List.of(
                        "apa",
                        "harvard-cite-them-right",
                        "modern-language-association",
                        "vancouver",
                        "chicago-fullnote-bibliography",
                        "ieee"),
                LandingPageJourney.citationStyles(dataStyles));
    }

    @Test
    void aBrokenDataStylesFailsTheVisitorWithTheValue() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> LandingPageJourney.citationStyles("[[apa"));
        assertTrue(e.getMessage().contains("[[apa"), e.getMessage());
    }

    @Test
    void tilesStayInsideTheImageAndAreNeverUpscaled() {
        Random rnd = new Random(7);
        int[][] sizes = {{1200, 900}, {4000, 3000}, {300, 200}, {256, 256}, {5000, 120}};
        for (int[] size : sizes) {
            int w = size[0], h = size[1];
            for (int i = 0; i < 2000; i++) {
                IiifJourney.Tile t = IiifJourney.Tile.draw(w, h, rnd);
                String where = w + "x" + h + " " + t;
                assertTrue(t.x() >= 0 && t.y() >= 0 && t.w() > 0 && t.h() > 0, where);
                assertTrue(t.x() + t.w() <= w && t.y() + t.h() <= h, "outside the image: " + where);
                assertTrue(t.width() <= 256, "wider than a tile: " + where);
                assertTrue(t.width() <= t.w(), "upscaled: " + where);
            }
        }
    }

    @Test
    void aLargeImageIsSeenAtSeveralZoomLevels() {
        Random rnd = new Random(11);
        Set<Integer> sides = new TreeSet<>();
        for (int i = 0; i < 500; i++)
            sides.add(IiifJourney.Tile.draw(4000, 3000, rnd).w());
        assertTrue(sides.containsAll(List.of(256, 512, 1024, 2048)), "zoom levels seen: " + sides);
    }
}
