package rdmloadtest.simulator.perf;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model's arithmetic on a clock of its own: no wall time, so it holds on a busy machine. */
class PerformanceModelTest {
    private static final long MS = 1_000_000;

    /** A clock that only moves when told; sleeping moves it to the deadline. */
    private static final class FakeClock implements PerformanceModel.Clock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadline) {
            now = Math.max(now, deadline);
        }
    }

    private static PerformanceModel model(int workers, long serviceMs, FakeClock clock) {
        Map<EndpointClass, Duration> times = new EnumMap<>(EndpointClass.class);
        for (EndpointClass c : EndpointClass.values()) times.put(c, Duration.ofMillis(serviceMs));
        return new PerformanceModel(workers, times, Map.of(), Map.of(), false, 1_000_000, clock);
    }

    @Test
    void requestsTakeWorkersInArrivalOrderAndQueueBehindBusyOnes() {
        PerformanceModel m = model(2, 10, new FakeClock());
        List<Station.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 5; i++) slots.add(m.take(0, 10 * MS));
        assertEquals(
                List.of(0L, 0L, 10 * MS, 10 * MS, 20 * MS),
                slots.stream().map(Station.Slot::start).toList());
        assertEquals(
                List.of(10 * MS, 10 * MS, 20 * MS, 20 * MS, 30 * MS),
                slots.stream().map(Station.Slot::end).toList());
    }

    @Test
    void capacityIsExactlyWorkersOverServiceTime() {
        PerformanceModel m = model(4, 20, new FakeClock());
        long lastEnd = 0;
        for (int i = 0; i < 1000; i++)
            lastEnd = Math.max(lastEnd, m.take(0, 20 * MS).end());
        assertEquals(200.0, 1000 / (lastEnd / 1e9), 1e-9, "4 workers / 20 ms");
    }

    @Test
    void theRealWorkIsCountedInsideTheServiceTime() throws Exception {
        FakeClock clock = new FakeClock();
        PerformanceModel m = model(1, 10, clock);
        String r = m.serve(EndpointClass.RECORD, Duration.ZERO, t -> {
            clock.now += 3 * MS; // answering took 3 ms of the 10
            return "ok";
        });
        assertEquals("ok", r);
        assertEquals(10 * MS, clock.now, "held for exactly the modelled 10 ms, not 13");
        assertEquals(0L, m.overruns().get(EndpointClass.RECORD));
        assertEquals(20 * MS, m.take(10 * MS, 10 * MS).end(), "the next request starts when the first ended");
    }

    @Test
    void realWorkLongerThanTheModelledTimeIsCountedNotHidden() throws Exception {
        FakeClock clock = new FakeClock();
        PerformanceModel m = model(1, 10, clock);
        m.serve(EndpointClass.SEARCH, Duration.ZERO, t -> {
            clock.now += 12 * MS;
            return null;
        });
        assertEquals(12 * MS, clock.now);
        assertEquals(1L, m.overruns().get(EndpointClass.SEARCH));
        assertEquals(0L, m.overruns().get(EndpointClass.RECORD));
    }

    @Test
    void aLateWakeUpDoesNotCostCapacity() {
        // The second request arrives while the worker is busy; whenever its thread actually wakes, its service started
        // when the first one ended: the worker's time is virtual, not the thread's.
        PerformanceModel m = model(1, 10, new FakeClock());
        m.take(0, 10 * MS);
        Station.Slot second = m.take(1 * MS, 10 * MS);
        assertEquals(10 * MS, second.start());
        assertEquals(20 * MS, second.end());
    }

    @Test
    void busyWorkersAreThoseHoldingARequestNow() {
        FakeClock clock = new FakeClock();
        PerformanceModel m = model(3, 10, clock);
        m.take(0, 10 * MS);
        m.take(0, 10 * MS);
        assertEquals(2, m.busyWorkers());
        clock.now = 10 * MS;
        assertEquals(0, m.busyWorkers());
    }

    /** App workers with 1 ms of their own; searches also call OpenSearch, record reads PostgreSQL. */
    private static PerformanceModel tiered(int appWorkers, int searchWorkers, long searchMs, FakeClock clock) {
        Map<EndpointClass, Duration> times = new EnumMap<>(EndpointClass.class);
        for (EndpointClass c : EndpointClass.values()) times.put(c, Duration.ofMillis(1));
        return new PerformanceModel(
                appWorkers,
                times,
                Map.of(
                        EndpointClass.SEARCH, Map.of(Tier.SEARCH, Duration.ofMillis(searchMs)),
                        EndpointClass.RECORD, Map.of(Tier.DATABASE, Duration.ofMillis(3))),
                Map.of(Tier.SEARCH, searchWorkers),
                false,
                1_000_000,
                clock);
    }

    @Test
    void theAppWorkerIsHeldWhileItWaitsForItsBackend() throws Exception {
        PerformanceModel m = tiered(4, 1, 10, new FakeClock());
        PerformanceModel.Visit v = m.plan(0, EndpointClass.RECORD, 0);
        assertEquals(0, v.app().start());
        assertEquals(4 * MS, v.app().end(), "1 ms of its own, then 3 ms of PostgreSQL");
        assertEquals(1, v.backends().size());
        assertEquals(Tier.DATABASE, v.backends().get(0).tier());
        assertEquals(1 * MS, v.backends().get(0).start());
    }

    @Test
    void aBackendWithFewWorkersLimitsAtItsWorkersOverItsDemand() throws Exception {
        // 8 app workers could serve 8 / 1 ms; OpenSearch's 2 workers at 10 ms a search allow 200 searches/s.
        PerformanceModel m = tiered(8, 2, 10, new FakeClock());
        long lastEnd = 0;
        for (int i = 0; i < 1000; i++)
            lastEnd = Math.max(lastEnd, m.plan(0, EndpointClass.SEARCH, 0).app().end());
        assertEquals(200.0, 1000 / (lastEnd / 1e9), 0.5, "2 search workers / 10 ms");
    }

    @Test
    void eachTierCountsItsHeldTimeOwnServiceAndCompletions() throws Exception {
        FakeClock clock = new FakeClock();
        PerformanceModel m = tiered(2, 1, 10, clock);
        for (int i = 0; i < 3; i++) m.serve(EndpointClass.SEARCH, Duration.ZERO, t -> null);
        Map<Tier, PerformanceModel.TierStats> byTier = new EnumMap<>(Tier.class);
        m.tiers().forEach(t -> byTier.put(t.tier(), t));
        PerformanceModel.TierStats app = byTier.get(Tier.APP);
        PerformanceModel.TierStats search = byTier.get(Tier.SEARCH);
        assertEquals(3, app.completions());
        assertEquals(0.033, app.busySeconds(), 1e-9, "held 11 ms each: its own 1 ms and OpenSearch's 10");
        assertEquals(0.003, app.serviceSeconds(), 1e-9, "its own work only");
        assertEquals(3, search.completions());
        assertEquals(0.030, search.busySeconds(), 1e-9);
        assertEquals(0, byTier.get(Tier.DATABASE).completions(), "searches do not call PostgreSQL here");
        assertEquals(3L, m.served().get(EndpointClass.SEARCH));
    }

    @Test
    void requestsWaitingForABusyBackendAreItsQueue() throws Exception {
        FakeClock clock = new FakeClock();
        PerformanceModel m = tiered(8, 1, 10, clock);
        for (int i = 0; i < 4; i++) m.plan(0, EndpointClass.SEARCH, 0);
        clock.now = 2 * MS;
        Map<Tier, PerformanceModel.TierStats> byTier = new EnumMap<>(Tier.class);
        m.tiers().forEach(t -> byTier.put(t.tier(), t));
        assertEquals(1, byTier.get(Tier.SEARCH).busy());
        assertEquals(3, byTier.get(Tier.SEARCH).queued(), "one in service, three waiting");
        assertEquals(4, byTier.get(Tier.APP).busy(), "their app workers wait with them");
    }

    @Test
    void backendTimesNameTheirTier() {
        assertEquals(
                Map.of(Tier.SEARCH, Duration.ofMillis(6), Tier.DATABASE, Duration.ofNanos(500_000)),
                BackendTimes.parse("search=6ms, database=0.5ms"));
        assertEquals(Map.of(), BackendTimes.parse("none"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BackendTimes.parse("opensearch=6ms"));
        assertTrue(e.getMessage().contains("unknown tier 'opensearch'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackendTimes.parse("app=6ms"));
    }

    @Test
    void aDownloadHoldsItsWorkerUntilItsLastByteAndNoOneIsGivenItsTime() throws Exception {
        PerformanceModel m = model(2, 10, new FakeClock());
        m.plan(0, EndpointClass.DOWNLOAD, 0); // worker 0, streaming for as long as it takes
        Station.Slot first = m.plan(0, EndpointClass.RECORD, 0).app();
        Station.Slot second = m.plan(0, EndpointClass.RECORD, 0).app();
        assertEquals(1, first.worker());
        assertEquals(1, second.worker(), "not worker 0, whose download has not ended");
        assertEquals(10 * MS, second.start());
    }

    @Test
    void aStreamedDownloadIsCountedForAsLongAsItsBytesFlow() throws Exception {
        FakeClock clock = new FakeClock();
        // 1 MB/s: 20 000 bytes take 20 ms after the 10 ms of service.
        PerformanceModel m = model(1, 10, clock);
        m.serve(EndpointClass.DOWNLOAD, Duration.ZERO, t -> {
            t.pace(20_000);
            return null;
        });
        assertEquals(30 * MS, clock.now);
        Station.Slot next = m.plan(clock.now, EndpointClass.RECORD, 0).app();
        assertEquals(30 * MS, next.start(), "the worker is free when the last byte is");
        assertEquals(0.030, m.tiers().get(0).busySeconds(), 1e-9);
    }

    /** One background worker at 2 s a record, no app time. */
    private static PerformanceModel background(int workers, FakeClock clock) {
        return new PerformanceModel(
                4,
                Map.of(),
                Map.of(),
                Map.of(Tier.BACKGROUND, workers),
                Duration.ofSeconds(2),
                false,
                1_000_000,
                clock);
    }

    private static PerformanceModel.TierStats stats(PerformanceModel m, Tier t) {
        return m.tiers().stream().filter(s -> s.tier() == t).findFirst().orElseThrow();
    }

    @Test
    void publishedRecordsQueueForTheBackgroundWorkersInOrder() {
        FakeClock clock = new FakeClock();
        PerformanceModel m = background(1, clock);
        assertEquals(Duration.ofSeconds(2), m.background());
        assertEquals(Duration.ofSeconds(4), m.background(), "waits for the first record, then its own 2 s");
        assertEquals(Duration.ofSeconds(6), m.background());
        PerformanceModel.TierStats at0 = stats(m, Tier.BACKGROUND);
        assertEquals(1, at0.busy());
        assertEquals(2, at0.queued(), "two records wait for the one worker");
        assertEquals(0, at0.completions());
        clock.now = 5_000 * MS;
        PerformanceModel.TierStats at5 = stats(m, Tier.BACKGROUND);
        assertEquals(0, at5.queued());
        assertEquals(2, at5.completions(), "done at 2 and 4 s");
        assertEquals(4.0, at5.busySeconds(), 1e-9);
        assertEquals(0, stats(m, Tier.APP).completions(), "no app worker was held");
    }

    @Test
    void twoBackgroundWorkersDrainTwiceAsFast() {
        PerformanceModel m = background(2, new FakeClock());
        List<Duration> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) done.add(m.background());
        assertEquals(
                List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4)),
                done);
    }

    @Test
    void withoutBackgroundTimeARecordIsIndexedAtOnce() {
        FakeClock clock = new FakeClock();
        PerformanceModel m = model(2, 10, clock);
        assertEquals(Duration.ZERO, m.background());
        assertEquals(Duration.ZERO, m.background());
        assertEquals(2, stats(m, Tier.BACKGROUND).completions());
        assertEquals(0, stats(m, Tier.BACKGROUND).queued());
    }
}
