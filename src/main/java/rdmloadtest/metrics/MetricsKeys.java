package rdmloadtest.metrics;

import static rdmloadtest.config.Parsers.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Per-tier utilization of the target from the Prometheus its operators run (docs/real-invenio.md, Monitoring). */
public final class MetricsKeys implements KeySet {
    private static final KeyList KEYS = new KeyList();

    public static final Key<String> FILE = KEYS.add(
            "metrics.file",
            null,
            "Metrics file (JSON): the target's tiers with PromQL queries for utilization and saturation, e.g. the one"
                    + " invenio-local up --monitoring writes; unset: no tier metrics.",
            text());
    public static final Key<URI> PROMETHEUS = KEYS.add(
            "metrics.prometheusUrl",
            null,
            "Prometheus to query (its HTTP API); default: the metrics file's prometheusUrl.",
            baseUrl());

    public static final Key<Duration> WAIT = KEYS.add(
            "metrics.wait",
            "30s",
            "How long a run waits, before load, for Prometheus to answer a tier's query that returns nothing yet (a"
                    + " process that just started, such as the injector itself, is seen after two scrapes).",
            duration());

    @Override
    public List<Key<?>> keys() {
        return KEYS.all();
    }
}
