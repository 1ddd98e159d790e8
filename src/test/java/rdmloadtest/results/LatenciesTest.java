package rdmloadtest.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void minAndMaxAreExactWhereTheHistogramRoundsSlowResponses() {
        Latencies a = new Latencies();
        a.add(5529);
        a.add(12);
        Latencies b = new Latencies();
        b.add(7733);
        b.add(2049);
        a.addAll(b);
        assertEquals(12, a.min());
        assertEquals(7733, a.max());
        assertEquals(4, a.count());
    }

    @Test
    void anEmptySetHasZeroes() {
        Latencies empty = new Latencies();
        empty.addAll(new Latencies());
        assertEquals(0, empty.min());
        assertEquals(0, empty.max());
        assertEquals(0, empty.percentile(99));
    }
}
