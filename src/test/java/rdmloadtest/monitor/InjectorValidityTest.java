package rdmloadtest.monitor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectorValidityTest {
    private static final InjectorValidity.Limits LIMITS = InjectorValidity.Limits.DEFAULT;

    /** A 2-core second: machine CPU, this JVM's CPU, the embedded simulator's share, scheduling lag p99. */
    private static InjectorSample second(int i, double machine, double process, double simulator, double lagP99) {
        return new InjectorSample(1_000L * (i + 1), 1000, 2, machine, process, simulator, 0, 100, lagP99, lagP99);
    }

    private static List<InjectorSample> seconds(int n, int shortOnes, InjectorSample normal, InjectorSample starved) {
        List<InjectorSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(i < shortOnes ? starved : normal);
        return out;
    }

    @Test
    void aQuietInjectorIsValid() {
        InjectorValidity.Verdict v = InjectorValidity.judge(seconds(30, 0, second(0, 0.8, 0.6, 0.2, 2), null), LIMITS);
        assertTrue(v.valid(), v.reasons().toString());
        assertEquals(30, v.seconds());
        assertEquals(0.4, v.meanInjectorCpu(), 1e-9);
    }

    @Test
    void aBusyMachineForMoreThanATenthOfTheWindowIsInvalidAndSaysWhoUsedTheCpu() {
        InjectorSample normal = second(0, 0.8, 0.6, 0, 2);
        InjectorSample busy = second(0, 1.9, 0.7, 0, 2); // 95 % of 2 cores, 1.2 cores in other processes
        assertTrue(InjectorValidity.judge(seconds(30, 3, normal, busy), LIMITS).valid(), "3 of 30 s is 10 %: noise");
        InjectorValidity.Verdict v = InjectorValidity.judge(seconds(30, 4, normal, busy), LIMITS);
        assertFalse(v.valid());
        assertEquals(1, v.reasons().size(), v.reasons().toString());
        assertTrue(
                v.reasons().get(0).startsWith("machine CPU above 85 % of 2 cores in 13 % of the seconds"),
                v.reasons().get(0));
        assertTrue(
                v.reasons().get(0).contains("the injector competes for CPU"),
                v.reasons().get(0));
    }

    @Test
    void theMachineRuleCanBeSwitchedOffForATargetOnTheSameMachine() {
        InjectorSample busy = second(0, 1.95, 0.5, 0, 2);
        InjectorValidity.Limits sharedHost = new InjectorValidity.Limits(100, 85, LIMITS.maxLagP99(), 10);
        assertTrue(
                InjectorValidity.judge(seconds(20, 20, busy, busy), sharedHost).valid());
    }

    @Test
    void theEmbeddedSimulatorsCpuIsNotCountedAsTheInjectors() {
        InjectorValidity.Limits ownCpuOnly = new InjectorValidity.Limits(100, 85, LIMITS.maxLagP99(), 10);
        InjectorSample simulatorBusy = second(0, 1.9, 1.9, 1.2, 2); // the injector itself: 0.7 cores
        assertTrue(InjectorValidity.judge(seconds(20, 20, simulatorBusy, simulatorBusy), ownCpuOnly)
                .valid());
        InjectorSample injectorBusy = second(0, 1.9, 1.9, 0.1, 2);
        InjectorValidity.Verdict v = InjectorValidity.judge(seconds(20, 20, injectorBusy, injectorBusy), ownCpuOnly);
        assertFalse(v.valid());
        assertTrue(
                v.reasons().get(0).contains("the load generator is the limit"),
                v.reasons().toString());
    }

    @Test
    void schedulingLagAboveTheLimitMakesTheWindowInvalid() {
        InjectorValidity.Verdict v =
                InjectorValidity.judge(seconds(10, 2, second(0, 0.5, 0.4, 0, 1), second(0, 0.5, 0.4, 0, 120)), LIMITS);
        assertFalse(v.valid());
        assertTrue(
                v.reasons().get(0).startsWith("scheduling lag p99 above 50 ms in 20 % of the seconds (worst 120 ms)"),
                v.reasons().get(0));
        assertEquals(120, v.maxLagP99Ms());
    }

    @Test
    void anEmptyWindowIsNeverValid() {
        InjectorValidity.Verdict v = InjectorValidity.judge(List.of(), LIMITS);
        assertFalse(v.valid());
        assertTrue(v.reasons().get(0).contains("unknown"));
    }

    @Test
    void aWindowHoldsTheSecondsThatEndInsideIt() {
        List<InjectorSample> numbered = new ArrayList<>();
        for (int i = 0; i < 10; i++) numbered.add(second(i, 0, 0, 0, 0));
        assertEquals(
                List.of(3_000L, 4_000L, 5_000L),
                InjectorValidity.window(numbered, 2_000, 5_000).stream()
                        .map(InjectorSample::atMs)
                        .toList());
    }
}
