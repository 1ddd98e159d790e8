package rdmloadtest.gatling;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.Arrays;
import java.util.List;
import scala.collection.Iterator;
import scala.collection.Iterator$;
import scala.concurrent.duration.FiniteDuration;

/** When Gatling will start each user of an open-model injection profile: its steps' own schedule, in Scala. */
public final class InjectionSteps {
    private InjectionSteps() {}

    /** The planned start offsets (ms from the start of injection) of every user, sorted. */
    public static long[] startOffsetsMs(List<OpenInjectionStep> steps) {
        Iterator<FiniteDuration> it = Iterator$.MODULE$.empty();
        for (int i = steps.size() - 1; i >= 0; i--) it = steps.get(i).asScala().chain(it);
        long[] out = new long[16];
        int n = 0;
        while (it.hasNext()) {
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = it.next().toMillis();
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }
}
