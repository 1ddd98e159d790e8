package rdmloadtest.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;

class SloFileTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultFileCoversEveryRequestTheSimulationsSend() {
        Slo slo = Slo.load(new Settings(ConfigSource.ofMap(Map.of())));
        for (String r : RequestNames.ALL) assertTrue(slo.groupOf(r).isPresent(), r + " is in no SLO group");
        SloGroup view = slo.groupOf("View record").orElseThrow();
        assertEquals("record view", view.name());
        assertEquals(500.0, view.objectives().p95Ms().getAsDouble());
        assertFalse(view.why().isBlank());
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> Slo.read(tmp.resolve("nope.json").toString()));
        assertTrue(
                e.getMessage().startsWith("slo.file='" + tmp.resolve("nope.json") + "': no such file"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLine() throws Exception {
        String m = error("{\n \"groups\": [ {\"name\": \"x\",, } ]\n}");
        assertTrue(m.contains("not valid JSON at line 2"), m);
    }

    @Test
    void anUnknownFieldIsNamed() throws Exception {
        String m = error(group("\"p96Ms\": 500"));
        assertTrue(
                m.endsWith(
                        "groups[0].objectives.p96Ms: unknown field; expected one of maxErrorRatePct, minThroughputRps, p50Ms, p95Ms, p99Ms"),
                m);
    }

    @Test
    void aNegativeObjectiveIsNamed() throws Exception {
        String m = error(group("\"p95Ms\": -5"));
        assertTrue(m.endsWith("groups[0].objectives.p95Ms: -5.0 is negative; expected a number from 0 to any size"), m);
    }

    @Test
    void anErrorRateAbove100IsRejected() throws Exception {
        assertTrue(error(group("\"maxErrorRatePct\": 150"))
                .contains("groups[0].objectives.maxErrorRatePct: 150.0 is too large"));
    }

    @Test
    void anUnknownRequestNameIsATypoNotASilentPass() throws Exception {
        Path f = write(
                "{\"groups\": [{\"name\": \"view\", \"requests\": [\"View records\"], \"objectives\": {\"p95Ms\": 5}}]}");
        String m = assertThrows(ConfigException.class, () -> Slo.read(f.toString()))
                .getMessage();
        assertTrue(
                m.startsWith("slo.file='" + f
                        + "': groups[0].requests[0]: unknown request 'View records'; expected one of Search records,"),
                m);
        assertEquals(1, m.lines().count());
    }

    @Test
    void aRequestInTwoGroupsIsRejected() throws Exception {
        Path f = write(
                "{\"groups\": [{\"name\": \"a\", \"requests\": [\"View record\"], \"objectives\": {\"p95Ms\": 5}},"
                        + "{\"name\": \"b\", \"requests\": [\"View record\"], \"objectives\": {\"p95Ms\": 5}}]}");
        String m = assertThrows(ConfigException.class, () -> Slo.read(f.toString()))
                .getMessage();
        assertTrue(m.endsWith("groups[1].requests[0]: 'View record' is already in group 'a'"), m);
    }

    @Test
    void aGroupWithoutObjectivesIsRejected() throws Exception {
        assertTrue(error(group("")).endsWith("groups[0].objectives: expected at least one objective"));
    }

    @Test
    void theFileIsReadBeforeAnyLoadThroughItsKey() throws Exception {
        Path f = write(group("\"p95Ms\": 250"));
        Slo slo = Slo.load(new Settings(ConfigSource.ofMap(Map.of(SloKeys.SLO_FILE.name(), f.toString()))));
        assertEquals(250.0, slo.groups().get(0).objectives().p95Ms().getAsDouble());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> new Settings(ConfigSource.ofMap(Map.of("slo.warmup", "ten"))).get(SloKeys.WARMUP));
        assertTrue(e.getMessage().startsWith("slo.warmup='ten'"), e.getMessage());
    }

    private static String group(String objectives) {
        return "{\"groups\": [{\"name\": \"record view\", \"requests\": [\"View record\"], \"objectives\": {"
                + objectives + "}}]}";
    }

    private String error(String json) throws Exception {
        Path f = write(json);
        String m = assertThrows(ConfigException.class, () -> Slo.read(f.toString()))
                .getMessage();
        assertTrue(m.startsWith("slo.file='" + f + "': "), m);
        assertEquals(1, m.lines().count(), m);
        return m;
    }

    private Path write(String json) throws Exception {
        Path f = tmp.resolve("slo.json");
        Files.writeString(f, json);
        return f;
    }
}
