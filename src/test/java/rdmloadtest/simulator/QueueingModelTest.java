package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The performance model: requests queue (FIFO) for simulator.workers workers and hold one for the service
 * time. Bounds are generous: the lower ones follow from the model, the ratios tolerate a noisy machine.
 */
class QueueingModelTest extends AbstractSimulatorTest {
    static final long SERVICE_MS = 200;
    static Sim sim;
    static String recordId;

    @BeforeAll
    static void start() throws Exception {
        var recs = Fixture.records(20);
        recordId = recs.get(0).id();
        sim = Sim.start(recs, fast("simulator.workers", "2", "simulator.serviceTime.record", SERVICE_MS + "ms"));
        for (int i = 0; i < 3; i++) sim.get("/api/records?size=1").expect(200); // warm up
        concurrentReads(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) sim.close();
    }

    /** Completion times (ms since the common start) of n concurrent record reads, sorted. */
    static long[] concurrentReads(int n) throws Exception {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            futures.add(sim.getAsync("/api/records/" + recordId).thenApply((HttpResponse<byte[]> r) -> {
                assertEquals(200, r.statusCode());
                return (System.nanoTime() - t0) / 1_000_000;
            }));
        }
        long[] done = new long[n];
        for (int i = 0; i < n; i++) done[i] = futures.get(i).get();
        Arrays.sort(done);
        return done;
    }

    @Test
    void requestsQueueBehindBusyWorkers() throws Exception {
        long[] two = concurrentReads(2);
        long[] six = concurrentReads(6);
        String seen = "2 concurrent: " + Arrays.toString(two) + " ms, 6 concurrent: " + Arrays.toString(six) + " ms";
        assertTrue(two[0] >= SERVICE_MS - 5, "a request holds a worker for its service time; " + seen);
        assertTrue(six[5] >= 3 * SERVICE_MS - 10, "6 requests on 2 workers take 3 service times; " + seen);
        assertTrue(two[1] < 0.8 * six[5], "2 requests on 2 workers run in parallel; " + seen);
        assertTrue(six[5] >= 1.6 * six[0], "the last of 6 waits for earlier ones; " + seen);
    }

    @Test
    void otherEndpointClassesShareTheWorkers() throws Exception {
        // while both workers are busy with slow record reads, a fast search waits for one of them
        long t0 = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) slow.add(sim.getAsync("/api/records/" + recordId));
        while (sim.simulator.model().busyWorkers() < 2 && System.nanoTime() - t0 < 150_000_000L) Thread.sleep(2);
        assertEquals(2, sim.simulator.model().busyWorkers(), "both workers busy with record reads");
        sim.get("/api/records?size=1").expect(200);
        long searchDone = (System.nanoTime() - t0) / 1_000_000;
        for (var f : slow) assertEquals(200, f.get().statusCode());
        assertTrue(searchDone >= SERVICE_MS - 20, "search finished at " + searchDone + " ms, behind the busy workers");
    }
}
