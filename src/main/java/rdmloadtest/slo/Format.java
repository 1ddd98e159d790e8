package rdmloadtest.slo;

import java.util.Locale;

/** Numbers as verdicts print them: integers without decimals, rates and percentages with two. */
public final class Format {
    private Format() {}

    public static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    public static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", v);
    }

    public static String rate(double v) {
        return String.format(Locale.ROOT, "%.2f req/s", v);
    }
}
