package rdmloadtest.run;

/**
 * The subject every record and draft a run creates carries from its first request ({@code rdm-loadtest:<run id>}):
 * cleanup and the draft ledger find them by it. Seeded records carry {@code rdm-loadtest:seed}.
 */
public final class RunMarker {
    private static final String PREFIX = "rdm-loadtest:";

    private RunMarker() {}

    public static String of(String runId) {
        return PREFIX + runId;
    }

    /** Whether a subject is one of our markers rather than content. */
    public static boolean isMarker(String subject) {
        return subject.startsWith(PREFIX);
    }
}
