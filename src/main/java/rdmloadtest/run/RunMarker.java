package rdmloadtest.run;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The subject every record and draft a run creates carries from its first request, and the searches that find them. */
public final class RunMarker {
    private RunMarker() {}

    public static String of(String runId) {
        return "rdm-loadtest:" + runId;
    }

    /** URL-encoded query: the marked records (every version, with allversions=true). */
    public static String records(String marker) {
        return URLEncoder.encode("metadata.subjects.subject:\"" + marker + "\"", StandardCharsets.UTF_8);
    }

    /** URL-encoded query for a depositor's own search: its marked drafts, new ones and edits of published records. */
    public static String drafts(String marker) {
        return URLEncoder.encode(
                "metadata.subjects.subject:\"" + marker + "\" AND (is_published:false OR has_draft:true)",
                StandardCharsets.UTF_8);
    }
}
