package rdmloadtest.datagen;

import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.random.RandomGenerator;

/**
 * The random source of the generator: re-seeded per parent record (so a record depends only on the run seed
 * and its ordinal), and a Hipparchus {@link RandomGenerator} so the library's distributions draw from it.
 */
final class Draw implements RandomGenerator {

    private SplittableRandom random;

    Draw(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Restarts the stream for one unit of work, e.g. parent number n of run seed s. */
    void reseed(long runSeed, long n) {
        random = new SplittableRandom(FileContent.mix64(runSeed * 0x9E3779B97F4A7C15L + n));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int lowInclusive, int highInclusive) {
        return random.nextInt(lowInclusive, highInclusive + 1);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @Override
    public void setSeed(int seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long s = 0;
        for (int i : seed) {
            s = s * 31 + i;
        }
        random = new SplittableRandom(s);
    }

    @Override
    public void setSeed(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return random.nextInt(n);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public long nextLong(long n) {
        return random.nextLong(n);
    }

    @Override
    public void nextBytes(byte[] bytes, int offset, int length) {
        byte[] part = new byte[length];
        random.nextBytes(part);
        System.arraycopy(part, 0, bytes, offset, length);
    }

    @Override
    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return (float) random.nextDouble();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }
}
