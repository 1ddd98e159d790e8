package rdmloadtest.simulator.perf;

import java.util.List;

/**
 * The tiers a request passes through, as in an InvenioRDM deployment: the app server's workers, then the backends it
 * calls while it holds its worker (OpenSearch, PostgreSQL, the file storage); and the background workers (Celery,
 * fed through RabbitMQ) that work after the answer, holding no request.
 */
public enum Tier {
    APP("app", "app workers", "16"),
    SEARCH("search", "search (OpenSearch)", "4"),
    DATABASE("database", "database (PostgreSQL)", "8"),
    FILES("files", "file storage", "4"),
    // invenio-local runs Celery with -c 1.
    BACKGROUND("background", "background (Celery: a published record's indexing)", "1");

    /** The backends, in the order a request visits them. */
    public static final List<Tier> BACKENDS = List.of(SEARCH, DATABASE, FILES);

    private final String id;
    private final String description;
    private final String defaultWorkers;

    Tier(String id, String description, String defaultWorkers) {
        this.id = id;
        this.description = description;
        this.defaultWorkers = defaultWorkers;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public String defaultWorkers() {
        return defaultWorkers;
    }

    public static Tier byId(String id) {
        for (Tier t : values()) if (t.id.equals(id)) return t;
        throw new IllegalArgumentException(
                "unknown tier '" + id + "' (expected one of app, search, database, files, background)");
    }
}
