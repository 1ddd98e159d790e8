package rdmloadtest.invenio;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Retries of calls to the instance under test (Failsafe): on a dropped connection, 429 or 5xx, after the target's
 * Retry-After when it sends one, otherwise with exponential backoff.
 */
public final class Retries {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final Duration USE_BACKOFF = Duration.ofMillis(-1);

    /** One HTTP exchange that may be repeated (a request whose body can be sent again). */
    @FunctionalInterface
    public interface Call<T> {
        HttpResponse<T> send() throws IOException, InterruptedException;
    }

    private Retries() {}

    /**
     * The response of the last attempt (which may still be a 429 or 5xx when attempts ran out).
     *
     * @param onRetry told of every retry: the status (0 for a dropped connection) and the wait
     */
    public static <T> HttpResponse<T> send(int maxAttempts, Call<T> call, Consumer<String> onRetry)
            throws IOException, InterruptedException {
        return send(maxAttempts, FIRST, MAX, call, onRetry);
    }

    /** As {@link #send(int, Call, Consumer)}, with the backoff's first and longest wait. */
    public static <T> HttpResponse<T> send(
            int maxAttempts, Duration first, Duration max, Call<T> call, Consumer<String> onRetry)
            throws IOException, InterruptedException {
        RetryPolicy<HttpResponse<T>> policy = RetryPolicy.<HttpResponse<T>>builder()
                .handle(IOException.class)
                .handleResultIf(r -> r.statusCode() == 429 || r.statusCode() >= 500)
                .withMaxAttempts(maxAttempts)
                .withBackoff(first, max)
                .withDelayFn(ctx -> retryAfter(ctx.getLastResult()))
                .onRetry(e -> onRetry.accept((e.getLastResult() == null
                                ? "connection failed (" + e.getLastException() + ")"
                                : "HTTP " + e.getLastResult().statusCode())
                        + ", attempt " + e.getAttemptCount()))
                .build();
        try {
            return Failsafe.with(policy).get(call::send);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof InterruptedException ie) throw ie;
            throw e;
        }
    }

    /** The target's Retry-After (seconds); a negative duration makes Failsafe use the backoff. */
    private static Duration retryAfter(HttpResponse<?> r) {
        if (r == null) return USE_BACKOFF;
        return r.headers().firstValueAsLong("Retry-After").stream()
                .mapToObj(Duration::ofSeconds)
                .map(d -> d.compareTo(MAX) > 0 ? MAX : d)
                .findFirst()
                .orElse(USE_BACKOFF);
    }
}
