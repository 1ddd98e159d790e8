package rdmloadtest.slo;

/**
 * One verdict of the gate: an SLO objective, the injector's health or a comparison with the baseline.
 * {@code message} is the line people read, e.g. "SLO FAILED: record view p95 = 812 ms > 500 ms".
 */
public record Check(
        Kind kind,
        String subject,
        String metric,
        Double measured,
        Double objective,
        String unit,
        Status status,
        String message) {

    public enum Kind {
        SLO,
        INJECTOR,
        BASELINE,
        /** A stop condition ended the run early (abort.*). */
        ABORT
    }

    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** The test-case name in junit.xml and the Markdown table: what is promised, without the measurement. */
    public String title() {
        return subject + " " + metric;
    }
}
