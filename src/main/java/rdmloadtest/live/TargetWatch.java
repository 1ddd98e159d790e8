package rdmloadtest.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import rdmloadtest.invenio.InvenioHttp;

/**
 * Whether the target still answers. Two signs that it does not: no HTTP answer for a while and a probe of it fails
 * (refused, timed out, a gateway's 502/503/504), or every answer for a while a server error. The probe tells a dead
 * target from a starved injector: an injector too busy to send still finds a live target answering its probe, and
 * a refused connection or a 503 is the target's, not the injector's, doing.
 */
final class TargetWatch {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    /** Fewest server errors in a row before "every answer a server error" is judged. */
    static final int MIN_ERRORS = 10;

    final long startedMs = System.currentTimeMillis();
    private final String probeUrl;
    private final long afterMs;
    private final HttpClient http;
    private long lastAnswerMs = -1;
    private long lastHealthyMs = -1;
    private long errorsInARow;
    private int lastErrorStatus;

    TargetWatch(String siteUrl, Duration after, boolean insecureTls) {
        this.probeUrl = siteUrl.replaceAll("/+$", "") + "/api/records?size=1";
        this.afterMs = after.toMillis();
        this.http = InvenioHttp.client(insecureTls, URI.create(siteUrl));
    }

    synchronized void answered(long atMs, int status) {
        lastAnswerMs = Math.max(lastAnswerMs, atMs);
        if (status >= 500) {
            errorsInARow++;
            lastErrorStatus = status;
        } else {
            lastHealthyMs = Math.max(lastHealthyMs, atMs);
            errorsInARow = 0;
        }
    }

    /**
     * Judged once a second.
     *
     * @param originMs the run's t+0
     * @return why the target counts as unreachable, if it does
     */
    Optional<String> down(long nowMs, long originMs) {
        long healthy;
        long answer;
        long errors;
        int status;
        synchronized (this) {
            healthy = lastHealthyMs < 0 ? originMs : lastHealthyMs;
            answer = lastAnswerMs < 0 ? originMs : lastAnswerMs;
            errors = errorsInARow;
            status = lastErrorStatus;
        }
        if (nowMs - healthy >= afterMs && errors >= MIN_ERRORS) {
            return Optional.of(since(healthy, originMs) + ": " + errors + " answers in a row were server errors (the"
                    + " last " + status + "), none healthy for " + (nowMs - healthy) / 1000 + " s");
        }
        if (nowMs - answer < afterMs) return Optional.empty();
        return probe().map(why -> since(answer, originMs) + ": no answer for " + (nowMs - answer) / 1000
                + " s, and a probe of " + probeUrl + " " + why);
    }

    private static String since(long ms, long originMs) {
        return "target unreachable since t+" + Math.max(0, (ms - originMs) / 1000) + " s";
    }

    /** Empty when the target answers the probe like a live site; otherwise what went wrong. */
    private Optional<String> probe() {
        try {
            HttpResponse<String> r = InvenioHttp.getJson(http, probeUrl, null, PROBE_TIMEOUT);
            int s = r.statusCode();
            return s == 502 || s == 503 || s == 504 ? Optional.of("answered " + s) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("failed ("
                    + (e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getClass().getSimpleName() + ": " + e.getMessage())
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
