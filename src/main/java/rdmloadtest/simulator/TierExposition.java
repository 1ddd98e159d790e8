package rdmloadtest.simulator;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.ToDoubleFunction;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.PerformanceModel;

/**
 * The performance model's tiers in Prometheus's text format at /metrics: the ground truth that attribution from a
 * real Prometheus is tested against. The one door to the Prometheus client library.
 */
final class TierExposition {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    TierExposition(PerformanceModel model) {
        gauge(
                model,
                "rdm_simulator_tier_workers",
                "Workers of the tier: its capacity.",
                PerformanceModel.TierStats::workers);
        gauge(
                model,
                "rdm_simulator_tier_busy",
                "Workers of the tier holding a request now.",
                PerformanceModel.TierStats::busy);
        gauge(
                model,
                "rdm_simulator_tier_queue",
                "Requests waiting for a free worker of the tier now.",
                PerformanceModel.TierStats::queued);
        counter(
                model,
                "rdm_simulator_tier_busy_seconds",
                "Worker-seconds the tier's workers were held (the app's include waiting for the backends), counted when"
                        + " the request is answered.",
                PerformanceModel.TierStats::busySeconds);
        counter(
                model,
                "rdm_simulator_tier_service_seconds",
                "Worker-seconds of the tier's own service (without waiting for other tiers).",
                PerformanceModel.TierStats::serviceSeconds);
        counter(
                model,
                "rdm_simulator_tier_completions",
                "Requests that left the tier.",
                PerformanceModel.TierStats::completions);
        CounterWithCallback.builder()
                .name("rdm_simulator_requests")
                .help("Requests answered, per endpoint class.")
                .labelNames("class")
                .callback(cb -> model.served().forEach((EndpointClass c, Long n) -> cb.call(n, c.id())))
                .register(registry);
    }

    private void gauge(
            PerformanceModel model, String name, String help, ToDoubleFunction<PerformanceModel.TierStats> value) {
        GaugeWithCallback.builder()
                .name(name)
                .help(help)
                .labelNames("tier")
                .callback(cb -> model.tiers()
                        .forEach(t -> cb.call(value.applyAsDouble(t), t.tier().id())))
                .register(registry);
    }

    private void counter(
            PerformanceModel model, String name, String help, ToDoubleFunction<PerformanceModel.TierStats> value) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .labelNames("tier")
                .callback(cb -> model.tiers()
                        .forEach(t -> cb.call(value.applyAsDouble(t), t.tier().id())))
                .register(registry);
    }

    byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, registry.scrape());
        return out.toByteArray();
    }
}
