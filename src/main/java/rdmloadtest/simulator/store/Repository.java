package rdmloadtest.simulator.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The simulated InvenioRDM database: published versions, drafts, parents and communities. All access
 * goes through {@link #read} or {@link #write}, so a reader never sees half of a publish.
 */
public final class Repository {
    private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final Map<String, RecordDoc> records = new LinkedHashMap<>();
    private final Map<String, RecordDoc> drafts = new LinkedHashMap<>();
    private final Map<String, Parent> parents = new LinkedHashMap<>();
    private final Map<String, Community> communities = new LinkedHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SecureRandom random = new SecureRandom();

    public <T> T read(Supplier<T> s) {
        lock.readLock().lock();
        try {
            return s.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> s) {
        lock.writeLock().lock();
        try {
            return s.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<RecordDoc> record(String id) {
        return Optional.ofNullable(records.get(id));
    }

    public Optional<RecordDoc> draft(String id) {
        return Optional.ofNullable(drafts.get(id));
    }

    public Optional<Parent> parent(String id) {
        return Optional.ofNullable(parents.get(id));
    }

    public Collection<RecordDoc> records() {
        return records.values();
    }

    public Collection<RecordDoc> drafts() {
        return drafts.values();
    }

    public Collection<Community> communities() {
        return communities.values();
    }

    public Optional<Community> community(String idOrSlug) {
        Community c = communities.get(idOrSlug);
        if (c != null) return Optional.of(c);
        return communities.values().stream()
                .filter(x -> x.slug().equals(idOrSlug))
                .findFirst();
    }

    public void putCommunity(Community c) {
        communities.put(c.id(), c);
    }

    public Parent newParent(String owner) {
        Parent p = new Parent(newId(), owner);
        parents.put(p.id, p);
        return p;
    }

    public Parent putParent(Parent p) {
        parents.put(p.id, p);
        return p;
    }

    public void putDraft(RecordDoc d) {
        drafts.put(d.id, d);
    }

    public void removeDraft(String id) {
        drafts.remove(id);
    }

    public void putRecord(RecordDoc r) {
        records.put(r.id, r);
    }

    /** Published versions of a parent, oldest first. */
    public List<RecordDoc> versionsOf(Parent p) {
        List<RecordDoc> out = new ArrayList<>();
        for (String id : p.versions) {
            RecordDoc r = records.get(id);
            if (r != null) out.add(r);
        }
        return out;
    }

    public boolean isLatest(RecordDoc r) {
        return r.id.equals(r.parent.latestId());
    }

    /** A fresh id in InvenioRDM's shape: 10 Crockford base32 characters split by a dash ("ha4g3-7x208"). */
    public String newId() {
        while (true) {
            StringBuilder sb = new StringBuilder(11);
            for (int i = 0; i < 10; i++) {
                if (i == 5) sb.append('-');
                sb.append(CROCKFORD[random.nextInt(32)]);
            }
            String id = sb.toString();
            if (!records.containsKey(id) && !drafts.containsKey(id) && !parents.containsKey(id)) return id;
        }
    }
}
