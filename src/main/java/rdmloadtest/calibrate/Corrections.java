package rdmloadtest.calibrate;

import java.util.Map;
import rdmloadtest.mix.Journey;

/**
 * The next fidelity round's profile from every round so far, not the last alone. A run is a sample: correcting each
 * figure by the last run's target / measured chases its sampling noise, and correcting the weights for a shortfall
 * the web shape's own correction also makes up counts it twice; both made the rounds overshoot and oscillate. So:
 *
 * <ul>
 *   <li>the web shape (static files per session, pages per visit, citations, exports, previews, tiles) is set to its
 *       target divided by its gain, what all runs measured per unit set (sum of measured × visits over sum of set ×
 *       visits);
 *   <li>the exponent to the target less the mean offset (measured − set) of all runs;
 *   <li>the weights are solved (JourneySolver) on what every run's journeys sent, added up, each run's counts first
 *       scaled to the web shape the next run is to have (its static files by target / measured static files per
 *       visit, and so on), so the weights do not make up again what the shape's correction does.
 * </ul>
 */
final class Corrections {
    private final Calibration log;
    private final Replay pooled = new Replay();
    private final double[] setSum = new double[6];
    private final double[] measuredSum = new double[6];
    private double exponentOffsets;
    private int exponentRuns;
    private final double minRate;

    /** @param minRate calibrate.checkRate: the runs' readers' rate at least */
    Corrections(Calibration log, double minRate) {
        this.log = log;
        this.minRate = minRate;
        pooled.runs = 0;
    }

    /** What a run of {@code p} gave. */
    void add(Profile p, FidelityRun.Outcome o) {
        Calibration.Web target = log.web();
        Calibration.Web measured = o.calibration().web();
        double[] set = p.web().figures();
        double[] got = {
            measured.staticPerVisit(),
            measured.pagesPerVisit(),
            measured.citationsPerLanding(),
            measured.exportsPerLanding(),
            measured.previewsPerLanding(),
            measured.tilesPerView()
        };
        long[] samples = {
            measured.visits(),
            measured.visits(),
            measured.landingPages(),
            measured.landingPages(),
            measured.landingPages(),
            measured.imageViews()
        };
        for (int i = 0; i < set.length; i++) {
            setSum[i] += set[i] * samples[i];
            measuredSum[i] += got[i] * samples[i];
        }
        pooled.add(o.replay(), (j, c) -> toTarget(j, c, target, measured));
        pooled.runs++;
        double runExponent = o.calibration().zipf().exponent();
        if (!Double.isNaN(runExponent)) {
            exponentOffsets += runExponent - p.zipfExponent();
            exponentRuns++;
        }
    }

    /**
     * The profile for the next round: {@code p}'s, corrected by every run added, its rate at the requests per reader
     * session its weights will send ({@code lastRun}'s when no reader journey ran).
     */
    Profile next(Profile p, double lastRun) {
        Calibration.Web target = log.web();
        double[] gains = new double[setSum.length];
        for (int i = 0; i < gains.length; i++) gains[i] = setSum[i] <= 0 ? Double.NaN : measuredSum[i] / setSum[i];
        double logExponent = log.zipf().exponent();
        double exponent = Double.isNaN(logExponent) || exponentRuns == 0
                ? p.zipfExponent()
                : logExponent - exponentOffsets / exponentRuns;
        Map<Journey, Double> sessions = JourneySolver.solve(log.generatedShares(), target.visitsByJourney(), pooled);
        return p.solved(
                sessions,
                exponent,
                requestsPerSession(sessions, lastRun),
                log.peakReaderRps(),
                p.web().corrected(gains, target),
                FidelityRun.readersRate(p, minRate));
    }

    /**
     * The reader requests per session the solved weights will send (each journey's per session as the runs added up
     * sent them): the readers' rate of the next profile rests on it, and so do the harvests' and crawls' of its run;
     * the last run's own, at its weights, set them 30 % off after a correction. {@code otherwise} when none ran.
     */
    private double requestsPerSession(Map<Journey, Double> sessions, double otherwise) {
        double requests = 0;
        double n = 0;
        for (var e : sessions.entrySet()) {
            Journey j = e.getKey();
            if (j.arrival() != Journey.Arrival.WEIGHT || pooled.sessions(j) == 0) continue;
            double sent = 0;
            for (VisitClass c : VisitClass.values())
                if (c.reader) sent += pooled.requests.get(j)[c.ordinal()];
            requests += e.getValue() * sent / pooled.sessions(j);
            n += e.getValue();
        }
        return requests == 0 ? otherwise : requests / n;
    }

    /**
     * What a run's journey sent of a class, scaled to the web shape's targets: static files and pages of the web
     * journeys by the static files and pages per visit, their citations by the citations per visit, IIIF requests by
     * the requests per image view (its info.json and its tiles).
     */
    static double toTarget(Journey j, VisitClass c, Calibration.Web target, Calibration.Web measured) {
        boolean web = VisitClass.UI.weighs.contains(j);
        return switch (c) {
            case STATIC -> web ? ratio(target.staticPerVisit(), measured.staticPerVisit()) : 1;
            case UI -> web ? ratio(target.pagesPerVisit(), measured.pagesPerVisit()) : 1;
            case RECORD_VIEW ->
                web
                        ? ratio(
                                target.pagesPerVisit() * target.citationsPerLanding(),
                                measured.pagesPerVisit() * measured.citationsPerLanding())
                        : 1;
            case IIIF -> ratio(1 + target.tilesPerView(), 1 + measured.tilesPerView());
            default -> 1;
        };
    }

    /** target / measured, 1 when either is not there (nothing measured to scale). */
    private static double ratio(double target, double measured) {
        return target <= 0 || measured <= 0 ? 1 : target / measured;
    }
}
