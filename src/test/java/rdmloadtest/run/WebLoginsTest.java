package rdmloadtest.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import rdmloadtest.config.ConfigException;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.config.WebLogin;
import rdmloadtest.mix.Journey;

/** Where logged-in web sessions get their logins, and what happens without any. */
class WebLoginsTest {
    private static LoadTestConfig config(Map<String, String> keys, Map<String, String> env) {
        return LoadTestConfig.from(new Settings(ConfigSource.ofMap(keys)), env);
    }

    @Test
    void theSimulatorsOwnWebUsersLogInByDefault() {
        LoadTestConfig c = config(Map.of(), Map.of());
        assertEquals("loadtest@example.org", c.webLogins().get(0).email());
        assertEquals(2, c.webLogins().size());
        assertTrue(c.traffic().readers().weights().of(Journey.UPLOADS) > 0);
    }

    @Test
    void aRealTargetTakesItsLoginsFromTheEnvironment() {
        LoadTestConfig c = config(
                Map.of("invenio.baseUrl", "http://127.0.0.1:5000"),
                Map.of("INVENIO_WEB_USERS", "a@example.org:pa:ss, b@example.org:x"));
        assertEquals(2, c.webLogins().size());
        assertEquals("pa:ss", c.webLogins().get(0).password(), "a password may hold ':'");
        assertEquals("b@example.org", c.webLogins().get(1).email());
        assertFalse(c.webLogins().get(0).toString().contains("pa:ss"), "a password is never printed");
    }

    @Test
    void withoutLoginsTheDefaultMixLeavesLoggedInSessionsOut() {
        LoadTestConfig c = config(Map.of("invenio.baseUrl", "http://127.0.0.1:5000"), Map.of());
        assertEquals(0, c.traffic().readers().weights().of(Journey.UPLOADS));
        assertTrue(c.traffic().readers().weights().of(Journey.LANDING_PAGE) > 0, "the other web sessions stay");
    }

    @Test
    void anUploadsWeightTheUserGaveWithoutLoginsIsAnError() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> config(Map.of("invenio.baseUrl", "http://127.0.0.1:5000", "traffic.mix.uploads", "5"), Map.of()));
        assertTrue(e.getMessage().startsWith("traffic.mix.uploads='5'"), e.getMessage());
        assertTrue(e.getMessage().contains("INVENIO_WEB_USERS"), e.getMessage());
    }

    @Test
    void aLoginWithoutPasswordNamesTheEntryNotTheSecret() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> WebLogin.parseAll("INVENIO_WEB_USERS", "a@example.org:s3cret,b@example.org"));
        assertTrue(e.getMessage().startsWith("INVENIO_WEB_USERS: entry 2 is not email:password"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
}
