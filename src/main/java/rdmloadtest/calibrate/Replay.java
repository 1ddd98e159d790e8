package rdmloadtest.calibrate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.mix.Journey;

/**
 * What each journey of a fidelity run sent, read from the run's own access log: every virtual user's agent names it
 * (invenio.userAgentPerSession), and its first request says which journey it runs. Readers and harvests (at their
 * rate) are one session each; depositors are users repeating their journey.
 */
final class Replay {
    /** Requests per journey, by VisitClass ordinal. */
    final Map<Journey, long[]> requests = new EnumMap<>(Journey.class);
    /** Sessions (readers, harvests) or users (depositors) per journey. */
    final Map<Journey, long[]> sessions = new EnumMap<>(Journey.class);

    void add(Journey j, Classifier.Route r, boolean first) {
        if (first) sessions.computeIfAbsent(j, k -> new long[1])[0]++;
        requests.computeIfAbsent(j, k -> new long[VisitClass.values().length])[
                r.visitClass().ordinal()]++;
    }

    /** The journey a virtual user runs, by its first request (null: none the catalogue starts so). */
    static Journey journeyOf(Classifier.Route first) {
        return switch (first.visitClass()) {
            case SEARCH -> Journey.SEARCH;
            case RECORD_VIEW -> Journey.RECORD_VIEW;
            case DOWNLOAD -> Journey.DOWNLOAD;
            case COMMUNITIES -> Journey.COMMUNITIES;
            case UI -> Visits.entry(first.name()).orElse(null);
            case IIIF -> Journey.IIIF;
            case DEPOSIT, DASHBOARD -> Journey.DEPOSIT;
            case HARVEST -> Journey.HARVEST;
            default -> null;
        };
    }

    long sessions(Journey j) {
        return Optional.ofNullable(sessions.get(j)).map(a -> a[0]).orElse(0L);
    }
}
