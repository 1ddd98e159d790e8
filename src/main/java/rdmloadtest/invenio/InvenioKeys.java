package rdmloadtest.invenio;

import static rdmloadtest.config.Parsers.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of the InvenioRDM instance under test: where it is, which version, what may be done to it. */
public final class InvenioKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<URI> BASE_URL = KEYS.add(
            "invenio.baseUrl",
            null,
            "Site URL of the InvenioRDM to test (e.g. https://repo.example.org); absent: the embedded simulator.",
            baseUrl());
    public static final Key<Boolean> ALLOW_WRITES = KEYS.add(
            "invenio.allowWrites",
            "false",
            "Allow deposit journeys (drafts, uploads, publish) against a non-local target.",
            bool());
    public static final Key<Long> MAX_UPLOAD = KEYS.add(
            "invenio.maxUploadSize",
            "100m",
            "The target's request body limit (InvenioRDM v14's MAX_CONTENT_LENGTH, 100 MiB, refuses a body of this size"
                    + " or more with 413); the seeder and the deposit journeys cap larger files to one byte less, and count"
                    + " them.",
            bytes(1L << 40));
    public static final Key<String> INVENIO_VERSION = KEYS.add(
            "invenio.version",
            "13",
            "InvenioRDM major version of the target (13 or 14): facets, sorts and vocabularies differ.",
            choice("13", "14"));
    public static final Key<String> USER_AGENT = KEYS.add(
            "invenio.userAgent",
            "rdm-loadtest/0.1 (+Gatling)",
            "User-Agent sent; InvenioRDM's rate limiter keys on User-Agent plus client IP.",
            text());
    public static final Key<Duration> PREFLIGHT_TIMEOUT = KEYS.add(
            "invenio.preflightTimeout",
            "60s",
            "How long the pre-flight check waits for each answer before it stops the command: a cold target's first"
                    + " search (the embedded simulator's on a crowded machine) can take more than 15 s.",
            duration());
    public static final Key<Boolean> USER_AGENT_PER_SESSION = KEYS.add(
            "invenio.userAgentPerSession",
            "false",
            "Each virtual user adds its number to the User-Agent (\"... session/17\"), the crawler's too, so an access"
                    + " log tells the sessions apart (calibrate's fidelity check sets it; the rate limiter then counts"
                    + " each apart).",
            bool());
    public static final Key<Boolean> INSECURE_TLS = KEYS.add(
            "invenio.insecureTls",
            "false",
            "Accept any certificate and host name from the target (a local instance's self-signed one) in harvest, seed"
                    + " and the pre-flight check: only the client that talks to the target is relaxed, with a"
                    + " warning. Gatling's own client accepts any certificate whatever this says (its default).",
            bool());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
