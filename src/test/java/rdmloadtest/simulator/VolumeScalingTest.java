package rdmloadtest.simulator;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Parsers;
import rdmloadtest.config.Settings;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.PerformanceModel;
import rdmloadtest.simulator.perf.Tier;
import rdmloadtest.simulator.perf.VolumeFit;

/** simulator.records: the performance model's demands follow the committed volume fit, and only a measured one. */
class VolumeScalingTest {
    @TempDir
    Path dir;

    /** search grows 20 ms a decade, record view is flat; OpenSearch's demand grows 3 ms a decade. */
    private Path fit() throws IOException {
        VolumeFit.Fit search = new VolumeFit.Fit("p50", 10, 20, List.of());
        VolumeFit.Fit record = new VolumeFit.Fit("p50", 30, 0, List.of());
        VolumeFit.Fit openSearch = new VolumeFit.Fit("demand", 2, 3, List.of());
        Path f = dir.resolve("fit.json");
        new VolumeFit(
                        VolumeFit.SCHEMA,
                        VolumeFit.MODEL,
                        Map.of(
                                "13",
                                new VolumeFit.Version(
                                        Map.of("search", search, "record", record), Map.of("search", openSearch))))
                .write(f);
        return f;
    }

    private SimulatorSettings settings(String... keyValues) throws IOException {
        Map<String, String> m = new HashMap<>();
        m.put("invenio.version", "13");
        m.put("data.dir", "data/default");
        m.put("simulator.serviceTime.distribution", "fixed");
        m.put("simulator.volumeFit", fit().toString());
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return SimulatorSettings.from(new Settings(ConfigSource.ofMap(m)));
    }

    private static double ratio(double a, double b, long records) {
        return (a + b * Math.log10(records)) / (a + b * Math.log10(VolumeFit.CALIBRATED_RECORDS));
    }

    @Test
    void unsetRecordsLeavesEveryDemandAsConfigured() throws IOException {
        SimulatorSettings plain = settings();
        for (EndpointClass c : EndpointClass.values()) {
            assertEquals(
                    Parsers.parseDuration(c.defaultServiceTime()),
                    plain.serviceTimes().get(c),
                    c.id());
        }
        assertEquals(
                Map.of(Tier.SEARCH, Duration.ofMillis(6), Tier.DATABASE, Duration.ofMillis(1)),
                plain.backendTimes().get(EndpointClass.SEARCH));
    }

    @Test
    void demandsScaleByTheFitAtTheRecordsOverTheFitAtTheDefaults() throws IOException {
        SimulatorSettings s = settings("simulator.records", "1000000");

        assertEquals(25 * ratio(10, 20, 1_000_000), millis(s.serviceTimes().get(EndpointClass.SEARCH)), 1e-6);
        Map<Tier, Duration> backends = s.backendTimes().get(EndpointClass.SEARCH);
        assertEquals(6 * ratio(2, 3, 1_000_000), millis(backends.get(Tier.SEARCH)), 1e-6, "the tier's own fit");
        assertEquals(
                1 * ratio(10, 20, 1_000_000), millis(backends.get(Tier.DATABASE)), 1e-6, "no tier fit: the class's");
        assertEquals(Duration.ofMillis(6), s.serviceTimes().get(EndpointClass.RECORD), "b = 0: unchanged");
        assertEquals(Duration.ofMillis(16), s.serviceTimes().get(EndpointClass.LANDING), "no fit: unchanged");
    }

    @Test
    void atTenTimesTheRecordsTheModelServesAGrowingClassSlowerAndAFlatOneAsFast() throws Exception {
        SimulatorSettings small = settings("simulator.records", "100000");
        SimulatorSettings large = settings("simulator.records", "1000000");

        assertTrue(served(large, EndpointClass.SEARCH) > served(small, EndpointClass.SEARCH));
        assertEquals(served(small, EndpointClass.RECORD), served(large, EndpointClass.RECORD));
        assertEquals(
                millis(large.serviceTimes().get(EndpointClass.SEARCH))
                        + millis(large.backendTimes().get(EndpointClass.SEARCH).get(Tier.SEARCH))
                        + millis(large.backendTimes().get(EndpointClass.SEARCH).get(Tier.DATABASE)),
                served(large, EndpointClass.SEARCH) / 1e6,
                1e-3,
                "one request holds its worker for its own time and its backends'");
    }

    @Test
    void belowTheSmallestSizeMeasuredTheFitIsNotExtrapolated() throws IOException {
        // measured at 1,000 and 100,000 records: 103 lies a decade below, where a + b·log10(103) would be 2.4 ms
        List<VolumeFit.Point> measured =
                List.of(new VolumeFit.Point(1_000, 40, 40, 0, null), new VolumeFit.Point(100_000, 100, 100, 0, null));
        Path f = dir.resolve("measured.json");
        new VolumeFit(
                        VolumeFit.SCHEMA,
                        VolumeFit.MODEL,
                        Map.of(
                                "13",
                                new VolumeFit.Version(
                                        Map.of("search", new VolumeFit.Fit("p50", -50, 30, measured)), Map.of())))
                .write(f);

        SimulatorSettings within = settings("simulator.records", "500", "simulator.volumeFit", f.toString());
        SimulatorSettings large = settings("simulator.records", "1000000", "simulator.volumeFit", f.toString());

        assertEquals(Duration.ofMillis(25), within.serviceTimes().get(EndpointClass.SEARCH), "flat below 1,000");
        assertEquals(
                25 * 130 / 40.0, millis(large.serviceTimes().get(EndpointClass.SEARCH)), 1e-6, "fit(1M)/fit(1000)");
    }

    @Test
    void aVersionWithoutAMeasuredFitIsRefused() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> settings("invenio.version", "14", "simulator.records", "1000"));
        assertTrue(e.getMessage().startsWith("simulator.records=1000: "), e.getMessage());
        assertTrue(e.getMessage().contains("no measurement of InvenioRDM v14"), e.getMessage());
    }

    @Test
    void aFitWithoutAPositiveDemandAtTheRecordsIsRefused() throws IOException {
        Path f = dir.resolve("falling.json");
        new VolumeFit(
                        VolumeFit.SCHEMA,
                        VolumeFit.MODEL,
                        Map.of(
                                "13",
                                new VolumeFit.Version(
                                        Map.of("search", new VolumeFit.Fit("p50", 100, -20, List.of())), Map.of())))
                .write(f);
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> settings("simulator.records", "1000000", "simulator.volumeFit", f.toString()));
        assertTrue(e.getMessage().contains("class search gives -20.00 ms at 1000000 records"), e.getMessage());
    }

    @Test
    void withoutACommittedFitRecordsAreRefused() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> settings(
                        "simulator.records", "1000", "simulator.volumeFit", "classpath:simulator/no-such-fit.json"));
        assertTrue(e.getMessage().contains("no volume fit measured"), e.getMessage());
    }

    /** How long the model holds a worker for one request of the class, on a clock that moves only when told. */
    private static long served(SimulatorSettings s, EndpointClass c) throws Exception {
        long[] now = {0};
        PerformanceModel.Clock clock = new PerformanceModel.Clock() {
            @Override
            public long nanoTime() {
                return now[0];
            }

            @Override
            public void sleepUntil(long deadline) {
                now[0] = Math.max(now[0], deadline);
            }
        };
        PerformanceModel m = new PerformanceModel(
                s.workers(),
                s.serviceTimes(),
                s.backendTimes(),
                s.tierWorkers(),
                s.backgroundTime(),
                s.exponentialServiceTimes(),
                1_000_000,
                clock);
        m.serve(c, Duration.ZERO, t -> null);
        return now[0];
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
