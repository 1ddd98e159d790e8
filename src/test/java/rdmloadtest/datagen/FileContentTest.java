package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FileContentTest {

    private static byte[] bulk(String id, String key, long size) throws IOException {
        try (InputStream in = FileContent.open(id, key, size)) {
            return in.readAllBytes();
        }
    }

    @Test
    void sameRecordAndKeyGiveTheSameBytes() throws IOException {
        assertArrayEquals(bulk("ha4g3-7x208", "data.csv", 100_003), bulk("ha4g3-7x208", "data.csv", 100_003));
    }

    @Test
    void anotherKeyOrRecordGivesOtherBytes() throws IOException {
        byte[] a = bulk("ha4g3-7x208", "data.csv", 4096);
        assertFalse(Arrays.equals(a, bulk("ha4g3-7x208", "data2.csv", 4096)));
        assertFalse(Arrays.equals(a, bulk("bhgqt-2ke02", "data.csv", 4096)));
    }

    @Test
    void streamHasExactlySizeBytesAndByteReadsAgreeWithBulkReads() throws IOException {
        for (long size : new long[] {0, 1, 7, 8, 9, 1000, 65_537}) {
            byte[] whole = bulk("r", "k", size);
            assertEquals(size, whole.length);
            ByteArrayOutputStream oneByOne = new ByteArrayOutputStream();
            try (InputStream in = FileContent.open("r", "k", size)) {
                for (int b; (b = in.read()) >= 0; ) {
                    oneByOne.write(b);
                }
            }
            assertArrayEquals(whole, oneByOne.toByteArray(), "size " + size);
        }
    }

    @Test
    void oddSizedReadsAtUnalignedOffsetsGiveTheSameBytes() throws IOException {
        byte[] whole = bulk("r", "k", 10_000);
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        try (InputStream in = FileContent.open("r", "k", 10_000)) {
            byte[] buffer = new byte[37];
            for (int n; (n = in.read(buffer, 3, 29)) > 0; ) {
                pieces.write(buffer, 3, n);
            }
        }
        assertArrayEquals(whole, pieces.toByteArray());
    }

    @Test
    void skipLandsOnTheSameBytesAsReading() throws IOException {
        byte[] whole = bulk("r", "k", 5000);
        try (InputStream in = FileContent.open("r", "k", 5000)) {
            assertEquals(1234, in.skip(1234));
            assertArrayEquals(Arrays.copyOfRange(whole, 1234, 5000), in.readAllBytes());
        }
    }

    @Test
    void md5HexIsTheMd5OfTheStream() throws Exception {
        byte[] whole = bulk("ha4g3-7x208", "paper.pdf", 300_001);
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(whole));
        assertEquals(expected, FileContent.md5Hex("ha4g3-7x208", "paper.pdf", 300_001));
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", FileContent.md5Hex("x", "empty.txt", 0));
    }

    @Test
    void streamsAtLeast500MegabytesPerSecond() throws IOException {
        long size = 256L << 20;
        byte[] buffer = new byte[1 << 16];
        double best = 0;
        for (int run = 0; run < 4; run++) {
            long start = System.nanoTime();
            try (InputStream in = FileContent.open("r", "big.h5", size)) {
                while (in.read(buffer, 0, buffer.length) > 0) {
                    // drain
                }
            }
            best = Math.max(best, size / ((System.nanoTime() - start) / 1e9) / 1e6);
        }
        assertTrue(best >= 500, "MB/s " + best);
    }
}
