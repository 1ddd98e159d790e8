package rdmloadtest.datagen;

import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A small zlib (RFC 1950/1951) compressor: greedy LZ77 with one hash candidate plus the previous byte and the
 * previous row, in one fixed-Huffman block. Its output depends only on its input, unlike java.util.zip.Deflater,
 * whose bytes change with the platform's zlib (system zlib, zlib-ng): generated files must be the same bytes
 * on every JVM, because their md5s are shipped in checksums.csv.
 */
final class Deflate {
    private static final int WINDOW = 32768;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int HASH_BITS = 15;

    private static final int[] LENGTH_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258
    };
    private static final int[] LENGTH_EXTRA = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
    };
    private static final int[] DIST_BASE = {
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577
    };
    private static final int[] DIST_EXTRA = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
    };
    /** Fixed Huffman code of each literal/length symbol, bit-reversed for the LSB-first stream, and its length. */
    private static final int[] LIT_CODE = new int[288];

    private static final int[] LIT_BITS = new int[288];
    private static final int[] LENGTH_CODE = new int[MAX_MATCH + 1];
    private static final int[] DIST_CODE = new int[WINDOW + 1];

    static {
        for (int s = 0; s < 288; s++) {
            int code;
            int bits;
            if (s < 144) {
                code = 0x30 + s;
                bits = 8;
            } else if (s < 256) {
                code = 0x190 + s - 144;
                bits = 9;
            } else if (s < 280) {
                code = s - 256;
                bits = 7;
            } else {
                code = 0xC0 + s - 280;
                bits = 8;
            }
            LIT_CODE[s] = Integer.reverse(code) >>> (32 - bits);
            LIT_BITS[s] = bits;
        }
        for (int c = 0; c < LENGTH_BASE.length; c++) {
            int end = c + 1 < LENGTH_BASE.length ? LENGTH_BASE[c + 1] : MAX_MATCH + 1;
            for (int len = LENGTH_BASE[c]; len < end; len++) LENGTH_CODE[len] = c;
        }
        for (int c = 0; c < DIST_BASE.length; c++) {
            int end = c + 1 < DIST_BASE.length ? DIST_BASE[c + 1] : WINDOW + 1;
            for (int d = DIST_BASE[c]; d < end; d++) DIST_CODE[d] = c;
        }
    }

    private Deflate() {}

    /**
     * The zlib stream of {@code data}; {@code stride} is a distance tried first at every position (the row length
     * of an image, so a row like the one above costs a few matches).
     */
    static byte[] zlib(byte[] data, int stride) {
        Bits out = new Bits(Math.max(64, data.length / 8));
        out.write(0x78, 8);
        out.write(0x01, 8); // no preset dictionary, fastest-level flag; (0x7801 % 31 == 0)
        out.write(1, 1); // BFINAL
        out.write(1, 2); // BTYPE 01: fixed Huffman
        int[] head = new int[1 << HASH_BITS];
        Arrays.fill(head, -1);
        int n = data.length;
        int i = 0;
        while (i < n) {
            int bestLen = 0;
            int bestDist = 0;
            if (i + MIN_MATCH <= n) {
                int h = hash(data, i);
                int[] candidates = {i - 1, i - stride, head[h]};
                head[h] = i;
                int max = Math.min(MAX_MATCH, n - i);
                for (int c : candidates) {
                    if (c < 0 || c >= i || i - c > WINDOW) continue;
                    int len = matchLength(data, c, i, max);
                    if (len > bestLen) {
                        bestLen = len;
                        bestDist = i - c;
                    }
                }
            }
            if (bestLen >= MIN_MATCH) {
                int lc = LENGTH_CODE[bestLen];
                out.write(LIT_CODE[257 + lc], LIT_BITS[257 + lc]);
                out.write(bestLen - LENGTH_BASE[lc], LENGTH_EXTRA[lc]);
                int dc = DIST_CODE[bestDist];
                out.write(Integer.reverse(dc) >>> 27, 5);
                out.write(bestDist - DIST_BASE[dc], DIST_EXTRA[dc]);
                int end = i + bestLen;
                // Index the match's last positions too, so the next search still finds recent text.
                for (int j = Math.max(i + 1, end - 3); j < end && j + MIN_MATCH <= n; j++) head[hash(data, j)] = j;
                i = end;
            } else {
                int b = data[i] & 0xFF;
                out.write(LIT_CODE[b], LIT_BITS[b]);
                i++;
            }
        }
        out.write(LIT_CODE[256], LIT_BITS[256]);
        out.alignToByte();
        Adler32 adler = new Adler32();
        adler.update(data, 0, n);
        long a = adler.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) out.write((int) (a >>> shift) & 0xFF, 8);
        return out.toByteArray();
    }

    private static int hash(byte[] d, int i) {
        int v = (d[i] & 0xFF) << 16 | (d[i + 1] & 0xFF) << 8 | (d[i + 2] & 0xFF);
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private static int matchLength(byte[] d, int from, int at, int max) {
        int len = 0;
        while (len < max && d[from + len] == d[at + len]) len++;
        return len;
    }

    /** An LSB-first bit writer. */
    private static final class Bits {
        private byte[] buf;
        private int size;
        private long acc;
        private int count;

        Bits(int capacity) {
            buf = new byte[capacity];
        }

        void write(int value, int bits) {
            acc |= (long) value << count;
            count += bits;
            while (count >= 8) {
                if (size == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                buf[size++] = (byte) acc;
                acc >>>= 8;
                count -= 8;
            }
        }

        void alignToByte() {
            if (count > 0) write(0, 8 - count);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
