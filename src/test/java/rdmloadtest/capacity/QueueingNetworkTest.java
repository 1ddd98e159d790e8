package rdmloadtest.capacity;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The network's arithmetic against closed forms: M/M/1, M/M/c (Erlang C), and what layering and growth change. */
class QueueingNetworkTest {
    private static QueueingNetwork.Station station(String name, double servers, double demandMs, String... waitsFor) {
        return new QueueingNetwork.Station(name, servers, demandMs, 0, 0, List.of(waitsFor));
    }

    @Test
    void erlangCMatchesItsClosedForms() {
        assertEquals(0.5, QueueingNetwork.erlangC(1, 0.5), 1e-12); // M/M/1: P(wait) = ρ
        assertEquals(1.0 / 3, QueueingNetwork.erlangC(2, 1), 1e-12);
        // n = 3, a = 2: (a^n / n!) (n / (n − a)) / (Σ_{k<n} a^k / k! + that) = 8 / (5 × 8 / ... ) = 4/9
        assertEquals(4.0 / 9, QueueingNetwork.erlangC(3, 2), 1e-12);
        assertEquals(0, QueueingNetwork.erlangC(4, 0));
    }

    @Test
    void oneServerIsMm1() {
        QueueingNetwork m = new QueueingNetwork(List.of(station("search", 1, 10)), 0);
        assertEquals(20, m.responseMs(50), 1e-9); // D / (1 − ρ), ρ = 0.5
        assertEquals(100, m.responseMs(90), 1e-9);
        assertTrue(Double.isInfinite(m.responseMs(100)));
        assertEquals(100, m.boundRps(), 1e-6);
        assertEquals(75, m.rateAt(40), 1e-6); // 1 / (1 − ρ) = 4
    }

    @Test
    void twoServersAreMm2() {
        QueueingNetwork m = new QueueingNetwork(List.of(station("database", 2, 10)), 5);
        // a = 1 erlang: C = 1/3, W = C / (cμ − λ) = (1/3) / (200 − 100) s
        assertEquals(5 + 10 + 10.0 / 3, m.responseMs(100), 1e-9);
        assertEquals(200, m.boundRps(), 1e-6);
    }

    @Test
    void halfACoreIsOneServerAtHalfSpeed() {
        QueueingNetwork m = new QueueingNetwork(List.of(station("search", 0.5, 10)), 0);
        assertEquals(40, m.responseMs(25), 1e-9); // M/M/1 of 20 ms at ρ = 0.5
        assertEquals(50, m.boundRps(), 1e-6);
    }

    @Test
    void theBoundIsTheTightestStationAndScalingItMovesIt() {
        QueueingNetwork m = new QueueingNetwork(List.of(station("app workers", 16, 100), station("search", 1, 10)), 0);
        assertEquals(100, m.boundRps(), 1e-6);
        assertEquals(160, m.scaled("search", 2).boundRps(), 1e-6);
        assertEquals(2, m.scaled("search", 2).station("search").servers());
    }

    @Test
    void aPoolHeldWhileItWaitsIncludesTheBackendOnce() {
        QueueingNetwork m =
                new QueueingNetwork(List.of(station("app workers", 16, 5, "search"), station("search", 1, 10)), 0);
        // search at ρ = 0.5 resides 20 ms; the app holds 25 ms, 1.25 of 16 workers busy: almost no queue
        double search = m.residenceMs(m.station("search"), 50);
        assertEquals(20, search, 1e-9);
        assertTrue(m.responseMs(50) >= 25 && m.responseMs(50) < 25.01, "" + m.responseMs(50));
    }

    @Test
    void aSaturatingBackendFillsTheFrontPoolBeforeItsOwnBound() {
        QueueingNetwork m =
                new QueueingNetwork(List.of(station("app workers", 2, 5, "search"), station("search", 1, 10)), 0);
        double bound = m.boundRps();
        assertTrue(bound < 100, "" + bound); // the app's 2 workers are held for search's growing residence
        assertEquals(1, m.utilization(bound), 1e-6);
        double scaled = m.scaled("app workers", 4).boundRps();
        assertTrue(scaled > bound && scaled < 100, "" + scaled);
    }

    @Test
    void demandThatGrowsWithLoadLowersTheBound() {
        QueueingNetwork flat = new QueueingNetwork(List.of(station("machine", 2, 100)), 0);
        QueueingNetwork growing =
                new QueueingNetwork(List.of(new QueueingNetwork.Station("machine", 2, 100, 10, 2, List.of())), 0);
        assertEquals(20, flat.boundRps(), 1e-6);
        // D(λ) = 100 + 2 (λ − 10): 2 = λ (80 + 2λ) / 1000 → λ² + 40λ − 1000 = 0 → λ = −20 + √1400
        assertEquals(-20 + Math.sqrt(1400), growing.boundRps(), 1e-6);
        assertEquals(flat.responseMs(5), growing.responseMs(5)); // below where it was measured: as measured
    }

    @Test
    void noRateMeetsABudgetBelowTheUnloadedResponse() {
        QueueingNetwork m = new QueueingNetwork(List.of(station("search", 1, 10)), 50);
        assertEquals(0, m.rateAt(40));
    }
}
