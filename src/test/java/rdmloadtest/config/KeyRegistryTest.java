package rdmloadtest.config;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every package registers its own keys; the registry finds them all and still rejects typos under their prefixes. */
class KeyRegistryTest {
    @Test
    void keysOfEveryPackageAreKnown() {
        for (String name : List.of(
                "profile",
                "invenio.baseUrl",
                "invenio.insecureTls",
                "traffic.readers.rate",
                "simulator.port",
                "slo.file",
                "slo.resultsFolder",
                "capacity.startRate",
                "datagen.records",
                "harvest.rate",
                "seed.concurrency",
                "merge.in",
                "conformance.real",
                "bench.users")) {
            assertTrue(Keys.byName(name).isPresent(), name + " is not registered");
        }
    }

    @Test
    void aTypoUnderAnyPackagesPrefixIsRejectedWithTheNearestKey() {
        for (Map.Entry<String, String> typo : Map.of(
                        "merge.inn",
                        "merge.in",
                        "datagen.record",
                        "datagen.records",
                        "harvest.rates",
                        "harvest.rate",
                        "bench.user",
                        "bench.users")
                .entrySet()) {
            ConfigException e =
                    assertThrows(ConfigException.class, () -> ConfigSource.ofMap(Map.of(typo.getKey(), "1")));
            assertTrue(
                    e.getMessage()
                            .startsWith(typo.getKey() + " (system property): unknown configuration key; did you mean "
                                    + typo.getValue() + "?"),
                    e.getMessage());
        }
    }

    /** On an InvenioRDM host its own configuration is in INVENIO_* variables: only a near miss of ours is a typo. */
    @Test
    void invenioRdmsOwnVariablesAreLeftToItButATypoOfOursIsNot() {
        ConfigSource.of(
                new Properties(),
                Map.of(
                        "INVENIO_INSTANCE_PATH", "/opt/invenio/var/instance",
                        "INVENIO_SQLALCHEMY_DATABASE_URI", "postgresql+psycopg2://invenio@localhost/invenio",
                        "INVENIO_SEARCH_INDEX_PREFIX", "rdm-"));
        ConfigException e = assertThrows(
                ConfigException.class, () -> ConfigSource.of(new Properties(), Map.of("INVENIO_BASEURL", "x")));
        assertTrue(e.getMessage().contains("did you mean INVENIO_BASE_URL?"), e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigSource.of(new Properties(), Map.of("TRAFFIC_NOPE", "1")));
    }

    @Test
    void namesOutsideOurPrefixesAreLeftToOthers() {
        assertFalse(Keys.isOwned("gatling.charting.indicators.lowerBound"));
        assertFalse(Keys.isOwned("simulation"));
        assertTrue(Keys.isOwned("simulator.nope"));
    }

    @Test
    void everyKeyHasADocAndIsDeclaredOnce() {
        List<Key<?>> all = Keys.all();
        assertEquals(all.size(), all.stream().map(Key::name).distinct().count());
        for (Key<?> k : all) assertFalse(k.doc().isBlank(), k.name());
    }
}
