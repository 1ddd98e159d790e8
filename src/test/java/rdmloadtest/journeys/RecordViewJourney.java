package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Files;
import rdmloadtest.api.Records;
import rdmloadtest.run.LoadTestConfig;

/** A record page: the record, sometimes its versions or the latest-version redirect, often a file download. */
public final class RecordViewJourney {
    private static final double LIST_VERSIONS = 0.2;
    private static final double RESOLVE_LATEST = 0.1;
    private static final double RESOLVE_PARENT = 0.05;
    private static final double DOWNLOAD_ARCHIVE = 0.05;

    private RecordViewJourney() {}

    /** Lands on a record chosen by Zipf popularity (sets recordId, parentId). */
    public static ChainBuilder landOnPopularRecord(Feeds feeds, LoadTestConfig cfg, Chance chance) {
        return feed(feeds.popularRecords())
                .exec(s -> s.set(RECORD_ID, s.getString(ID)).set(PARENT_ID, s.getString(PARENT_ID_COLUMN)))
                .exec(view(cfg, chance));
    }

    /** Views the record in "recordId"; downloads one of its files that is not too large. */
    public static ChainBuilder view(LoadTestConfig cfg, Chance chance) {
        long maxBytes = cfg.traffic().readers().maxDownloadBytes();
        return exec(RecordViewJourney::forgetThePreviousRecord)
                .exitBlockOnFail()
                .on(exec(Records.VIEW)
                        .doIf(chance.of(LIST_VERSIONS))
                        .then(exec(Records.LIST_VERSIONS))
                        .doIf(chance.of(RESOLVE_LATEST))
                        .then(exec(Records.RESOLVE_LATEST))
                        .doIf(s -> s.contains(PARENT_ID)
                                && chance.of(RESOLVE_PARENT).apply(s))
                        .then(exec(Records.RESOLVE_PARENT))
                        .doIf(chance.of(cfg.traffic().readers().viewDownloadProbability()))
                        .then(downloadASmallFile(maxBytes))
                        .doIf(s -> wholeArchiveFits(s, maxBytes)
                                && chance.of(DOWNLOAD_ARCHIVE).apply(s))
                        .then(exec(Files.DOWNLOAD_ARCHIVE)));
    }

    private static Session forgetThePreviousRecord(Session s) {
        return s.remove(CONTENT_LINKS)
                .remove(CONTENT_SIZES)
                .remove(ARCHIVE_LINK)
                .remove(CONTENT_LINK);
    }

    /** One of the record's files no larger than traffic.download.maxMB, if it has one. */
    private static ChainBuilder downloadASmallFile(long maxBytes) {
        return exec(s -> pickASmallFile(s, maxBytes))
                .doIf(s -> s.contains(CONTENT_LINK))
                .then(exec(Files.DOWNLOAD));
    }

    private static Session pickASmallFile(Session s, long maxBytes) {
        List<Object> links = s.getList(CONTENT_LINKS);
        List<Object> sizes = s.getList(CONTENT_SIZES);
        List<Integer> small = new ArrayList<>();
        for (int i = 0; i < Math.min(links.size(), sizes.size()); i++) {
            if (((Number) sizes.get(i)).longValue() <= maxBytes) small.add(i);
        }
        if (small.isEmpty()) return s;
        return s.set(
                CONTENT_LINK, links.get(small.get(ThreadLocalRandom.current().nextInt(small.size()))));
    }

    private static boolean wholeArchiveFits(Session s, long maxBytes) {
        return s.contains(ARCHIVE_LINK)
                && !s.getList(CONTENT_LINKS).isEmpty()
                && s.getLong(FILES_TOTAL_BYTES) <= maxBytes;
    }
}
