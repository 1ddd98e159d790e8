package rdmloadtest.mix;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Keys;
import rdmloadtest.config.Settings;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.slo.RequestNames;
import rdmloadtest.slo.Slo;
import rdmloadtest.slo.SloGroup;

/** What derives from the catalogue of journeys: keys, weights, populations, the docs' table, -Djourney. */
class JourneyCatalogueTest {
    @Test
    void everyRowsKeyIsRegisteredWithItsDefault() {
        for (Journey j : Journey.values())
            assertTrue(Keys.all().contains(j.key()), j + ": " + j.key().name() + " is not in the key registry");
    }

    /** Users' profile files name these keys: a row may be added, but none of these may change name or default. */
    @Test
    void theKeysUsersAlreadyWriteKeepTheirNamesAndDefaults() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("traffic.mix.search", "22");
        before.put("traffic.mix.recordView", "17");
        before.put("traffic.mix.download", "8");
        before.put("traffic.mix.communities", "3");
        before.put("traffic.mix.landingPage", "20");
        before.put("traffic.mix.searchPage", "12");
        before.put("traffic.mix.frontPage", "8");
        before.put("traffic.mix.communityPages", "3");
        before.put("traffic.mix.uploads", "2");
        before.put("traffic.mix.iiif", "5");
        before.put("traffic.depositors", "2");
        before.put("traffic.harvesters", "1");
        Map<String, String> now = new LinkedHashMap<>();
        for (Journey j : Journey.values()) now.put(j.key().name(), j.key().defaultValue());
        before.forEach((name, value) -> assertEquals(value, now.get(name), name));
    }

    @Test
    void aReaderJourneysWeightIsTrafficMixItsId() {
        for (Journey j : Journey.readers())
            assertEquals("traffic.mix." + j.id(), j.key().name());
    }

    @Test
    void theDefaultsGiveEveryReaderItsWeightAndEveryPopulationItsUsers() {
        LoadTestConfig cfg = LoadTestConfig.from(new Settings(ConfigSource.ofMap(Map.of())), Map.of());
        var weights = cfg.traffic().readers().weights();
        for (Journey j : Journey.readers())
            assertEquals(j.defaultLoad(), weights.of(j), j.key().name());
        assertEquals(Journey.readers().stream().mapToInt(Journey::defaultLoad).sum(), weights.total(), "total weight");
        assertEquals(Journey.DEPOSIT.defaultLoad(), cfg.traffic().depositors().count());
        assertEquals(Journey.HARVEST.defaultLoad(), cfg.traffic().harvesters().count());
        assertEquals(List.of(Journey.DEPOSIT, Journey.HARVEST, Journey.CRAWL), Journey.populations());
    }

    @Test
    void aWeightSetToZeroLeavesThatJourneyOutOfTheMix() {
        LoadTestConfig cfg = LoadTestConfig.from(
                new Settings(ConfigSource.ofMap(Map.of(Journey.IIIF.key().name(), "0"))), Map.of());
        assertEquals(0, cfg.traffic().readers().weights().of(Journey.IIIF));
        assertEquals(
                Journey.readers().stream().mapToInt(Journey::defaultLoad).sum() - Journey.IIIF.defaultLoad(),
                cfg.traffic().readers().weights().total());
    }

    /** Every SLO group a row names exists, and what a journey always sends is judged by one of its groups. */
    @Test
    void aJourneysSloGroupsExistAndJudgeWhatItAlwaysSends() {
        Slo slo = Slo.read("classpath:slo/invenio-default.json");
        List<String> groups = slo.groups().stream().map(SloGroup::name).toList();
        for (Journey j : Journey.values()) {
            assertFalse(j.sloGroups().isEmpty(), j + " feeds no SLO group");
            for (String g : j.sloGroups()) assertTrue(groups.contains(g), j + ": no SLO group '" + g + "'");
            assertFalse(j.alwaysSent().isEmpty(), j + " always sends nothing: the gate could not see it never ran");
            for (String request : j.alwaysSent()) {
                assertTrue(RequestNames.ALL.contains(request), j + ": '" + request + "' is not a request name");
                String group = slo.groupOf(request).map(SloGroup::name).orElse("none");
                assertTrue(j.sloGroups().contains(group), j + ": '" + request + "' is judged in " + group);
            }
        }
    }

    @Test
    void onlyTheDepositJourneyWrites() {
        for (Journey j : Journey.values()) assertEquals(j == Journey.DEPOSIT, j.writes(), j.toString());
    }

    @Test
    void docsTableIsTheCatalogues() throws Exception {
        String docs = Files.readString(Path.of("docs", "traffic.md"));
        assertTrue(
                docs.contains(
                        "<!-- journey-table:start -->\n" + JourneyTable.markdown() + "<!-- journey-table:end -->"),
                "docs/traffic.md's table of journeys differs from the catalogue; run scripts/update-config-table.sh");
    }

    @Test
    void journeyKeyTakesEveryIdAndNamesTheChoicesOtherwise() {
        for (Journey j : Journey.values()) {
            Settings s = new Settings(ConfigSource.ofMap(Map.of(MixKeys.JOURNEY.name(), j.id())));
            assertEquals(j, s.get(MixKeys.JOURNEY));
        }
        Settings bad = new Settings(ConfigSource.ofMap(Map.of(MixKeys.JOURNEY.name(), "serach")));
        ConfigException e = assertThrows(ConfigException.class, () -> bad.get(MixKeys.JOURNEY));
        assertTrue(e.getMessage().startsWith("journey='serach'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected one of search, recordView,"), e.getMessage());
    }
}
