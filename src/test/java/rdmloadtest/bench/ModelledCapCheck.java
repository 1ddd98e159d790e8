package rdmloadtest.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;

/**
 * Fails a benchmark of the simulator that measured its performance model instead of its implementation. After the
 * run it reads each tier of the model from the simulator's /metrics: the rate at which the tier would be saturated
 * is its workers over the worker-seconds it held per request answered; a measured rate at {@link #NEAR} of such a cap
 * or above means a modelled service time, not the code, set the pace.
 *
 * <p>{@code java -cp ... rdmloadtest.bench.ModelledCapCheck <simulator site URL> <measured requests/s>}: exit 0
 * when no tier is near, 2 with one line per tier that is.
 */
public final class ModelledCapCheck {
    static final double NEAR = 0.8;

    private static final Pattern SERIES = Pattern.compile(
            "^rdm_simulator_tier_(workers|busy_seconds_total|completions_total)\\{tier=\"([a-z]+)\"} (\\S+)$");

    /** One tier's counters since the simulator started. */
    record TierCounters(String tier, double workers, double busySeconds, double completions) {}

    private ModelledCapCheck() {}

    public static void main(String[] args) {
        Command.main("bench check", settings -> {
            if (args.length != 2)
                throw new ConfigException("usage: ModelledCapCheck <simulator site URL> <measured requests/s>");
            double rate = parseRate(args[1]);
            List<String> near = tooClose(parse(scrape(args[0])), rate);
            near.forEach(System.out::println);
            if (!near.isEmpty()) return Command.GATE_FAILED;
            System.out.printf(
                    Locale.ROOT,
                    "bench: no modelled tier limits %.0f req/s (every cap more than %.0f req/s / %.1f)%n",
                    rate,
                    rate,
                    NEAR);
            return Command.OK;
        });
    }

    /**
     * The rate (requests/s of every kind together) at which each tier would be saturated: every request holds an app
     * worker, so the app tier's completions count the requests; a tier that held nothing has no cap (infinity).
     */
    static Map<String, Double> caps(List<TierCounters> tiers) {
        double requests = tiers.stream()
                .filter(t -> t.tier().equals("app"))
                .mapToDouble(TierCounters::completions)
                .findFirst()
                .orElseThrow(() -> new ConfigException("bench check: the simulator's /metrics has no app tier"));
        Map<String, Double> caps = new LinkedHashMap<>();
        for (TierCounters t : tiers)
            caps.put(
                    t.tier(),
                    t.busySeconds() <= 0 || requests <= 0
                            ? Double.POSITIVE_INFINITY
                            : t.workers() / (t.busySeconds() / requests));
        return caps;
    }

    /** One line per tier whose cap {@code rate} is at {@link #NEAR} of or above. */
    static List<String> tooClose(List<TierCounters> tiers, double rate) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> c : caps(tiers).entrySet())
            if (rate >= NEAR * c.getValue())
                out.add(String.format(
                        Locale.ROOT,
                        "bench: %.0f req/s measured the model, not the implementation: the simulator's %s tier caps"
                                + " it at %.0f req/s (its workers over the time each request holds one); zero its"
                                + " modelled times",
                        rate,
                        c.getKey(),
                        c.getValue()));
        return out;
    }

    /** The tiers' counters in Prometheus's text format, as the simulator's /metrics gives them. */
    static List<TierCounters> parse(String exposition) {
        Map<String, double[]> byTier = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SERIES.matcher(line.strip());
            if (!m.matches()) continue;
            double[] v = byTier.computeIfAbsent(m.group(2), t -> new double[] {Double.NaN, 0, 0});
            int i = switch (m.group(1)) {
                case "workers" -> 0;
                case "busy_seconds_total" -> 1;
                default -> 2;
            };
            v[i] = Double.parseDouble(m.group(3));
        }
        List<TierCounters> out = new ArrayList<>();
        byTier.forEach((tier, v) -> {
            if (Double.isNaN(v[0]))
                throw new ConfigException("bench check: the simulator's /metrics gives no workers for tier " + tier);
            out.add(new TierCounters(tier, v[0], v[1], v[2]));
        });
        return out;
    }

    private static double parseRate(String text) {
        try {
            double r = Double.parseDouble(text);
            if (r > 0 && Double.isFinite(r)) return r;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigException("bench check: measured rate '" + text + "': expected a positive number of req/s");
    }

    private static String scrape(String site) throws Exception {
        URI uri = URI.create(site.replaceAll("/+$", "") + "/metrics");
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new ConfigException("bench check: " + uri + " answered " + r.statusCode() + ", expected 200");
        return r.body();
    }
}
