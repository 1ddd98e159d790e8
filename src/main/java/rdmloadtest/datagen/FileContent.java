package rdmloadtest.datagen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of every generated file, made on the fly: file {@code key} of record {@code recordId} with
 * {@code size} bytes is always the same byte sequence, derived from a 64-bit content seed of "recordId/key".
 * Image keys get a real picture padded to the size ({@link ImageContent}); the rest is described below.
 * The simulator (downloads), the deposit traffic and the seeder all read files through this class.
 *
 * <p>Byte 8i..8i+7 is the little-endian long {@code mix64(seed + (i+1)·γ)} (SplittableRandom's generator,
 * counter form): one mix per 8 bytes, several GB/s, and any offset is reachable without reading the prefix,
 * so {@link InputStream#skip} is O(1) (Range requests).
 */
public final class FileContent {

    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private FileContent() {}

    /** The content seed of a file: a 64-bit FNV-1a hash of "recordId/key", then mixed. */
    public static long contentSeed(String recordId, String key) {
        long h = 0xCBF29CE484222325L;
        for (byte b : (recordId + "/" + key).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix64(h);
    }

    /**
     * An input stream of exactly {@code size} bytes of the file's content: a valid image for image keys (.png,
     * .jpg/.jpeg, .tif/.tiff; see {@link ImageContent}), pseudo-random bytes otherwise.
     */
    public static InputStream open(String recordId, String key, long size) {
        long seed = contentSeed(recordId, key);
        var image = ImageContent.format(key);
        if (image.isPresent() && size >= ImageContent.MIN_SIZE) {
            return new ImageContent.LayoutStream(ImageContent.layout(seed, image.get(), size), seed);
        }
        return new ContentStream(seed, size);
    }

    /** The md5 of the file's content as lower-case hex (InvenioRDM's checksum is {@code "md5:" + this}). */
    public static String md5Hex(String recordId, String key, long size) {
        try (InputStream in = open(recordId, key, size)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                md5.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    /** Stafford's variant 13 finaliser, as in {@link java.util.SplittableRandom}. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class ContentStream extends InputStream {
        private final long seed;
        private final long size;
        private long position;

        ContentStream(long seed, long size) {
            if (size < 0) {
                throw new IllegalArgumentException("size must be >= 0, got " + size);
            }
            this.seed = seed;
            this.size = size;
        }

        private long word(long index) {
            return mix64(seed + (index + 1) * GAMMA);
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            long w = word(position >>> 3);
            int b = (int) (w >>> (8 * (position & 7))) & 0xFF;
            position++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            int i = 0;
            // Leading bytes until the position is 8-aligned.
            while (i < n && (position & 7) != 0) {
                buffer[offset + i++] = (byte) read();
            }
            long index = position >>> 3;
            int whole = (n - i) & ~7;
            int end = i + whole;
            for (; i < end; i += 8) {
                LONGS.set(buffer, offset + i, word(index++));
            }
            position += whole;
            while (i < n) {
                buffer[offset + i++] = (byte) read();
            }
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - position);
        }
    }
}
