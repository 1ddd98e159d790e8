package rdmloadtest.volume;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;
import rdmloadtest.simulator.perf.VolumeFit;

/**
 * The volume report over capacity reports made from a real one (reports/attribution-real-v13/gunicorn-2x4, 103
 * records) with records, latencies and demands edited to grow as a + b·log10(records).
 */
class VolumeReportTest {
    private static final Path SAMPLE = Path.of("reports/attribution-real-v13/gunicorn-2x4/capacity.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A capacity report of {@code records}: search p50 = 40 + 20·log10 N, record view flat, search tier 2 + 3·log10 N. */
    private Path report(String folder, long records, String version, double searchB) throws IOException {
        ObjectNode c = (ObjectNode) JSON.readTree(SAMPLE.toFile());
        ((ObjectNode) c.get("dataset")).put("records", records);
        if (version != null) ((ObjectNode) c.get("plan")).put("invenio.version", version);
        double log = Math.log10(records);
        c.put("maxSustainableRps", 20 - 3 * log);
        for (JsonNode s : c.get("steps"))
            for (JsonNode g : s.get("groups")) {
                ObjectNode group = (ObjectNode) g;
                if (group.get("name").asText().equals("search")) {
                    group.put("p50Ms", (int) Math.round(40 + searchB * log));
                    group.put("p95Ms", (int) Math.round(400 + 10 * searchB * log));
                }
                if (group.get("name").asText().equals("record view")) group.put("p50Ms", 50);
            }
        for (JsonNode t : c.get("attribution").get("tiers"))
            if (t.get("tier").asText().equals("search")) ((ObjectNode) t).put("demandMs", 2 + 3 * log);
        Path f = Files.createDirectories(dir.resolve("in").resolve(folder));
        JSON.writeValue(f.resolve(VolumeRun.FILE).toFile(), c);
        return f;
    }

    @Test
    void writesTheReportItsChartsAndAFitThatRecoversTheGrowth() throws IOException {
        report("v13-1000", 1_000, null, 20);
        report("v13-10000", 10_000, null, 20);
        report("v13-100000", 100_000, "13", 20);
        report("second-1000", 1_000, "14", 30);
        report("second-100000", 100_000, "14", 30);
        Path out = dir.resolve("out");

        VolumeFit fit = VolumeReport.write(out, dir.resolve("in"), VolumeSeries.read(dir.resolve("in")));

        for (String f : new String[] {
            VolumeReport.FILE,
            VolumeReport.FIT_FILE,
            VolumeCharts.CAPACITY,
            VolumeCharts.P95_COMMON,
            VolumeCharts.P95_LIMIT,
            VolumeCharts.DEMAND
        }) assertTrue(Files.size(out.resolve(f)) > 0, f);
        VolumeFit.Fit search13 = fit.versions().get("13").classes().get("search");
        assertEquals(40, search13.a(), 0.5); // p50s are whole ms
        assertEquals(20, search13.b(), 0.2);
        assertEquals(30, fit.versions().get("14").classes().get("search").b(), 0.2);
        assertEquals(0, fit.versions().get("13").classes().get("record").b(), 1e-9);
        VolumeFit.Fit tier = fit.versions().get("13").tiers().get("search");
        assertEquals(2, tier.a(), 1e-6);
        assertEquals(3, tier.b(), 1e-6);
        assertEquals(3, search13.points().size());
        try (InputStream in = Files.newInputStream(out.resolve(VolumeReport.FIT_FILE))) {
            assertEquals(fit, VolumeFit.read(in), "the file holds the fit");
        }

        String md = Files.readString(out.resolve(VolumeReport.FILE));
        // every search of the sample passed its 10 req/s step: the highest rate they share
        assertTrue(md.contains("At a target of 10 req/s"), md);
        assertTrue(md.contains("| v14 | 100,000 |"), md);
        assertTrue(md.contains("| class search |"), md);
        assertTrue(md.contains("Every search ran the same plan"), md);
    }

    @Test
    void searchesOfAnotherPlanAreSaidToDiffer() throws IOException {
        report("v13-1000", 1_000, null, 20);
        Path other = report("v13-100000", 100_000, null, 20);
        ObjectNode c = (ObjectNode) JSON.readTree(other.resolve(VolumeRun.FILE).toFile());
        ((ObjectNode) c.get("plan")).put("capacity.startRate", "5");
        JSON.writeValue(other.resolve(VolumeRun.FILE).toFile(), c);

        VolumeReport.write(dir.resolve("out"), dir.resolve("in"), VolumeSeries.read(dir.resolve("in")));

        String md = Files.readString(dir.resolve("out").resolve(VolumeReport.FILE));
        assertTrue(md.contains("**The searches' plans differ**"), md);
        assertTrue(md.contains("`capacity.startRate` (1, 5)"), md);
    }

    @Test
    void searchesTheInjectorCouldNotDriveAreReportedWithTheirPointsMarked() throws IOException {
        for (long n : new long[] {1_000, 100_000}) {
            Path f = report("v13-" + n, n, null, 20);
            ObjectNode c = (ObjectNode) JSON.readTree(f.resolve(VolumeRun.FILE).toFile());
            // what a search on a busy machine writes: every step after the warm-up lagging, no capacity, no attribution
            for (JsonNode st : c.get("steps")) {
                if (st.get("phase").asText().equals("warmup")) continue;
                ((ObjectNode) st).put("passed", false);
                ((ObjectNode) st.get("injector")).put("valid", false);
            }
            c.putNull("maxSustainableRps");
            c.putNull("maxSustainableStep");
            c.put("injectorBoundAtRps", 0.5);
            c.putNull("attribution");
            JSON.writeValue(f.resolve(VolumeRun.FILE).toFile(), c);
        }

        VolumeFit fit = VolumeReport.write(dir.resolve("out"), dir.resolve("in"), VolumeSeries.read(dir.resolve("in")));

        String md = Files.readString(dir.resolve("out").resolve(VolumeReport.FILE));
        assertTrue(md.contains("none: injector-bound at 0.50"), md);
        assertTrue(md.contains("**Warning:** the injector lagged"), md);
        assertTrue(md.contains("None: the searches share no target rate"), md);
        assertTrue(md.contains("None: no search found a max sustainable rate"), md);
        VolumeFit.Fit search = fit.versions().get("13").classes().get("search");
        assertEquals(20, search.b(), 0.2, "still fitted, from the lagging steps");
        for (VolumeFit.Point p : search.points()) assertEquals(VolumeFitting.LAGGED, p.note());
        assertTrue(fit.versions().get("13").tiers().isEmpty());
    }

    @Test
    void twoSearchesOfTheSameVersionAndSizeAreRefusedNamingBoth() throws IOException {
        Path first = report("v13-1000", 1_000, null, 20);
        Path again = report("v13-1000-again", 1_000, null, 20);
        report("v13-10000", 10_000, null, 20);

        ConfigException e = assertThrows(ConfigException.class, () -> VolumeSeries.read(dir.resolve("in")));

        assertTrue(
                e.getMessage().contains(first.toString()) && e.getMessage().contains(again.toString()), e.getMessage());
    }

    @Test
    void aVersionMeasuredAtOneSizeIsRefused() throws IOException {
        report("v13-1000", 1_000, null, 20);
        report("v13-10000", 10_000, null, 20);
        Path lone = report("v14-1000", 1_000, null, 20);

        ConfigException e = assertThrows(ConfigException.class, () -> VolumeSeries.read(dir.resolve("in")));

        assertTrue(e.getMessage().startsWith(lone.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("at least 2 sizes"), e.getMessage());
    }

    @Test
    void aPlanAndAFolderNameThatDisagreeAreRefused() throws IOException {
        Path f = report("v14-1000", 1_000, "13", 20);

        ConfigException e = assertThrows(ConfigException.class, () -> VolumeRun.read(f));

        assertTrue(
                e.getMessage().contains("invenio.version=13") && e.getMessage().contains("v14"), e.getMessage());
    }

    @Test
    void aReportWithoutAVersionIsRefused() throws IOException {
        Path f = report("run-a", 1_000, null, 20);

        ConfigException e = assertThrows(ConfigException.class, () -> VolumeRun.read(f));

        assertTrue(e.getMessage().startsWith(f.resolve(VolumeRun.FILE).toString()), e.getMessage());
    }

    @Test
    void theCommandWritesTheFitWhereVolumeFitSaysAndExitsZero() throws IOException {
        report("v13-1000", 1_000, null, 20);
        report("v13-100000", 100_000, null, 20);
        Path copy = dir.resolve("resources/volume-fit.json");
        Files.createDirectories(copy.getParent());

        int status = withProperties(
                Map.of(
                        "volume.in", dir.resolve("in").toString(),
                        "volume.out", dir.resolve("out").toString(),
                        "volume.fit", copy.toString()),
                () -> Command.status(() -> VolumeMain.main(new String[0])));

        assertEquals(Command.OK, status);
        assertEquals(Files.readString(dir.resolve("out").resolve(VolumeReport.FIT_FILE)), Files.readString(copy));
    }

    private static int withProperties(Map<String, String> props, IntSupplier body) {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            props.forEach(System::setProperty);
            return body.getAsInt();
        } finally {
            System.setProperties(saved);
        }
    }
}
