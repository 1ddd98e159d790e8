package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** §10.9: API downloads are counted, but record stats change only when the stats job aggregates. */
class StatsScheduleTest extends AbstractSimulatorTest {
    private static Sim sim;
    private static Fixture.Rec rec;

    @BeforeAll
    static void start() throws Exception {
        List<Fixture.Rec> recs = Fixture.records(12);
        rec = recs.stream()
                .filter(r -> r.hasFiles() && r.accessStatus().equals("open") && r.latest())
                .findFirst()
                .orElseThrow();
        sim = Sim.start(recs, fast("simulator.statsInterval", "1500ms"));
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    @Test
    void downloadsReachStatsOnlyAtTheNextAggregation() throws Exception {
        String path = "/api/records/" + rec.id();
        long before = sim.get(path)
                .expect(200)
                .json()
                .path("stats")
                .path("this_version")
                .path("downloads")
                .asLong();
        sim.get(path + "/files/" + rec.fileKeys().get(0) + "/content").expect(200);
        sim.get(path + "/files/" + rec.fileKeys().get(0) + "/content").expect(200);
        long right = sim.get(path)
                .expect(200)
                .json()
                .path("stats")
                .path("this_version")
                .path("downloads")
                .asLong();
        assertEquals(before, right, "stats changed before the stats job ran");
        Res later = sim.poll(
                path,
                r -> r.json()
                                .path("stats")
                                .path("this_version")
                                .path("downloads")
                                .asLong()
                        > before,
                Duration.ofSeconds(5));
        assertEquals(
                before + 2,
                later.json()
                        .path("stats")
                        .path("this_version")
                        .path("downloads")
                        .asLong());
        assertEquals(
                before + 2,
                later.json()
                        .path("stats")
                        .path("all_versions")
                        .path("downloads")
                        .asLong());
    }

    @Test
    void apiRecordViewsAreNeverCounted() throws Exception {
        String path = "/api/records/" + rec.id();
        for (int i = 0; i < 3; i++) sim.get(path).expect(200);
        Thread.sleep(2000);
        assertEquals(
                0,
                sim.get(path)
                        .json()
                        .path("stats")
                        .path("this_version")
                        .path("views")
                        .asLong());
    }
}
