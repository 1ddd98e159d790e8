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
        return new PerformanceModel(workers, times, false, 1_000_000, clock);
    }

    @Test
    void requestsTakeWorkersInArrivalOrderAndQueueBehindBusyOnes() {
        PerformanceModel m = model(2, 10, new FakeClock());
        List<PerformanceModel.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 5; i++) slots.add(m.take(0, 10 * MS));
        assertEquals(
                List.of(0L, 0L, 10 * MS, 10 * MS, 20 * MS),
                slots.stream().map(PerformanceModel.Slot::start).toList());
        assertEquals(
                List.of(10 * MS, 10 * MS, 20 * MS, 20 * MS, 30 * MS),
                slots.stream().map(PerformanceModel.Slot::end).toList());
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
        PerformanceModel.Slot second = m.take(1 * MS, 10 * MS);
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
}
