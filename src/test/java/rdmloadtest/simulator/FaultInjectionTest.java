package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** simulator.faults.<class>: error → 500, reset → dropped connection, spike → added latency; other classes unharmed. */
class FaultInjectionTest extends AbstractSimulatorTest {
    static Sim sim;
    static String recordId;

    @BeforeAll
    static void start() throws Exception {
        var recs = Fixture.records(20);
        recordId = recs.get(0).id();
        sim = Sim.start(
                recs,
                fast(
                        "simulator.faults.record", "error=1.0",
                        "simulator.faults.files", "reset=1.0",
                        "simulator.faults.communities", "spike=1.0@300ms"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    @Test
    void errorFaultAnswers500() throws Exception {
        Res r = sim.get("/api/records/" + recordId).expect(500);
        assertEquals(500, r.json().path("status").asInt());
    }

    @Test
    void resetFaultDropsTheConnection() {
        assertThrows(IOException.class, () -> sim.get("/api/records/" + recordId + "/files"));
    }

    @Test
    void spikeFaultAddsLatency() throws Exception {
        sim.get("/api/records").expect(200); // warm up the connection
        long t0 = System.nanoTime();
        sim.get("/api/communities").expect(200);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 300, "spiked request took " + ms + " ms");
    }

    @Test
    void classesWithoutFaultsAreUnharmed() throws Exception {
        for (int i = 0; i < 20; i++) sim.get("/api/records?size=1").expect(200);
        sim.get("/api/records/" + recordId + "/files-archive").expect(200);
    }
}
