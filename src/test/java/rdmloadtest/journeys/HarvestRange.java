package rdmloadtest.journeys;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import rdmloadtest.run.LoadTestConfig;

/**
 * The OAI-PMH datestamp range one injector harvests: with n injectors, the years from 2000 to next year
 * are cut into n contiguous slices, so no two injectors harvest the same records.
 */
public record HarvestRange(String from, String until) {
    static final int FIRST_YEAR = 2000;

    public static HarvestRange of(LoadTestConfig.Shard shard) {
        if (shard.count() == 1) return new HarvestRange(null, null);
        int years = LocalDate.now().getYear() + 2 - FIRST_YEAR;
        int start = FIRST_YEAR + years * shard.index() / shard.count();
        int end = FIRST_YEAR + years * (shard.index() + 1) / shard.count();
        return new HarvestRange(start + "-01-01", (end - 1) + "-12-31");
    }

    /** Extra OAI-PMH arguments for the first ListRecords/ListIdentifiers request. */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (from != null) p.put("from", from);
        if (until != null) p.put("until", until);
        return p;
    }
}
