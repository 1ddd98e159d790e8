package rdmloadtest.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import rdmloadtest.invenio.InvenioKeys;
import rdmloadtest.mix.Journey;
import rdmloadtest.simulator.SimulatorKeys;
import rdmloadtest.simulator.perf.EndpointClass;

/** The configuration table in docs/configuration.md is the registry's; bad input fails with one line naming key and value. */
class ConfigDocsTest {
    @Test
    void readmeListsEveryKeyWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("docs", "configuration.md"));
        assertTrue(
                readme.contains(Keys.markdownTable()),
                "docs/configuration.md's configuration table differs from Keys.markdownTable(); regenerate it");
    }

    @Test
    void unknownKeyUnderOurPrefixIsRejectedWithASuggestion() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> ConfigSource.ofMap(Map.of("invenio.baseURL", "http://127.0.0.1:5000")));
        assertTrue(
                e.getMessage().contains("invenio.baseURL") && e.getMessage().contains("did you mean invenio.baseUrl"),
                e.getMessage());
    }

    @Test
    void badValueNamesKeyValueAndExpectation() {
        Settings s = new Settings(ConfigSource.ofMap(Map.of("invenio.allowWrites", "yes")));
        ConfigException e = assertThrows(ConfigException.class, () -> s.get(InvenioKeys.ALLOW_WRITES));
        assertEquals(
                "invenio.allowWrites='yes' (system property -Dinvenio.allowWrites): expected true or false",
                e.getMessage());
    }

    @Test
    void tokenIsNeverTakenFromASystemProperty() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> ConfigSource.ofMap(Map.of("invenio.token", "secret-value")));
        assertFalse(e.getMessage().contains("secret-value"));
    }

    @Test
    void missingProfileFileIsAnError() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> ConfigSource.ofMap(Map.of("profile.file", "no/such/file.properties")));
        assertTrue(e.getMessage().startsWith("profile.file='no/such/file.properties'"), e.getMessage());
    }

    @Test
    void systemPropertyBeatsEnvironmentWhichBeatsProfile() {
        Properties p = new Properties();
        p.setProperty("traffic.depositors", "7");
        ConfigSource src = ConfigSource.of(p, Map.of("TRAFFIC_DEPOSITORS", "5", "TRAFFIC_HARVESTERS", "3"));
        Settings s = new Settings(src);
        assertEquals(7, s.get(Journey.DEPOSIT.key()));
        assertEquals(3, s.get(Journey.HARVEST.key()));
    }

    @Test
    void faultSpecRejectsRatesAboveOne() {
        Settings s = new Settings(ConfigSource.ofMap(Map.of("simulator.faults.search", "error=1.5")));
        ConfigException e =
                assertThrows(ConfigException.class, () -> s.get(SimulatorKeys.FAULTS.get(EndpointClass.SEARCH)));
        assertTrue(e.getMessage().startsWith("simulator.faults.search='error=1.5'"), e.getMessage());
    }
}
