package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import rdmloadtest.api.Files;
import rdmloadtest.api.Records;
import rdmloadtest.run.LoadTestConfig;

/** A record page: the record, sometimes its versions or the latest-version redirect, often a file download. */
public final class RecordViewJourney {
  private RecordViewJourney() {}

  /** Lands on a record chosen by Zipf popularity (sets recordId, parentId). */
  public static ChainBuilder landOnPopularRecord(Feeds feeds, LoadTestConfig cfg, Chance chance) {
    return feed(feeds.popularRecords()).exec(s -> s.set("recordId", s.getString("id")).set("parentId",
        s.getString("parent_id"))).exec(view(cfg, chance));
  }

  /** Views the record in "recordId"; downloads one of its files that is not too large. */
  public static ChainBuilder view(LoadTestConfig cfg, Chance chance) {
    long maxBytes = cfg.traffic().maxDownloadBytes();
    return exec(s -> s.remove("contentLinks").remove("contentSizes").remove("archiveLink").remove("contentLink"))
        .exitBlockOnFail().on(exec(Records.VIEW)
        .doIf(chance.of(0.2)).then(exec(Records.LIST_VERSIONS))
        .doIf(chance.of(0.1)).then(exec(Records.RESOLVE_LATEST))
        .doIf(s -> s.contains("parentId") && chance.of(0.05).apply(s)).then(exec(Records.RESOLVE_PARENT))
        .doIf(chance.of(cfg.traffic().viewDownloadProbability())).then(
            exec(s -> {
              List<Object> links = s.getList("contentLinks");
              List<Object> sizes = s.getList("contentSizes");
              List<Integer> small = new java.util.ArrayList<>();
              for (int i = 0; i < Math.min(links.size(), sizes.size()); i++) {
                if (((Number) sizes.get(i)).longValue() <= maxBytes) small.add(i);
              }
              if (small.isEmpty()) return s;
              return s.set("contentLink", links.get(small.get(ThreadLocalRandom.current().nextInt(small.size()))));
            }).doIf(s -> s.contains("contentLink")).then(exec(Files.DOWNLOAD)))
        .doIf(s -> s.contains("archiveLink") && !s.getList("contentLinks").isEmpty()
            && s.getLong("filesTotalBytes") <= maxBytes && chance.of(0.05).apply(s)).then(
            exec(Files.DOWNLOAD_ARCHIVE)));
  }
}
