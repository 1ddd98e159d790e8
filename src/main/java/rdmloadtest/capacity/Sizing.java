package rdmloadtest.capacity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import rdmloadtest.metrics.TierMetrics;

/**
 * The expected peak in the deployment's own units: per component of a helm-invenio deployment the CPU request (its use
 * at the peak) and limit (that use over the target utilization: the margin), replicas, and for the web pods uWSGI's
 * processes × threads; the same as one host's gunicorn workers and an {@code invenio-local up --limits} line. Each
 * tier's demand is taken at the peak (grown with load as measured), and the sized tiers are checked with the queueing
 * model: where it predicts the peak would miss the SLOs' latency, the tier it finds busiest gets more until it does not.
 * Only tiers measured in CPU cores can be sized so; a pool of workers gives the web threads.
 *
 * @param predictedRps the model's sustainable rate with every tier sized (null: no model)
 * @param helmValues a helm-invenio values fragment (YAML)
 * @param singleHost the same on one host: gunicorn workers and cores, and the {@code --limits} line
 */
public record Sizing(
        double peakRps,
        double targetUtilizationPct,
        List<Component> components,
        Double predictedRps,
        String helmValues,
        String singleHost) {

    /**
     * @param tier the report's tier
     * @param component helm-invenio's name for it (web, opensearch, postgresql, redis, rabbitmq, worker)
     * @param unit cores or workers
     * @param peakUse what the tier uses at the peak (its request)
     * @param limit what it may use (its limit): the peak use over the target utilization, at least {@link #MIN_CORES}
     */
    public record Component(String tier, String component, String unit, double peakUse, double limit) {}

    /** The least CPU limit written: 100m, as small as a pod's limit is usually set. */
    static final double MIN_CORES = 0.1;

    /** Cores per web pod at most; each uWSGI or gunicorn process uses about one core (Python's GIL). */
    static final int WEB_POD_CORES = 2;

    /** Threads per web process: helm-invenio's default (web.uwsgi.threads). */
    static final int WEB_THREADS = 4;

    /** helm-invenio's component for each tier of the shipped metrics files, and invenio-local's tier name. */
    private static final Map<String, String[]> COMPONENTS = Map.of(
            "app workers", new String[] {"web", "app"},
            "background workers", new String[] {"worker", "workers"},
            "search", new String[] {"opensearch", "search"},
            "database", new String[] {"postgresql", "database"},
            "cache", new String[] {"redis", "cache"},
            "broker", new String[] {"rabbitmq", "broker"});

    private static final String CORES = "cores";

    /** Empty when no tier of the target is measured in cores or workers with a demand. */
    static Optional<Sizing> of(
            List<TierMetrics.TierUsage> tiers,
            Optional<Prediction.Calibrated> model,
            double peakRps,
            double targetUtilizationPct) {
        double rho = targetUtilizationPct / 100;
        Map<String, Double> needed = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (TierMetrics.TierUsage u : tiers) {
            String[] c = COMPONENTS.get(u.tier());
            if (c == null || u.unit() == null || !(u.demandMs() > 0)) continue;
            double demand =
                    model.flatMap(m -> held(m.model(), u.tier(), peakRps)).orElse(u.demandMs());
            needed.put(u.tier(), peakRps * demand / 1000 / rho);
            units.put(u.tier(), u.unit());
        }
        if (needed.isEmpty()) return Optional.empty();
        Double predicted = null;
        if (model.isPresent()) {
            QueueingNetwork sized = sized(model.get().model(), needed, units);
            for (int i = 0; i < 100 && sized.rateAt(model.get().prediction().budgetMs()) < peakRps; i++) {
                String busiest = busiest(sized, peakRps);
                needed.merge(busiest, 1.1, (a, b) -> a * b);
                sized = sized(model.get().model(), needed, units);
            }
            predicted = sized.rateAt(model.get().prediction().budgetMs());
        }
        List<Component> components = new ArrayList<>();
        needed.forEach((tier, limit) -> {
            boolean cores = CORES.equals(units.get(tier));
            double l = cores ? Math.max(MIN_CORES, Math.ceil(limit * 10 - 1e-9) / 10) : Math.ceil(limit - 1e-9);
            components.add(new Component(tier, COMPONENTS.get(tier)[0], units.get(tier), limit * rho, l));
        });
        return Optional.of(new Sizing(
                peakRps,
                targetUtilizationPct,
                List.copyOf(components),
                predicted,
                helmValues(components, peakRps, targetUtilizationPct),
                singleHost(components, peakRps, targetUtilizationPct)));
    }

    /** What a tier holds per request at the peak: its demand grown with load, and the residence of what it waits on. */
    private static Optional<Double> held(QueueingNetwork m, String tier, double rps) {
        Optional<QueueingNetwork.Station> s =
                m.stations().stream().filter(x -> x.name().equals(tier)).findFirst();
        if (s.isEmpty()) return Optional.empty();
        double held = s.get().demandAt(rps);
        // The backends' residence at the peak, once they are sized: their own demand, no queue.
        for (String w : s.get().waitsFor()) held += m.station(w).demandAt(rps);
        return Optional.of(held);
    }

    private static QueueingNetwork sized(QueueingNetwork m, Map<String, Double> needed, Map<String, String> units) {
        QueueingNetwork out = m;
        for (QueueingNetwork.Station s : m.stations()) {
            Double n = needed.get(s.name());
            if (n == null) continue;
            double servers = CORES.equals(units.get(s.name())) ? Math.max(MIN_CORES, n) : Math.ceil(n - 1e-9);
            out = out.scaled(s.name(), servers / s.servers());
        }
        return out;
    }

    /** The station to give more: a saturated backend first (its callers only wait on it), else the busiest. */
    private static String busiest(QueueingNetwork m, double rps) {
        QueueingNetwork.Station top = null;
        for (QueueingNetwork.Station s : m.stations()) {
            double u = m.utilization(s, rps);
            if (s.waitsFor().isEmpty() && u >= 1) return s.name();
            if (top == null || u > m.utilization(top, rps)) top = s;
        }
        return top.name();
    }

    /** Web pods of at most {@link #WEB_POD_CORES} cores: replicas, and processes per pod. */
    static int[] webPods(Component web) {
        if (!CORES.equals(web.unit())) {
            int processes = (int) Math.ceil(web.limit() / WEB_THREADS);
            int replicas = (int) Math.ceil((double) processes / WEB_POD_CORES);
            return new int[] {replicas, (int) Math.ceil((double) processes / replicas)};
        }
        int replicas = (int) Math.ceil(web.limit() / WEB_POD_CORES - 1e-9);
        return new int[] {replicas, (int) Math.ceil(web.limit() / replicas - 1e-9)};
    }

    static String helmValues(List<Component> components, double peakRps, double targetUtilizationPct) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Component c : components) {
            boolean cores = CORES.equals(c.unit());
            switch (c.component()) {
                case "web" -> {
                    int[] pods = webPods(c);
                    Map<String, Object> web = new LinkedHashMap<>();
                    web.put("replicas", pods[0]);
                    web.put("uwsgi", map("processes", pods[1], "threads", WEB_THREADS));
                    if (cores) web.put("resources", resources(c, pods[0]));
                    values.put("web", web);
                }
                case "worker" -> {
                    if (cores) values.put("worker", map("replicas", 1, "resources", resources(c, 1)));
                }
                case "opensearch" -> {
                    if (cores)
                        values.put("opensearch", map("data", map("replicaCount", 1, "resources", resources(c, 1))));
                }
                case "postgresql" -> {
                    if (cores) values.put("postgresql", map("primary", map("resources", resources(c, 1))));
                }
                case "redis" -> {
                    if (cores) values.put("redis", map("master", map("resources", resources(c, 1))));
                }
                case "rabbitmq" -> {
                    if (cores) values.put("rabbitmq", map("resources", resources(c, 1)));
                }
                default -> throw new IllegalStateException(c.component());
            }
        }
        try {
            return String.format(
                            Locale.ROOT,
                            "# helm-invenio values: %s req/s at the SLOs; requests = each tier's CPU at the peak,"
                                    + " limits = that at %.0f %% use (a %.0f %% margin)%n",
                            TierSteps.n(peakRps),
                            targetUtilizationPct,
                            100 - targetUtilizationPct)
                    + YAML.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private static Map<String, Object> resources(Component c, int replicas) {
        return map(
                "requests", map("cpu", millicores(c.peakUse() / replicas)),
                "limits", map("cpu", millicores(c.limit() / replicas)));
    }

    /** Keys in the order given, as a values file reads. */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static String millicores(double cores) {
        return Math.max(10, Math.round(Math.ceil(cores * 100 - 1e-9) * 10)) + "m";
    }

    static String singleHost(List<Component> components, double peakRps, double targetUtilizationPct) {
        List<Component> cores =
                components.stream().filter(c -> CORES.equals(c.unit())).toList();
        Optional<Component> web =
                components.stream().filter(c -> c.component().equals("web")).findFirst();
        int workers = web.map(w -> webPods(w)[0] * webPods(w)[1]).orElse(2);
        double total = cores.stream().mapToDouble(Component::limit).sum();
        String limits = cores.stream()
                .map(c -> COMPONENTS.get(c.tier())[1] + "=" + TierSteps.n(c.limit()))
                .collect(Collectors.joining(","));
        return String.format(
                        Locale.ROOT,
                        "One host: gunicorn %d workers × %d threads%s.%n",
                        workers,
                        WEB_THREADS,
                        cores.isEmpty()
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        ", %s cores for the tiers (their limits' sum; the injector needs its own)",
                                        TierSteps.n(total)))
                + (cores.isEmpty()
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "%n```bash%nINVENIO_LOCAL_WORKERS=%d INVENIO_LOCAL_THREADS=%d invenio-local/invenio-local"
                                        + " up --limits %s%n```%n",
                                workers,
                                WEB_THREADS,
                                limits));
    }

    String markdown() {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%n### Sizing for %s req/s (capacity.expectedPeakRps) at the SLOs%n%nEach tier's limit is its use at the"
                        + " peak over %.0f %% (capacity.targetUtilizationPct): a %.0f %% margin.%s%n%n| Tier |"
                        + " Component | Use at the peak | Limit |%n|---|---|---:|---:|%n",
                TierSteps.n(peakRps),
                targetUtilizationPct,
                100 - targetUtilizationPct,
                predictedRps == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " Sized so, the queueing model predicts %.1f req/s sustainable at the SLOs.",
                                predictedRps)));
        for (Component c : components)
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.2f %s | %s %s |%n",
                    c.tier(),
                    c.component(),
                    c.peakUse(),
                    c.unit(),
                    TierSteps.n(c.limit()),
                    c.unit()));
        b.append("\n```yaml\n").append(helmValues).append("```\n\n").append(singleHost);
        return b.toString();
    }
}
