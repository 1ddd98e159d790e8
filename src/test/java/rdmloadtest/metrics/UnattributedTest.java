package rdmloadtest.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine's CPU that no tier explains, and the warning above 15 %. */
class UnattributedTest {
    private static TierMetrics.TierUsage tier(String name, double cores) {
        return new TierMetrics.TierUsage(name, cores, null, null, 0, null);
    }

    @Test
    void theMachineLessEveryTierTheInjectorIncludedInCoresAndPercent() {
        Unattributed u = Unattributed.of(List.of(
                tier("app workers", 0.40), tier("search", 0.10), tier("injector", 0.20), tier("machine", 0.80)));
        assertNotNull(u);
        assertEquals(0.80, u.machineCores(), 1e-9);
        assertEquals(0.70, u.tiersCores(), 1e-9);
        assertEquals(0.10, u.cores(), 1e-9);
        assertEquals(12.5, u.pct(), 1e-9);
        assertFalse(u.warns(), "12.5 % is below 15 %");
        assertEquals(
                "unattributed CPU: 0.100 cores, 12.5 % of the machine's 0.800 (the tiers explain 0.700)", u.line());
    }

    @Test
    void aboveFifteenPercentItWarnsAtFifteenItDoesNot() {
        Unattributed above = Unattributed.of(List.of(tier("app workers", 0.60), tier("machine", 0.75)));
        assertEquals(20.0, above.pct(), 1e-9);
        assertTrue(above.warns());
        assertTrue(above.line().contains("WARNING: above 15 %"), above.line());
        Unattributed at = Unattributed.of(List.of(tier("app workers", 0.85), tier("machine", 1.0)));
        assertEquals(15.0, at.pct(), 1e-9);
        assertFalse(at.warns(), "the warning is for more than 15 %");
    }

    @Test
    void tiersThatAddUpToMoreThanTheMachineLeaveANegativeShareAndNoWarning() {
        Unattributed u = Unattributed.of(List.of(tier("app workers", 0.9), tier("machine", 0.8)));
        assertEquals(-0.1, u.cores(), 1e-9);
        assertFalse(u.warns());
    }

    @Test
    void withoutAMachineTierOrWithATierWithoutAValueThereIsNone() {
        assertNull(Unattributed.of(List.of(tier("app workers", 0.5), tier("search", 0.1))));
        assertNull(Unattributed.of(List.of(tier("app workers", Double.NaN), tier("machine", 1.0))));
        assertNull(Unattributed.of(List.of(tier("app workers", 0.1), tier("machine", 0.0))), "an idle machine");
    }
}
