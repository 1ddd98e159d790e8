package rdmloadtest.datagen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A categorical choice with integer weights (a vocabulary mix, a file-type mix). */
final class Weighted<T> {

    private final List<T> items = new ArrayList<>();
    private int[] cumulative = new int[0];
    private int total;

    Weighted<T> add(T item, int weight) {
        items.add(item);
        total += weight;
        cumulative = Arrays.copyOf(cumulative, cumulative.length + 1);
        cumulative[cumulative.length - 1] = total;
        return this;
    }

    T pick(Draw draw) {
        int r = draw.nextInt(total);
        int i = Arrays.binarySearch(cumulative, r + 1);
        return items.get(i >= 0 ? i : -i - 1);
    }

    List<T> items() {
        return items;
    }
}
