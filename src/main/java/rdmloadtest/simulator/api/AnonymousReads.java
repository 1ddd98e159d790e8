package rdmloadtest.simulator.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import rdmloadtest.simulator.store.RecordDoc;

/**
 * The serialized JSON of a record as anonymous readers get it, kept per record until anything it shows changes: its
 * revision, its download counts (the stats job moves them), the number of versions (is_latest), the day (embargoes lift) or the URLs it names. Most of
 * a load test is anonymous reads of the same records; building the JSON tree for each one would make the simulator's
 * own work, not its performance model, the limit.
 */
final class AnonymousReads {
    private record Entry(String stamp, byte[] json) {}

    private final Map<String, Entry> byRecord = new ConcurrentHashMap<>();

    byte[] get(RecordDoc r, List<RecordDoc> versions, String api, String host, Supplier<byte[]> build) {
        long downloads = 0;
        long volume = 0;
        for (RecordDoc v : versions) {
            downloads += v.downloads;
            volume += v.dataVolume;
        }
        // versions.size(): a newer published version makes this one's versions.is_latest false
        String stamp = r.revision + "|" + r.downloads + "|" + r.dataVolume + "|" + downloads + "|" + volume + "|"
                + versions.size() + "|" + LocalDate.now().toEpochDay() + "|" + api + "|" + host;
        Entry e = byRecord.get(r.id);
        if (e != null && e.stamp().equals(stamp)) return e.json();
        byte[] json = build.get();
        byRecord.put(r.id, new Entry(stamp, json));
        return json;
    }
}
