package rdmloadtest.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rdmloadtest.metrics.TierMetrics;
import rdmloadtest.metrics.Unattributed;

/**
 * The sustainable rate at the SLOs, predicted by a queueing model of the tiers ({@link QueueingNetwork}) built from one
 * measured step: each tier with a known capacity, its demand there, the growth of its demand with load over the steps
 * up to it, and the tiers it waits on. The SLOs are judged on latencies, so the model's limit is a latency: the mean
 * response time the reference step (the highest that met the SLOs) measured. The rate predicted is the one at which the
 * model's response time reaches it; the part of the response time no tier explains is what the calibration step
 * measured above the model. How good that is, is measured on the search itself: the model built from each lower step
 * predicts the capacity the search then measured.
 *
 * @param budgetMs the mean response time at the reference step: the latency the model may reach
 * @param baseMs the part of the reference step's response time no tier explains
 * @param backtest each lower step's prediction of the measured capacity
 * @param meanAbsErrorPct their mean absolute error (null: no lower step)
 */
public record Prediction(double budgetMs, double baseMs, List<Backtest> backtest, Double meanAbsErrorPct) {

    /** A prediction made from a lower step, against the capacity the search measured. */
    public record Backtest(int fromStep, double fromRps, double predictedRps, double measuredRps, double errorPct) {}

    /** The model at the reference step, and the prediction's record; empty without a reference step or a budget. */
    static Optional<Calibrated> of(List<TierSteps.Row> rows, Double maxSustainableRps) {
        Optional<TierSteps.Row> ref = TierSteps.reference(rows);
        if (ref.isEmpty() || !(ref.get().step().meanMs() > 0)) return Optional.empty();
        double budget = ref.get().step().meanMs();
        Optional<QueueingNetwork> model = model(rows, ref.get());
        if (model.isEmpty()) return Optional.empty();
        double measured =
                maxSustainableRps != null ? maxSustainableRps : ref.get().step().throughputRps();
        List<Backtest> backtest = new ArrayList<>();
        for (TierSteps.Row r : usable(rows)) {
            if (r.step().throughputRps() >= ref.get().step().throughputRps()
                    || !r.step().passed()) continue;
            model(rows, r).ifPresent(m -> {
                double predicted = m.rateAt(budget);
                backtest.add(new Backtest(
                        r.step().index(),
                        r.step().throughputRps(),
                        predicted,
                        measured,
                        100 * (predicted / measured - 1)));
            });
        }
        backtest.sort(Comparator.comparingDouble(Backtest::fromRps));
        Double mae = backtest.isEmpty()
                ? null
                : backtest.stream()
                        .mapToDouble(b -> Math.abs(b.errorPct()))
                        .average()
                        .orElseThrow();
        double x = ref.get().step().throughputRps();
        return Optional.of(new Calibrated(
                model.get(),
                new Prediction(budget, model.get().baseMs(), List.copyOf(backtest), mae),
                calibrationRps(model.get(), x),
                x));
    }

    /**
     * The reference step's model, and the record of its predictions.
     *
     * @param atRps the rate the model stands at for the reference step ({@link #calibrationRps})
     * @param measuredRps the reference step's throughput
     */
    record Calibrated(QueueingNetwork model, Prediction prediction, double atRps, double measuredRps) {
        /**
         * The sustainable rate with one tier's capacity scaled: where the scaled network's response time reaches the
         * model's at the reference, in proportion to the rate measured there.
         */
        double whatIf(String tier, double scale) {
            return measuredRps * model.scaled(tier, scale).rateAt(model.responseMs(atRps)) / atRps;
        }
    }

    /** Valid measured steps with tier metrics, in order of throughput. */
    private static List<TierSteps.Row> usable(List<TierSteps.Row> rows) {
        return rows.stream()
                .filter(r -> r.step().valid() && !r.step().phase().equals(StepResult.WARMUP))
                .sorted(Comparator.comparingDouble(r -> r.step().throughputRps()))
                .toList();
    }

    /** The network as one step measured it; empty when no tier has both a capacity and a demand. */
    static Optional<QueueingNetwork> model(List<TierSteps.Row> rows, TierSteps.Row at) {
        double x = at.step().throughputRps();
        List<TierMetrics.TierUsage> tiers = stations(at);
        if (tiers.isEmpty() || !(x > 0)) return Optional.empty();
        List<String> names = tiers.stream().map(TierMetrics.TierUsage::tier).toList();
        // Backends first: a tier that waits on others is held for their residence, which the model computes.
        List<QueueingNetwork.Station> backends = new ArrayList<>();
        for (TierMetrics.TierUsage u : tiers)
            if (u.waitsFor().isEmpty())
                backends.add(new QueueingNetwork.Station(
                        u.tier(),
                        u.capacity(),
                        TierSteps.pooledDemandMs(rows, at, u.tier()),
                        x,
                        slope(rows, at, u.tier()),
                        List.of()));
        QueueingNetwork partial = new QueueingNetwork(backends, 0);
        List<QueueingNetwork.Station> stations = new ArrayList<>(backends);
        for (TierMetrics.TierUsage u : tiers) {
            if (u.waitsFor().isEmpty()) continue;
            List<String> waits = u.waitsFor().stream().filter(names::contains).toList();
            double waited = 0;
            for (String w : waits) waited += partial.residenceMs(partial.station(w), x);
            // What it held beyond its backends' residence is its own demand (never below none).
            double held = TierSteps.pooledDemandMs(rows, at, u.tier());
            stations.add(new QueueingNetwork.Station(u.tier(), u.capacity(), Math.max(0, held - waited), x, 0, waits));
        }
        QueueingNetwork bare = new QueueingNetwork(stations, 0);
        double modelled = bare.responseMs(calibrationRps(bare, x));
        return Optional.of(new QueueingNetwork(stations, at.step().meanMs() - modelled));
    }

    /**
     * The rate the model stands at for a step measured at {@code x}: x, or 95 % of the model's bound when x lies
     * beyond it (a step of 12 s can meet its SLOs at a rate whose queue would grow without end in steady state).
     */
    static double calibrationRps(QueueingNetwork m, double x) {
        return Math.min(x, STABLE_SHARE * m.boundRps());
    }

    /** The share of its bound the model is taken at for a step measured at or beyond it. */
    static final double STABLE_SHARE = 0.95;

    /**
     * Tiers the model holds: a capacity, a demand, not the injector nor the background workers (no request waits for
     * them: their queue delays time to searchable, not a response); the machine only when it is the only one.
     */
    private static List<TierMetrics.TierUsage> stations(TierSteps.Row at) {
        List<TierMetrics.TierUsage> out = at.tiers().tiers().stream()
                .filter(u -> !u.tier().equals("injector") && !u.tier().equals(Background.TIER))
                .filter(u -> u.capacity() != null && u.capacity() > 0 && u.demandMs() > 0)
                .toList();
        // On one host the machine's CPU is the tiers' own: a station of its own would count their queueing twice.
        List<TierMetrics.TierUsage> tiers =
                out.stream().filter(u -> !u.tier().equals(Unattributed.MACHINE)).toList();
        return tiers.isEmpty() ? out : tiers;
    }

    /**
     * How much a tier's demand grows per req/s, from the steps up to {@code at} (least squares of D against X, at least
     * three steps; 0 when it does not grow): more busy workers contend for caches, locks and the GIL.
     */
    static double slope(List<TierSteps.Row> rows, TierSteps.Row at, String tier) {
        List<double[]> pts = new ArrayList<>();
        for (TierSteps.Row r : usable(rows)) {
            if (r.step().throughputRps() > at.step().throughputRps()) continue;
            r.tiers().tiers().stream()
                    .filter(u -> u.tier().equals(tier) && u.demandMs() > 0)
                    .findFirst()
                    .ifPresent(u -> pts.add(new double[] {r.step().throughputRps(), u.demandMs()}));
        }
        if (pts.size() < 3) return 0;
        double mx = pts.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pts.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : pts) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxx == 0 ? 0 : Math.max(0, sxy / sxx);
    }

    /** The report's lines on the model and its record. */
    String markdown(double measuredRps) {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%n### Prediction (queueing model)%n%nEach tier with a capacity is an M/M/c station with its measured"
                        + " demand (a pool held while it waits on the tiers it calls holds it for their residence too);"
                        + " the SLOs' limit is taken as the mean response time of the reference step, %.1f ms, which the"
                        + " tiers' residence in the model %s by %.1f ms. The what-if gives the rate at which the model"
                        + " reaches it.%n",
                budgetMs,
                baseMs >= 0 ? "falls short of" : "exceeds",
                Math.abs(baseMs)));
        if (backtest.isEmpty()) {
            b.append(String.format(
                    Locale.ROOT,
                    "%nNo lower step to check it on: its predictions of %.1f req/s are not yet measured.%n",
                    measuredRps));
            return b.toString();
        }
        b.append(String.format(
                Locale.ROOT,
                "%nHow good its predictions were on this search (the model built from each lower step, predicting the"
                        + " capacity measured): mean absolute error **%.1f %%**.%n%n| From step | At (req/s) |"
                        + " Predicted (req/s) | Measured (req/s) | Error |%n|---:|---:|---:|---:|---:|%n",
                meanAbsErrorPct));
        for (Backtest t : backtest)
            b.append(String.format(
                    Locale.ROOT,
                    "| %d | %.1f | %.1f | %.1f | %+.1f %% |%n",
                    t.fromStep(),
                    t.fromRps(),
                    t.predictedRps(),
                    t.measuredRps(),
                    t.errorPct()));
        return b.toString();
    }
}
