package rdmloadtest.calibrate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import rdmloadtest.mix.Journey;

/**
 * What each journey of a fidelity run sent, read from the run's own access log: every virtual user's agent names it
 * (invenio.userAgentPerSession), and its first request says which journey it runs. Readers and harvests (at their
 * rate) are one session each; depositors are users repeating their journey. Rounds add up (Corrections), each
 * scaled to the web shape the next run is to have, so their counts are doubles.
 */
final class Replay {
    /** Requests per journey, by VisitClass ordinal. */
    final Map<Journey, double[]> requests = new EnumMap<>(Journey.class);
    /** Sessions (readers, harvests) or users (depositors) per journey. */
    final Map<Journey, double[]> sessions = new EnumMap<>(Journey.class);
    /** The runs added up here. */
    int runs = 1;

    void add(Journey j, Classifier.Route r, boolean first) {
        if (first) sessions.computeIfAbsent(j, k -> new double[1])[0]++;
        requests.computeIfAbsent(j, k -> new double[VisitClass.values().length])[
                r.visitClass().ordinal()]++;
    }

    /** Adds another run's, each journey's requests of each class multiplied by {@code scale}'s factor for them. */
    void add(Replay other, Scale scale) {
        other.sessions.forEach((j, n) -> sessions.computeIfAbsent(j, k -> new double[1])[0] += n[0]);
        other.requests.forEach((j, sent) -> {
            double[] into = requests.computeIfAbsent(j, k -> new double[VisitClass.values().length]);
            for (VisitClass c : VisitClass.values()) into[c.ordinal()] += sent[c.ordinal()] * scale.of(j, c);
        });
    }

    /** A factor per journey and class. */
    interface Scale {
        double of(Journey j, VisitClass c);
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

    double sessions(Journey j) {
        return Optional.ofNullable(sessions.get(j)).map(a -> a[0]).orElse(0.0);
    }
}
