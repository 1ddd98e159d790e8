package rdmloadtest.capacity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An open queueing network of the target's tiers, solved by mean values: each tier is an M/M/c station (Erlang C)
 * with its servers (workers, or cores split into whole servers of equal speed) and its demand per request of the
 * mix. A tier whose workers are held while they wait on other tiers (gunicorn's synchronous workers on OpenSearch and
 * PostgreSQL) holds them for its own demand plus those tiers' residence times, so a saturating backend fills its pool.
 * Demand may grow with load (contention among more busy workers): beyond the rate it was measured at, by a slope fitted
 * over the measured steps. The response time is the residence of every tier no other tier waits on, plus a fixed part
 * the tiers do not explain (network, client).
 *
 * @param baseMs the part of the response time no tier explains
 */
record QueueingNetwork(List<Station> stations, double baseMs) {

    /**
     * @param servers the tier's capacity (workers or cores)
     * @param demandMs own demand per request of the mix at {@code atRps}, in ms of one server
     * @param slopeMs how much the demand grows per req/s above {@code atRps} (≥ 0)
     * @param waitsFor the tiers whose residence this tier's workers are held for
     */
    record Station(String name, double servers, double demandMs, double atRps, double slopeMs, List<String> waitsFor) {
        Station {
            waitsFor = List.copyOf(waitsFor);
        }

        double demandAt(double rps) {
            return demandMs + slopeMs * Math.max(0, rps - atRps);
        }

        Station scaled(double factor) {
            return new Station(name, servers * factor, demandMs, atRps, slopeMs, waitsFor);
        }
    }

    QueueingNetwork {
        stations = List.copyOf(stations);
    }

    /** Mean response time (ms) at {@code rps}; infinite at or beyond saturation. */
    double responseMs(double rps) {
        Set<String> inside = new HashSet<>();
        stations.forEach(s -> inside.addAll(s.waitsFor()));
        double r = baseMs;
        for (Station s : stations) if (!inside.contains(s.name())) r += residenceMs(s, rps);
        return r;
    }

    /** A station's residence per request of the mix (ms): its holding time (on servers of its speed) plus queueing. */
    double residenceMs(Station s, double rps) {
        double hold = holdMs(s, rps);
        return Double.isInfinite(hold) ? hold : hold * slowdown(s.servers()) + waitMs(s.servers(), hold, rps);
    }

    /** Fractional capacity as whole servers of equal, lower speed: half a core serves at half speed. */
    private static double slowdown(double servers) {
        return Math.ceil(servers - 1e-9) / servers;
    }

    /** Utilization (0–1) of the busiest station at {@code rps}. */
    double utilization(double rps) {
        double max = 0;
        for (Station s : stations) max = Math.max(max, utilization(s, rps));
        return max;
    }

    /** A station's utilization (0–1; infinite when a tier it waits on is saturated). */
    double utilization(Station s, double rps) {
        return rps * holdMs(s, rps) / 1000 / s.servers();
    }

    /** The rate at which the first station saturates (utilization 1). */
    double boundRps() {
        double hi = 1;
        while (utilization(hi) < 1 && hi < 1e9) hi *= 2;
        double lo = 0;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (utilization(mid) < 1) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /** The highest rate whose response time stays within {@code budgetMs}: 0 when even no load exceeds it. */
    double rateAt(double budgetMs) {
        if (responseMs(0) >= budgetMs) return 0;
        double lo = 0;
        double hi = boundRps();
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (responseMs(mid) <= budgetMs) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /** The same network with one station's servers multiplied. */
    QueueingNetwork scaled(String station, double factor) {
        List<Station> out = new ArrayList<>();
        for (Station s : stations) out.add(s.name().equals(station) ? s.scaled(factor) : s);
        return new QueueingNetwork(out, baseMs);
    }

    Station station(String name) {
        return stations.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no station " + name));
    }

    private double holdMs(Station s, double rps) {
        double hold = s.demandAt(rps);
        for (String w : s.waitsFor()) {
            double r = residenceMs(station(w), rps);
            if (Double.isInfinite(r)) return r;
            hold += r;
        }
        return hold;
    }

    /**
     * Mean queueing per request of the mix (ms) at a station of {@code servers} holding each request {@code holdMs}:
     * C(n, a) × hold' / (n − a), with n whole servers of speed servers / n (hold' = hold × n / servers) and offered
     * load a = rate × hold'. Per request of the mix, not per visit: visits cancel out (V × S = D).
     */
    static double waitMs(double servers, double holdMs, double rps) {
        int n = (int) Math.ceil(servers - 1e-9);
        double hold = holdMs * slowdown(servers);
        double a = rps * hold / 1000;
        if (a >= n) return Double.POSITIVE_INFINITY;
        return erlangC(n, a) * hold / (n - a);
    }

    /** Erlang C: the probability that an arrival waits at an M/M/n station offered a erlangs (a < n). */
    static double erlangC(int n, double a) {
        if (a <= 0) return 0;
        double b = 1;
        for (int k = 1; k <= n; k++) b = a * b / (k + a * b);
        return n * b / (n - a * (1 - b));
    }
}
