package rdmloadtest.simulator.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One version of a record: either a draft (new, new version, or edit of a published record) or published. */
public final class RecordDoc {
    public final String id;
    public final Parent parent;
    public final boolean draft;
    public final Instant created;
    public final String bucketId;
    public final Map<String, StoredFile> files = new LinkedHashMap<>();
    public ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    public ObjectNode access = JsonNodeFactory.instance.objectNode();
    public ObjectNode customFields = JsonNodeFactory.instance.objectNode();
    public boolean filesEnabled = true;
    public int versionIndex;
    public Instant updated;
    public int revision;
    /** Draft of an already published record (files locked, status "published" stays on the record). */
    public boolean editOfPublished;
    /** Published: when search (OpenSearch after its refresh) starts to see this version. */
    public Instant searchableFrom;

    public ObjectNode tombstone;
    /** Usage counters as the stats job last aggregated them (API record views are never counted). */
    public long downloads;

    public long dataVolume;
    /** Downloads since then, waiting for the next aggregation (InvenioRDM queues stats events). */
    public long pendingDownloads;

    public long pendingDataVolume;

    /** The stats job's run: pending events become counted (and searchable by mostdownloaded). */
    public synchronized void aggregateStats() {
        downloads += pendingDownloads;
        dataVolume += pendingDataVolume;
        pendingDownloads = 0;
        pendingDataVolume = 0;
    }

    public RecordDoc(String id, Parent parent, boolean draft, Instant created, String bucketId) {
        this.id = id;
        this.parent = parent;
        this.draft = draft;
        this.created = created;
        this.updated = created;
        this.bucketId = bucketId == null ? UUID.randomUUID().toString() : bucketId;
    }

    /** Copies the editable parts (metadata, access, custom fields, files switch) from another version. */
    public void copyContentFrom(RecordDoc other) {
        metadata = other.metadata.deepCopy();
        access = other.access.deepCopy();
        customFields = other.customFields.deepCopy();
        filesEnabled = other.filesEnabled;
    }

    public boolean deleted() {
        return tombstone != null;
    }

    public boolean recordRestricted() {
        return "restricted".equals(access.path("record").asText("public"));
    }

    public boolean filesRestricted() {
        return "restricted".equals(access.path("files").asText("public")) || embargoActive();
    }

    public boolean embargoActive() {
        var e = access.path("embargo");
        if (!e.path("active").asBoolean(false)) return false;
        String until = e.path("until").asText("");
        return until.isEmpty() || until.compareTo(LocalDate.now().toString()) > 0;
    }

    /** InvenioRDM computes access.status; it is never taken from the client. */
    public String accessStatus() {
        if (embargoActive()) return "embargoed";
        if (recordRestricted() || "restricted".equals(access.path("files").asText("public"))) return "restricted";
        if (!filesEnabled) return "metadata-only";
        return "open";
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(f -> Math.max(0, f.size)).sum();
    }
}
