package rdmloadtest.simulator.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import rdmloadtest.simulator.search.SearchDoc;
import rdmloadtest.simulator.search.Searcher.Hit;
import rdmloadtest.simulator.store.Identity;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;

/**
 * The search index: what OpenSearch would hold, visible only after the refresh delay (near-real-time
 * search), restricted records filtered out for callers who may not read them; a published record only once the
 * background workers have indexed it. Call under a read lock.
 */
public final class Index {
    private static final Identity SYSTEM = new Identity("system", true);
    private final Repository repo;
    private final RecordJson json;
    private final Duration refreshDelay;
    private final Supplier<Duration> indexing;
    private final Map<RecordDoc, SearchDoc> docs = new WeakHashMap<>();

    /** @param indexing queues a published record's indexing for the background workers: how long until it is done */
    public Index(Repository repo, RecordJson json, Duration refreshDelay, Supplier<Duration> indexing) {
        this.repo = repo;
        this.json = json;
        this.refreshDelay = refreshDelay;
        this.indexing = indexing;
    }

    public Instant visibleFrom(Instant changed) {
        return changed.plus(refreshDelay);
    }

    /** A record published at {@code now}: searchable once its indexing task is done and the index refreshed. */
    public Instant published(Instant now) {
        return visibleFrom(now.plus(indexing.get()));
    }

    /** Published records: the latest version of each (or every version), not deleted, readable by the caller. */
    public List<Hit> records(Identity who, boolean allVersions, String community) {
        Instant now = Instant.now();
        List<Hit> out = new ArrayList<>();
        for (RecordDoc r : repo.records()) {
            if (r.deleted() || r.searchableFrom == null || r.searchableFrom.isAfter(now)) continue;
            if (!allVersions && !repo.isLatest(r)) continue;
            if (community != null && !r.parent.communities.contains(community)) continue;
            if (!AccessRules.canReadRecord(r, who)) continue;
            out.add(new Hit(r, doc(r)));
        }
        return out;
    }

    /** All published versions of one parent, for /versions. */
    public List<Hit> versions(RecordDoc any, Identity who) {
        Instant now = Instant.now();
        List<Hit> out = new ArrayList<>();
        for (RecordDoc r : repo.versionsOf(any.parent)) {
            if (r.deleted() || r.searchableFrom == null || r.searchableFrom.isAfter(now)) continue;
            if (AccessRules.canReadRecord(r, who)) out.add(new Hit(r, doc(r)));
        }
        return out;
    }

    /** The user's dashboard: own drafts (not yet published) and own latest published records. */
    public List<Hit> userRecords(Identity who) {
        Instant now = Instant.now();
        List<Hit> out = new ArrayList<>();
        for (RecordDoc d : repo.drafts()) {
            if (!d.editOfPublished
                    && who.owns(d.parent)
                    && !visibleFrom(d.updated).isAfter(now)) out.add(new Hit(d, doc(d)));
        }
        for (RecordDoc r : repo.records()) {
            if (r.deleted() || !repo.isLatest(r) || !who.owns(r.parent)) continue;
            if (r.searchableFrom != null && !r.searchableFrom.isAfter(now)) out.add(new Hit(r, doc(r)));
        }
        return out;
    }

    private SearchDoc doc(RecordDoc r) {
        synchronized (docs) {
            return docs.computeIfAbsent(r, x -> new SearchDoc(json.record(x, "http://index/api", SYSTEM, "index")));
        }
    }

    /** A draft changed in place: forget its indexed form. */
    public void invalidate(RecordDoc r) {
        synchronized (docs) {
            docs.remove(r);
        }
    }
}
