package rdmloadtest.journeys;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PagesPerVisitTest {
    @Test
    void aSessionsPagesHaveTheConfiguredMean() {
        Random rnd = new Random(42);
        long sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            int pages = PagesPerVisit.draw(2.5, rnd);
            assertTrue(pages >= 1 && pages <= PagesPerVisit.MAX_PAGES, "pages " + pages);
            sum += pages;
        }
        assertEquals(2.5, (double) sum / n, 0.02);
        assertEquals(1, PagesPerVisit.draw(0.5, rnd), "at least the journey's first page");
    }

    @Test
    void iiifTilesSpreadEvenlyAroundTheirMean() {
        long sum = 0;
        for (int i = 0; i < 100_000; i++) {
            int t = IiifJourney.tiles(8);
            assertTrue(t >= 4 && t <= 12, "tiles " + t);
            sum += t;
        }
        assertEquals(8, sum / 100_000.0, 0.05);
        assertEquals(0, IiifJourney.tiles(0));
    }
}
