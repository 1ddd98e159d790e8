package rdmloadtest.calibrate;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdmloadtest.cli.Command;
import rdmloadtest.mix.Journey;

/** The fidelity check's verdict: a miss fails it, and a figure the run held too few samples of is named, not passed. */
class FidelityTest {
    private static Fidelity of(List<Fidelity.Row> rows, double runPages, double pagesError, long webVisits) {
        return new Fidelity(1, 1, rows, 1.1, 1.12, 2.5, runPages, pagesError, webVisits, 5.0);
    }

    @Test
    void aClassOutOfItsToleranceAndItsSamplingFailsTheCheck() {
        Fidelity.Row off = new Fidelity.Row("static files", 37, 33.5, 0.4);
        assertEquals(Fidelity.Verdict.NO, off.verdict(), "3.5 pp off, ±0.8 pp sampling");
        Fidelity f = of(List.of(new Fidelity.Row("search", 10, 10.5, 0.3), off), 2.5, 0.05, 900);
        assertFalse(f.passed());
        assertEquals("FAILED", f.verdict());
        assertEquals(Command.GATE_FAILED, CalibrateMain.exitCode(f));
        assertTrue(f.table().contains("NO (±0.80)"), f.table());
    }

    @Test
    void aMissWithinTheSamplingAllowanceIsNotAMiss() {
        Fidelity.Row row = new Fidelity.Row("static files", 37, 34.6, 0.4);
        assertEquals(Fidelity.Verdict.YES, row.verdict(), "2.4 pp off: within 2 pp plus two standard errors (0.8)");
        Fidelity f = of(List.of(row), 2.6, 0.06, 900);
        assertTrue(f.passed(), f.table());
        assertEquals(Command.OK, CalibrateMain.exitCode(f));
    }

    /** Two standard errors above the tolerance: the run cannot hold the class to it, whatever its difference. */
    @Test
    void aClassWithTooFewSamplesIsNamedAndDoesNotPass() {
        Fidelity.Row few = new Fidelity.Row("iiif", 14.7, 14.5, 1.3);
        assertEquals(Fidelity.Verdict.TOO_FEW, few.verdict());
        Fidelity f = of(List.of(new Fidelity.Row("search", 10, 10.5, 0.3), few), 2.5, 0.05, 900);
        assertTrue(f.noMiss());
        assertFalse(f.passed());
        assertEquals(Command.GATE_FAILED, CalibrateMain.exitCode(f));
        assertTrue(f.verdict().startsWith("NOT JUDGED: too few samples for iiif (±2.6 pp"), f.verdict());
        assertTrue(f.markdown().contains("| iiif | 14.70 | 14.50 | -0.20 | 2.60 | too few to judge |"), f.markdown());
        // Far enough out, even a class with few samples fails.
        assertEquals(Fidelity.Verdict.NO, new Fidelity.Row("iiif", 14.7, 8, 1.3).verdict());
    }

    @Test
    void pagesPerVisitAreJudgedWithTheirSamplingError() {
        // 2.5 pages per visit, the run's mean 2.5 ± 0.2 (about 100 visits): ±16 %, more than the ±10 % tolerance.
        Fidelity few = of(List.of(), 2.5, 0.2, 100);
        assertEquals(Fidelity.Verdict.TOO_FEW, few.pagesVerdict(), few.table());
        assertTrue(few.verdict().contains("pages per visit (100 web visits, ±16 % sampling error)"), few.verdict());
        assertEquals(Fidelity.Verdict.YES, of(List.of(), 2.7, 0.05, 1600).pagesVerdict(), "+8 %, ±4 %");
        assertEquals(Fidelity.Verdict.NO, of(List.of(), 3.0, 0.05, 1600).pagesVerdict(), "+20 %, ±4 %");
        assertEquals(Fidelity.Verdict.NO, of(List.of(), 0, Double.NaN, 0).pagesVerdict(), "no web visit replayed");
    }

    @Test
    void theExponentIsHeldToItsTolerance() {
        Fidelity f = new Fidelity(1, 1, List.of(), 1.1, 1.25, 0, 0, Double.NaN, 0, 5.0);
        assertFalse(f.exponentOk());
        assertFalse(f.passed());
    }

    /** 100 web visits of a landing page and its three static files, 100 API searches. */
    private static LogStats aRun() {
        LogStats run = new LogStats(false, true);
        for (int i = 0; i < 200; i++) {
            String agent = "rdm-loadtest/0.1 (+Gatling) session/" + i;
            long client = i;
            if (i % 2 == 0) {
                run.add(new Hit(1000 + i, "GET", "/records/abcde-fgh" + (10 + i % 80), 200, 100, agent, client));
                for (String f : List.of("a.css", "b.js", "c.png"))
                    run.add(new Hit(1000 + i, "GET", "/static/" + f, 200, 100, agent, client));
            } else run.add(new Hit(1000 + i, "GET", "/api/records?q=x", 200, 100, agent, client));
        }
        return run;
    }

    /**
     * Without the profile's weights, a run's shares are as counted, and their errors the ratio estimator's over its
     * sessions, not its requests: the static files' share is 60 %, its standard error sqrt(200 / 199 × 200 × 0.6²) /
     * 500 = 1.70 pp.
     */
    @Test
    void aRunsShareErrorsComeFromItsSessions() {
        Sampled s = Sampled.of(aRun().samples(), Map.of());
        assertEquals(200, s.sessions());
        assertEquals(60, s.shares().get(VisitClass.STATIC.label), 1e-9);
        assertEquals(1.701, s.errors().get(VisitClass.STATIC.label), 0.001);
        assertEquals(Math.sqrt(8 * 200 / 199.0) / 5, s.errors().get(VisitClass.UI.label), 1e-9);
        assertEquals(0, s.shares().get(LogStats.CRAWLERS), 1e-9);
    }

    /**
     * With them, the shares are the profile's expectation: at landing page 1 : search 3, the 200 sessions are 50
     * landing pages (4 requests, 3 static files) and 150 searches, 42.86 % static files, whichever the run drew; and
     * as every session of a journey sent the same, no error is left.
     */
    @Test
    void theReadersJourneysCountAtTheProfilesWeights() {
        Sampled s = Sampled.of(aRun().samples(), Map.of(Journey.LANDING_PAGE, 1, Journey.SEARCH, 3));
        assertEquals(100 * 150 / 350.0, s.shares().get(VisitClass.STATIC.label), 1e-9);
        assertEquals(100 * 150 / 350.0, s.shares().get(VisitClass.SEARCH.label), 1e-9);
        assertEquals(0, s.errors().get(VisitClass.STATIC.label), 1e-9);
        // A weighted journey that did not run is left out: the others at their weights.
        Sampled missing = Sampled.of(aRun().samples(), Map.of(Journey.LANDING_PAGE, 1, Journey.IIIF, 3));
        assertEquals(60, missing.shares().get(VisitClass.STATIC.label), 1e-9);
        assertEquals(0, missing.errors().get(VisitClass.STATIC.label), 1e-9);
    }
}
