package rdmloadtest.cli;

import static rdmloadtest.cli.BadInputTableTest.BAD_TOKEN;
import static rdmloadtest.cli.BadInputTableTest.GOOD_TOKEN;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rdmloadtest.cli.BadInputTableTest.Cmd;
import rdmloadtest.mix.Journey;

/**
 * The table {@link BadInputTableTest} runs: per command, the -D keys and environment of a bad input and the words its
 * one line must hold. Placeholders ({@code @ROOT}, {@code @RUNS}, ...) are resolved by the test at run time.
 */
final class BadInputs {
    private BadInputs() {}

    /** One bad input: the command, its -D keys and environment (placeholders resolved at run time), the line's words. */
    record Case(Cmd cmd, Map<String, String> props, Map<String, String> env, String expected) {
        @Override
        public String toString() {
            return cmd + " " + props + (env.isEmpty() ? "" : " env " + env.keySet()) + " -> " + expected;
        }
    }

    static final List<Case> CASES = new ArrayList<>();

    private static void bad(Cmd cmd, String expected, String... keyValues) {
        Map<String, String> props = new TreeMap<>();
        Map<String, String> env = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            String k = keyValues[i];
            if (k.startsWith("$")) env.put(k.substring(1), keyValues[i + 1]);
            else props.put(k, keyValues[i + 1]);
        }
        CASES.add(new Case(cmd, props, env, expected));
    }

    static {
        Cmd g = Cmd.GATLING;
        // The load shape: a run that cannot be judged.
        bad(g, "run.duration='0ms'", "run.duration", "0s");
        bad(
                g,
                "traffic.readers.rate",
                "traffic.readers.rate",
                "0",
                "traffic.depositors",
                "0",
                "traffic.harvesters",
                "0");
        bad(g, "slo.warmup='60s'", "slo.warmup", "1m", "run.duration", "5s", "run.rampUp", "1s");
        bad(g, "least-weighted journey", "run.duration", "3s", "run.rampUp", "1s", "slo.warmup", "0s");
        bad(g, "least-weighted journey", "traffic.readers.rate", "0.5", "run.duration", "10s", "slo.warmup", "0s");
        bad(g, "use -Dsimulation=", "gatling.simulationClass", "rdmloadtest.simulations.SearchSimulation");
        // Keys and environment variables with typos.
        bad(g, "did you mean traffic.readers.rate", "traffic.readers.rat", "4");
        bad(g, "did you mean TRAFFIC_READERS_RATE", "$TRAFFIC_READERS_RAT", "4");
        bad(g, "did you mean SLO_WARMUP", "$SLO_WARMUPP", "1s");
        bad(g, "did you mean INVENIO_BASE_URL", "$INVENIO_BASEURL", "http://127.0.0.1:1");
        bad(g, "did you mean RUN_DURATION", "$RUN_DURATON", "5s");
        bad(g, "did you mean SIMULATOR_WORKERS", "$SIMULATOR_WORKER", "4");
        bad(g, "TRAFFIC_NONSENSE_KEY", "$TRAFFIC_NONSENSE_KEY", "1");
        bad(g, "did you mean slo.warmup", "slo.warmupp", "1s");
        bad(g, "did you mean abort.p95", "abort.p96", "search:1s");
        // Values.
        bad(g, "traffic.readers.rate='abc'", "traffic.readers.rate", "abc");
        bad(g, "traffic.readers.rate='-1'", "traffic.readers.rate", "-1");
        bad(g, "run.duration='forever'", "run.duration", "forever");
        bad(g, "run.rampUp='x'", "run.rampUp", "x");
        bad(g, "slo.warmup='abc'", "slo.warmup", "abc");
        bad(g, "profile='nope'", "profile", "nope");
        bad(g, "profile.file=", "profile.file", "@ROOT/none.properties");
        bad(g, "slo.file", "slo.file", "@ROOT/none.json");
        bad(g, "traffic.mix.*", allWeights("0"));
        bad(g, "traffic.mix.search='-3'", "traffic.mix.search", "-3");
        bad(g, "injector.index='3'", "injector.index", "3", "injector.count", "2");
        bad(g, "abort.p95", "abort.p95", "nogroup:1s");
        bad(g, "abort.errorRatePct='150'", "abort.errorRatePct", "150");
        bad(g, "simulator.faults.search='error=1.5'", "simulator.faults.search", "error=1.5");
        bad(g, "traffic.depositors='-1'", "traffic.depositors", "-1");
        bad(g, "traffic.recordView.downloadProbability", "traffic.recordView.downloadProbability", "2");
        bad(g, "invenio.version", "invenio.version", "12");
        bad(g, "slo.enforce='maybe'", "slo.enforce", "maybe");
        bad(g, "metrics.file", "metrics.file", "@ROOT/none.json");
        // Files.
        bad(g, "data.dir='", "data.dir", "@ROOT/no-data");
        bad(g, "files.csv:30", "data.dir", "@BROKEN");
        // The target.
        bad(g, "is not an InvenioRDM record search", "invenio.baseUrl", "@HTML", "traffic.depositors", "0");
        bad(g, "does not answer", "invenio.baseUrl", "@CLOSED", "traffic.depositors", "0");
        bad(g, "invenio.version=14", "invenio.baseUrl", "@INVENIO", "invenio.version", "14", "traffic.depositors", "0");
        bad(
                g,
                "INVENIO_TOKEN",
                "invenio.baseUrl",
                "@INVENIO",
                "invenio.allowWrites",
                "true",
                "traffic.depositors",
                "1",
                "$INVENIO_TOKEN",
                BAD_TOKEN);
        bad(g, "invenio.allowWrites=false", "invenio.baseUrl", "@INVENIO", "traffic.depositors", "2");
        bad(g, "INVENIO_TOKEN: not set", "invenio.baseUrl", "@INVENIO", "invenio.allowWrites", "true");
        bad(g, "invenio.token", "invenio.token", "abc");
        bad(g, "none.jsonl: file not found", "traffic.depositors", "1", "data.depositTemplates", "@ROOT/none.jsonl");
        bad(g, "traffic.harvesters='-1'", "traffic.harvesters", "-1");
        bad(g, "traffic.harvesters.rate='abc'", "traffic.harvesters.rate", "abc");
        bad(g, "traffic.crawlers='-1'", "traffic.crawlers", "-1");
        bad(g, "traffic.crawlers.rate='-0.5'", "traffic.crawlers.rate", "-0.5");
        bad(g, "traffic.crawl.pages='0'", "traffic.crawl.pages", "0");
        bad(g, "traffic.crawl.exportsPerPage='all'", "traffic.crawl.exportsPerPage", "all");
        bad(g, "traffic.crawl.pause='politely'", "traffic.crawl.pause", "politely");
        bad(g, "run.maxDuration='soon'", "run.maxDuration", "soon");
        bad(
                g,
                "traffic.mix.uploads",
                "invenio.baseUrl",
                "@INVENIO",
                "traffic.depositors",
                "0",
                "traffic.mix.uploads",
                "5");
        bad(
                g,
                "INVENIO_WEB_USERS",
                "invenio.baseUrl",
                "@INVENIO",
                "traffic.depositors",
                "0",
                "$INVENIO_WEB_USERS",
                "nopassword");

        Cmd d = Cmd.DATAGEN;
        bad(d, "datagen.overwrite=true", "datagen.records", "3", "datagen.out", "@DATASET");
        bad(d, "datagen.records: no value", "datagen.out", "@ROOT/new");
        bad(d, "datagen.records='0'", "datagen.records", "0", "datagen.out", "@ROOT/new");
        bad(d, "datagen.out: no value", "datagen.records", "3");
        bad(d, "datagen.out='/proc/", "datagen.records", "3", "datagen.out", "/proc/x/data");
        bad(d, "datagen.out=", "datagen.records", "3", "datagen.out", "@FILE/sub");
        bad(d, "datagen.maxFileSize", "datagen.records", "3", "datagen.out", "@ROOT/new", "datagen.maxFileSize", "20g");
        bad(d, "datagen.owners='0'", "datagen.records", "3", "datagen.out", "@ROOT/new", "datagen.owners", "0");
        bad(d, "datagen.seed='abc'", "datagen.records", "3", "datagen.out", "@ROOT/new", "datagen.seed", "abc");
        bad(d, "did you mean DATAGEN_RECORDS", "datagen.out", "@ROOT/new", "$DATAGEN_RECORD", "3");
        bad(
                d,
                "the shares sum to 50.0",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.access",
                "open=50");
        bad(
                d,
                "'public' is not one of open",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.access",
                "public=100");
        bad(
                d,
                "datagen.descriptionWords.max='40' (system property -Ddatagen.descriptionWords.max): expected at least"
                        + " datagen.descriptionWords.median (60)",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.descriptionWords.max",
                "40");
        bad(
                d,
                "datagen.versions.max='0'",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.versions.max",
                "0");
        bad(
                d,
                "datagen.versions.exponent='0'",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.versions.exponent",
                "0");
        bad(
                d,
                "datagen.communities.max='9'",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.communities.max",
                "9");
        bad(
                d,
                "datagen.shape='@ROOT/none.json': no such file",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.shape",
                "@ROOT/none.json");
        bad(
                d,
                "datagen.shape='@FILE': not JSON",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.shape",
                "@FILE");
        bad(
                d,
                "datagen.versions.max='100' (system property -Ddatagen.versions.max): expected no value with datagen.shape",
                "datagen.records",
                "3",
                "datagen.out",
                "@ROOT/new",
                "datagen.shape",
                "@FILE",
                "datagen.versions.max",
                "100");
        bad(
                d,
                "datagen.overwrite='yes please'",
                "datagen.records",
                "3",
                "datagen.out",
                "@DATASET",
                "datagen.overwrite",
                "yes please");

        Cmd c = Cmd.CHECKSUMS;
        bad(c, "datagen.out: no value");
        bad(c, "datagen.out='", "datagen.out", "@ROOT/none");
        bad(c, "records.jsonl", "datagen.out", "@EMPTY");
        bad(c, "datagen.out='", "datagen.out", "@FILE");
        bad(c, "datagen.out='/proc/", "datagen.out", "/proc/x");

        Cmd f = Cmd.FILES;
        bad(f, "datagen.out: no value");
        bad(f, "records.jsonl", "datagen.out", "@EMPTY");
        bad(f, "datagen.out='", "datagen.out", "@FILE");

        Cmd h = Cmd.HARVEST;
        bad(h, "invenio.baseUrl: no value");
        bad(h, "is not an InvenioRDM record search", "invenio.baseUrl", "@HTML", "harvest.out", "@ROOT/harvested");
        bad(h, "does not answer", "invenio.baseUrl", "@CLOSED", "harvest.out", "@ROOT/harvested");
        bad(h, "invenio.version=14", "invenio.baseUrl", "@INVENIO", "invenio.version", "14", "harvest.out", "@ROOT/h");
        bad(
                h,
                "INVENIO_TOKEN: GET",
                "invenio.baseUrl",
                "@INVENIO",
                "harvest.out",
                "@ROOT/h",
                "$INVENIO_TOKEN",
                BAD_TOKEN);
        bad(h, "harvest.out='/proc/", "invenio.baseUrl", "@INVENIO", "harvest.out", "/proc/x/harvested");
        bad(h, "harvest.pageSize='0'", "invenio.baseUrl", "@INVENIO", "harvest.pageSize", "0");
        bad(h, "harvest.rate='0'", "invenio.baseUrl", "@INVENIO", "harvest.rate", "0");
        bad(h, "harvest.out='", "invenio.baseUrl", "@INVENIO", "harvest.out", "@FILE/h");
        bad(h, "harvest.maxRecords='-5'", "invenio.baseUrl", "@INVENIO", "harvest.maxRecords", "-5");
        bad(h, "invenio.baseUrl='not a url'", "invenio.baseUrl", "not a url");
        bad(h, "did you mean HARVEST_PAGE_SIZE", "invenio.baseUrl", "@INVENIO", "$HARVEST_PAGESIZE", "10");

        Cmd s = Cmd.SEED;
        bad(s, "invenio.baseUrl: no value", "$INVENIO_TOKEN", GOOD_TOKEN);
        bad(s, "INVENIO_TOKEN: not set", "invenio.baseUrl", "@INVENIO", "seed.data", "@DATASET");
        bad(
                s,
                "INVENIO_TOKEN: GET",
                "invenio.baseUrl",
                "@INVENIO",
                "seed.data",
                "@DATASET",
                "$INVENIO_TOKEN",
                BAD_TOKEN);
        bad(
                s,
                "is not an InvenioRDM",
                "invenio.baseUrl",
                "@HTML",
                "seed.data",
                "@DATASET",
                "$INVENIO_TOKEN",
                GOOD_TOKEN);
        bad(s, "does not answer", "invenio.baseUrl", "@CLOSED", "seed.data", "@DATASET", "$INVENIO_TOKEN", GOOD_TOKEN);
        bad(s, "invenio.allowWrites=false", "invenio.baseUrl", "http://192.0.2.1", "$INVENIO_TOKEN", GOOD_TOKEN);
        bad(s, "seed.data='", "invenio.baseUrl", "@INVENIO", "seed.data", "@ROOT/none", "$INVENIO_TOKEN", GOOD_TOKEN);
        bad(
                s,
                "seed.concurrency='0'",
                "invenio.baseUrl",
                "@INVENIO",
                "seed.concurrency",
                "0",
                "$INVENIO_TOKEN",
                GOOD_TOKEN);
        bad(s, "seed.limit='0'", "invenio.baseUrl", "@INVENIO", "seed.limit", "0", "$INVENIO_TOKEN", GOOD_TOKEN);
        bad(
                s,
                "seed.progressFile='/proc/",
                "invenio.baseUrl",
                "@INVENIO",
                "seed.data",
                "@DATASET",
                "seed.progressFile",
                "/proc/x/p.csv",
                "$INVENIO_TOKEN",
                GOOD_TOKEN);
        bad(
                s,
                "invenio.version=14",
                "invenio.baseUrl",
                "@INVENIO",
                "seed.data",
                "@DATASET",
                "invenio.version",
                "14",
                "$INVENIO_TOKEN",
                GOOD_TOKEN);
        bad(
                s,
                "did you mean SEED_LIMIT",
                "invenio.baseUrl",
                "@INVENIO",
                "$SEED_LIMT",
                "3",
                "$INVENIO_TOKEN",
                GOOD_TOKEN);

        Cmd x = Cmd.DIFFERENTIAL;
        bad(x, "conformance.real: no value", "$INVENIO_TOKEN", GOOD_TOKEN, "$INVENIO_TOKEN_2", GOOD_TOKEN);
        bad(x, "INVENIO_TOKEN: not set", "conformance.real", "@INVENIO", "$INVENIO_TOKEN_2", GOOD_TOKEN);
        bad(x, "INVENIO_TOKEN_2: not set", "conformance.real", "@INVENIO", "$INVENIO_TOKEN", GOOD_TOKEN);
        bad(
                x,
                "is not an InvenioRDM",
                "conformance.real",
                "@HTML",
                "$INVENIO_TOKEN",
                GOOD_TOKEN,
                "$INVENIO_TOKEN_2",
                GOOD_TOKEN);
        bad(
                x,
                "INVENIO_TOKEN: GET",
                "conformance.real",
                "@INVENIO",
                "$INVENIO_TOKEN",
                BAD_TOKEN,
                "$INVENIO_TOKEN_2",
                GOOD_TOKEN);
        bad(
                x,
                "INVENIO_TOKEN_2: GET",
                "conformance.real",
                "@INVENIO",
                "$INVENIO_TOKEN",
                GOOD_TOKEN,
                "$INVENIO_TOKEN_2",
                BAD_TOKEN);
        bad(x, "conformance.version='12'", "conformance.real", "@INVENIO", "conformance.version", "12");
        bad(
                x,
                "conformance.out='/proc/",
                "conformance.real",
                "@INVENIO",
                "conformance.out",
                "/proc/x/d.md",
                "$INVENIO_TOKEN",
                GOOD_TOKEN,
                "$INVENIO_TOKEN_2",
                GOOD_TOKEN);
        bad(
                x,
                "invenio.allowWrites",
                "conformance.real",
                "http://192.0.2.1",
                "$INVENIO_TOKEN",
                GOOD_TOKEN,
                "$INVENIO_TOKEN_2",
                GOOD_TOKEN);

        Cmd l = Cmd.CLEANUP;
        bad(l, "invenio.baseUrl: no value");
        bad(l, "run.ledgerDir='", "invenio.baseUrl", "@INVENIO", "run.ledgerDir", "@ROOT/no-drafts");
        bad(l, "is not an InvenioRDM", "invenio.baseUrl", "@HTML", "run.ledgerDir", "@EMPTY");
        bad(l, "does not answer", "invenio.baseUrl", "@CLOSED", "run.ledgerDir", "@EMPTY");
        bad(
                l,
                "INVENIO_TOKENS (token 2 of 2)",
                "invenio.baseUrl",
                "@INVENIO",
                "run.ledgerDir",
                "@EMPTY",
                "cleanup.apply",
                "true",
                "$INVENIO_TOKENS",
                GOOD_TOKEN + "," + BAD_TOKEN);
        bad(l, "cleanup.apply='maybe'", "invenio.baseUrl", "@INVENIO", "cleanup.apply", "maybe");
        bad(l, "did you mean CLEANUP_APPLY", "invenio.baseUrl", "@INVENIO", "$CLEANUP_APLY", "true");

        Cmd p = Cmd.CAPACITY;
        bad(p, "capacity.reportDir='/proc/", "capacity.reportDir", "/proc/x/reports");
        bad(p, "capacity.settle", "capacity.settle", "40s", "capacity.stepDuration", "30s");
        bad(p, "capacity.startRate='50.0'", "capacity.startRate", "50", "capacity.maxRate", "40");
        bad(p, "is not an InvenioRDM record search", "invenio.baseUrl", "@HTML");
        bad(p, "does not answer", "invenio.baseUrl", "@CLOSED");
        bad(p, "capacity.journey='bogus'", "capacity.journey", "bogus");
        bad(p, "did you mean CAPACITY_STEP_DURATION", "$CAPACITY_STEPDURATION", "10s");
        bad(p, "history.dir='/proc/", "history.record", "true", "history.dir", "/proc/x/history");
        bad(p, "capacity.step='0'", "capacity.step", "0");
        bad(p, "capacity.stepDuration (0ms)", "capacity.stepDuration", "0s");

        Cmd k = Cmd.CALIBRATE;
        bad(k, "calibrate.log: no value", "calibrate.out", "@ROOT/cal");
        bad(
                k,
                "calibrate.maxUnparseablePct='200'",
                "calibrate.log",
                "@LOG",
                "calibrate.out",
                "@ROOT/cal",
                "calibrate.maxUnparseablePct",
                "200");
        bad(k, "calibrate.log='", "calibrate.log", "@ROOT/none.log", "calibrate.out", "@ROOT/cal");
        bad(k, "calibrate.out: no value", "calibrate.log", "@LOG");
        bad(k, "calibrate.overwrite=true", "calibrate.log", "@LOG", "calibrate.out", "@DATASET");
        bad(k, "calibrate.out='/proc/", "calibrate.log", "@LOG", "calibrate.out", "/proc/x/cal");
        bad(
                k,
                "calibrate.format='apache'",
                "calibrate.log",
                "@LOG",
                "calibrate.out",
                "@ROOT/cal",
                "calibrate.format",
                "apache");

        Cmd t = Cmd.TRENDS;
        bad(t, "history.dir='", "history.dir", "@ROOT/no-history", "trends.out", "@ROOT/trends");
        bad(t, "history.dir='", "history.dir", "@FILE", "trends.out", "@ROOT/trends");
        bad(t, "trends.out='/proc/", "history.dir", "@EMPTY", "trends.out", "/proc/x/trends");
        bad(t, "trends.runs='0'", "history.dir", "@EMPTY", "trends.runs", "0");
        bad(t, "trends.out='", "history.dir", "@EMPTY", "trends.out", "@FILE/trends");

        Cmd m = Cmd.MERGE;
        bad(m, "merge.in=", "merge.in", "@ROOT/none", "merge.out", "@ROOT/merged");
        bad(m, "no injector-<i>/**/simulation.log", "merge.in", "@EMPTY", "merge.out", "@ROOT/merged");
        bad(m, "not under an injector-<i> folder", "merge.in", "@LOOSE_LOG", "merge.out", "@ROOT/merged");
        bad(m, "merge.out=", "merge.in", "@RUNS", "merge.out", "@DATASET");
        bad(m, "merge.out='/proc/", "merge.in", "@RUNS", "merge.out", "/proc/x/merged");
        bad(m, "merge.align='bogus'", "merge.in", "@RUNS", "merge.out", "@ROOT/merged", "merge.align", "bogus");
        bad(m, "merge.in: no value", "merge.out", "@ROOT/merged");
        bad(m, "is not the log of a Gatling run", "merge.in", "@RUNS", "merge.out", "@ROOT/merged");
        bad(m, "has 2 runs", "merge.in", "@TWO_RUNS", "merge.out", "@ROOT/merged");

        Cmd y = Cmd.SIMULATOR;
        bad(y, "simulator.port=@OCCUPIED_PORT", "simulator.port", "@OCCUPIED_PORT");
        bad(y, "simulator.port='70000'", "simulator.port", "70000");
        bad(y, "data.dir", "data.dir", "@ROOT/none");
        bad(y, "simulator.workers='0'", "simulator.workers", "0");
        bad(y, "simulator.robotsTxt='", "simulator.robotsTxt", "@ROOT/no-robots.txt");
        bad(y, "simulator.sitemap.maxEntries='-1'", "simulator.sitemap.maxEntries", "-1");
        bad(y, "did you mean SIMULATOR_PORT", "$SIMULATOR_PROT", "8080");
    }

    /** Every reader journey's weight key set to {@code w}: the catalogue's rows, so a new journey is covered too. */
    private static String[] allWeights(String w) {
        List<String> kv = new ArrayList<>();
        for (Journey j : Journey.readers()) {
            kv.add(j.key().name());
            kv.add(w);
        }
        return kv.toArray(String[]::new);
    }
}
