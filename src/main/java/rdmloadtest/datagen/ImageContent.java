package rdmloadtest.datagen;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Generated image files: a file whose key ends in .png, .jpg/.jpeg or .tif/.tiff is a real picture (a banded
 * gradient, a few flat shapes and a patch of noise, all derived from the content seed) that every decoder reads,
 * padded to exactly its size with data decoders skip: private ancillary PNG chunks ("lpAd") before IEND, JPEG
 * COM segments after the JFIF APP0 segment, unreferenced bytes after the TIFF's IFD.
 *
 * <p>The long side grows with the file size (about 800 px at 50 kB, 4000 px from 4 MB); small files get smaller
 * pictures so that the picture always fits, and files under {@link #MIN_SIZE} bytes stay pseudo-random bytes. PNG
 * and TIFF are compressed by {@link Deflate}, so their bytes are the same on every JVM; JPEG comes from the JDK's
 * libjpeg (integer DCT), the same bytes wherever it is the bundled 6b or a bit-exact libjpeg-turbo. The encoded parts are kept in a bounded cache; the padding is generated on the fly.
 */
public final class ImageContent {
    /** Below this a file is not made an image (a picture plus its headers would not fit well). */
    static final long MIN_SIZE = 1024;

    private static final long CACHE_BYTES = 64L << 20;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** A padding chunk: length, type and CRC around at most 1 GiB of data (a PNG chunk holds under 2 GiB). */
    private static final long PNG_CHUNK_MIN = 12;

    private static final long PNG_CHUNK_MAX = 12 + (1L << 30);
    private static final long JPEG_COM_MIN = 4;
    private static final long JPEG_COM_MAX = 4 + 65533;
    private static final double[] ASPECTS = {4.0 / 3, 3.0 / 2, 16.0 / 9, 1.0, 5.0 / 4};
    private static final float[] JPEG_QUALITIES = {0.9f, 0.75f, 0.6f, 0.45f, 0.3f, 0.15f};

    public enum Format {
        PNG,
        JPEG,
        TIFF
    }

    public record Dimensions(int width, int height) {}

    /**
     * An encoded image and where its padding goes: {@code head}, then {@code size - head - tail} bytes of
     * padding, then {@code tail}. The padding is a run of segments (PNG chunks, JPEG COM segments) starting at
     * the padding offsets {@code starts} (the last entry is the padding's length); a TIFF's is one unframed run.
     */
    record Layout(
            Format format, int width, int height, byte[] head, byte[] tail, long size, long[] starts, int[] crcs) {
        long padLength() {
            return size - head.length - tail.length;
        }
    }

    private record Key(long seed, Format format, long size) {}

    private static final Map<Key, Layout> CACHE = new LinkedHashMap<>(64, 0.75f, true);
    private static long cachedBytes;

    private ImageContent() {}

    /** The image format a key's extension asks for, if any. */
    public static Optional<Format> format(String key) {
        int dot = key.lastIndexOf('.');
        String ext = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "png" -> Optional.of(Format.PNG);
            case "jpg", "jpeg" -> Optional.of(Format.JPEG);
            case "tif", "tiff" -> Optional.of(Format.TIFF);
            default -> Optional.empty();
        };
    }

    /** Width and height of a generated file's picture; empty when the file is not a generated image. */
    public static Optional<Dimensions> dimensions(String recordId, String key, long size) {
        return format(key)
                .filter(f -> size >= MIN_SIZE)
                .map(f -> layout(FileContent.contentSeed(recordId, key), f, size))
                .map(l -> new Dimensions(l.width(), l.height()));
    }

    static Layout layout(long seed, Format format, long size) {
        Key key = new Key(seed, format, size);
        synchronized (CACHE) {
            Layout l = CACHE.get(key);
            if (l != null) return l;
        }
        Layout l = encode(seed, format, size);
        synchronized (CACHE) {
            if (CACHE.put(key, l) == null) cachedBytes += l.head().length + l.tail().length;
            var it = CACHE.values().iterator();
            while (cachedBytes > CACHE_BYTES && it.hasNext()) {
                Layout old = it.next();
                cachedBytes -= old.head().length + old.tail().length;
                it.remove();
            }
        }
        return l;
    }

    /** The first picture size tried: the long side grows with the square root of the file size. */
    static Dimensions plannedDimensions(long seed, long size) {
        SplittableRandom r = new SplittableRandom(FileContent.mix64(seed ^ 0x1A6E5L));
        double aspect = ASPECTS[r.nextInt(ASPECTS.length)];
        boolean portrait = r.nextInt(4) == 0;
        double jitter = 0.85 + 0.3 * r.nextDouble();
        double longSide = Math.max(800, Math.min(4000, Math.sqrt(size * 4.0) * jitter));
        // Small files: at most 12 pixels per file byte, so the flat parts compress to well under the size.
        double maxPixels = size * 12.0;
        if (longSide * longSide / aspect > maxPixels) longSide = Math.sqrt(maxPixels * aspect);
        int l = Math.max(8, (int) longSide);
        int s = Math.max(8, (int) Math.round(l / aspect));
        return portrait ? new Dimensions(s, l) : new Dimensions(l, s);
    }

    private static Layout encode(long seed, Format format, long size) {
        Dimensions d = plannedDimensions(seed, size);
        int w = d.width();
        int h = d.height();
        // Noise costs about 3.3 bytes a pixel in PNG/TIFF (incompressible) and about 1.5 in a JPEG of quality 0.9;
        // aim the picture at about half the file.
        double perPixel = format == Format.JPEG ? 1.5 : 3.3;
        long noise = (long) Math.max(0, Math.min(0.8 * w * h, (0.5 * size - w * h * 3.0 / 120) / perPixel));
        int quality = 0;
        int variant = 0;
        for (int attempt = 0; attempt < 200; attempt++) {
            byte[] rgb = picture(seed, w, h, noise, variant);
            byte[] image = switch (format) {
                case PNG -> png(rgb, w, h);
                case JPEG -> jpeg(rgb, w, h, JPEG_QUALITIES[quality]);
                case TIFF -> tiff(rgb, w, h);
            };
            long pad = size - image.length;
            if (pad < 0) {
                if (noise > 0) noise = noise < 256 ? 0 : noise / 2;
                else if (format == Format.JPEG && quality + 1 < JPEG_QUALITIES.length) quality++;
                else {
                    w = Math.max(1, w * 4 / 5);
                    h = Math.max(1, h * 4 / 5);
                }
                continue;
            }
            Layout l = frame(format, image, w, h, size, seed);
            if (l != null) return l;
            variant++; // a padding the format cannot frame (a PNG chunk needs 12 bytes, a COM segment 4)
        }
        throw new IllegalStateException("no " + format + " picture fits in " + size + " bytes");
    }

    /** The padding framed into the encoded image, or null when {@code size - image} bytes cannot be framed. */
    private static Layout frame(Format format, byte[] image, int w, int h, long size, long seed) {
        long pad = size - image.length;
        switch (format) {
            case PNG -> {
                if (pad != 0 && pad < PNG_CHUNK_MIN) return null;
                int iend = image.length - 12;
                byte[] head = Arrays.copyOf(image, iend);
                byte[] tail = Arrays.copyOfRange(image, iend, image.length);
                long[] starts = segmentStarts(pad, PNG_CHUNK_MAX, PNG_CHUNK_MIN);
                Layout l = new Layout(format, w, h, head, tail, size, starts, new int[starts.length - 1]);
                return new Layout(format, w, h, head, tail, size, starts, pngChunkCrcs(l, seed));
            }
            case JPEG -> {
                if (pad != 0 && pad < JPEG_COM_MIN) return null;
                int split = jfifEnd(image);
                byte[] head = Arrays.copyOf(image, split);
                byte[] tail = Arrays.copyOfRange(image, split, image.length);
                return new Layout(format, w, h, head, tail, size, segmentStarts(pad, JPEG_COM_MAX, JPEG_COM_MIN), null);
            }
            default -> {
                return new Layout(format, w, h, image, new byte[0], size, null, null);
            }
        }
    }

    /** Where each padding segment starts; the last two share a remainder too small for a segment of its own. */
    private static long[] segmentStarts(long pad, long max, long min) {
        List<Long> starts = new ArrayList<>();
        long at = 0;
        while (at < pad) {
            long left = pad - at;
            long take = Math.min(left, max);
            if (left - take > 0 && left - take < min) take -= min; // leave at least a whole segment
            starts.add(at);
            at += take;
        }
        starts.add(pad);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** End of SOI plus the JFIF APP0 segment ImageIO writes first: the padding's COM segments follow it. */
    private static int jfifEnd(byte[] jpeg) {
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            return 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        return 2;
    }

    /** Each padding chunk's CRC over its type and data (the data do not depend on the CRCs). */
    private static int[] pngChunkCrcs(Layout l, long seed) {
        long[] starts = l.starts();
        int[] crcs = new int[starts.length - 1];
        byte[] buf = new byte[1 << 16];
        for (int k = 0; k < crcs.length; k++) {
            CRC32 crc = new CRC32();
            try (var in = new LayoutStream(l, seed)) {
                in.skip(l.head().length + starts[k] + 4);
                long left = starts[k + 1] - starts[k] - 8;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    crc.update(buf, 0, n);
                    left -= n;
                }
            }
            crcs[k] = (int) crc.getValue();
        }
        return crcs;
    }

    /**
     * The picture as RGB bytes: a gradient in 12–47 flat bands (horizontal or vertical, so rows repeat), 3–8 flat
     * circles and rectangles, and a centred patch of {@code noisePixels} noisy pixels (the part that costs bytes).
     */
    static byte[] picture(long seed, int w, int h, long noisePixels, int variant) {
        SplittableRandom r = new SplittableRandom(FileContent.mix64(seed ^ 0x9C7E5L));
        byte[] rgb = new byte[w * h * 3];
        int[] c0 = color(r);
        int[] c1 = color(r);
        boolean alongX = r.nextBoolean();
        int bands = 12 + r.nextInt(36);
        int extent = alongX ? w : h;
        int[][] bandColor = new int[bands][];
        for (int b = 0; b < bands; b++) {
            bandColor[b] = new int[3];
            for (int c = 0; c < 3; c++) bandColor[b][c] = c0[c] + (c1[c] - c0[c]) * b / Math.max(1, bands - 1);
        }
        byte[] row = new byte[w * 3];
        for (int y = 0; y < h; y++) {
            if (y == 0 || !alongX) {
                for (int x = 0; x < w; x++) {
                    int[] c = bandColor[(int) ((long) (alongX ? x : y) * bands / extent)];
                    row[3 * x] = (byte) c[0];
                    row[3 * x + 1] = (byte) c[1];
                    row[3 * x + 2] = (byte) c[2];
                }
            }
            System.arraycopy(row, 0, rgb, y * w * 3, row.length);
        }
        int shapes = 3 + r.nextInt(6);
        for (int s = 0; s < shapes; s++) {
            int[] c = color(r);
            int cx = r.nextInt(w);
            int cy = r.nextInt(h) + (s == 0 ? variant : 0) % h;
            int rad = Math.max(2, (int) (Math.min(w, h) * (0.05 + 0.2 * r.nextDouble())));
            boolean circle = r.nextBoolean();
            for (int y = Math.max(0, cy - rad); y < Math.min(h, cy + rad); y++) {
                int dy = y - cy;
                int half = circle ? (int) Math.sqrt((double) rad * rad - (double) dy * dy) : rad * 3 / 2;
                for (int x = Math.max(0, cx - half); x < Math.min(w, cx + half); x++) {
                    int i = 3 * (y * w + x);
                    rgb[i] = (byte) c[0];
                    rgb[i + 1] = (byte) c[1];
                    rgb[i + 2] = (byte) c[2];
                }
            }
        }
        if (noisePixels > 0) {
            int nw = (int) Math.max(1, Math.min(w, Math.round(Math.sqrt((double) noisePixels * w / h))));
            int nh = (int) Math.max(1, Math.min(h, noisePixels / nw));
            int x0 = (w - nw) / 2;
            int y0 = (h - nh) / 2;
            long noiseSeed = FileContent.mix64(seed + variant * 0x9E3779B97F4A7C15L);
            for (int y = y0; y < y0 + nh; y++) {
                for (int x = x0; x < x0 + nw; x++) {
                    long z = FileContent.mix64(noiseSeed + ((long) y * w + x));
                    int i = 3 * (y * w + x);
                    for (int c = 0; c < 3; c++) {
                        int v = (rgb[i + c] & 0xFF) + (int) ((z >>> (8 * c)) & 63) - 32;
                        rgb[i + c] = (byte) Math.max(0, Math.min(255, v));
                    }
                }
            }
        }
        return rgb;
    }

    private static int[] color(SplittableRandom r) {
        return new int[] {r.nextInt(256), r.nextInt(256), r.nextInt(256)};
    }

    /** PNG, 8-bit RGB: row 0 unfiltered, the others filtered "Up" (a repeated row is all zeros). */
    static byte[] png(byte[] rgb, int w, int h) {
        int stride = w * 3;
        byte[] raw = new byte[(stride + 1) * h];
        for (int y = 0; y < h; y++) {
            int o = y * (stride + 1);
            raw[o] = (byte) (y == 0 ? 0 : 2);
            int src = y * stride;
            if (y == 0) System.arraycopy(rgb, 0, raw, 1, stride);
            else for (int x = 0; x < stride; x++) raw[o + 1 + x] = (byte) (rgb[src + x] - rgb[src - stride + x]);
        }
        byte[] idat = Deflate.zlib(raw, stride + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.length + 64);
        out.writeBytes(PNG_SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Baseline JPEG from ImageIO (JFIF, 4:2:0, standard Huffman tables). */
    static byte[] jpeg(byte[] rgb, int w, int h, float quality) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), p);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** Little-endian baseline TIFF: RGB, one Deflate-compressed strip (compression 8), the IFD after it. */
    static byte[] tiff(byte[] rgb, int w, int h) {
        byte[] strip = Deflate.zlib(rgb, w * 3);
        int stripAt = 8;
        int ifdAt = stripAt + strip.length + (strip.length & 1);
        int entries = 13;
        int valuesAt = ifdAt + 2 + entries * 12 + 4;
        int bitsAt = valuesAt;
        int xResAt = bitsAt + 6;
        int yResAt = xResAt + 8;
        ByteBuffer b = ByteBuffer.allocate(yResAt + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdAt);
        b.put(strip);
        b.position(ifdAt);
        b.putShort((short) entries);
        entry(b, 256, 4, 1, w); // ImageWidth
        entry(b, 257, 4, 1, h); // ImageLength
        entry(b, 258, 3, 3, bitsAt); // BitsPerSample 8,8,8
        entry(b, 259, 3, 1, 8); // Compression: Adobe Deflate
        entry(b, 262, 3, 1, 2); // PhotometricInterpretation: RGB
        entry(b, 273, 4, 1, stripAt); // StripOffsets
        entry(b, 277, 3, 1, 3); // SamplesPerPixel
        entry(b, 278, 4, 1, h); // RowsPerStrip
        entry(b, 279, 4, 1, strip.length); // StripByteCounts
        entry(b, 282, 5, 1, xResAt); // XResolution
        entry(b, 283, 5, 1, yResAt); // YResolution
        entry(b, 284, 3, 1, 1); // PlanarConfiguration: chunky
        entry(b, 296, 3, 1, 2); // ResolutionUnit: inch
        b.putInt(0);
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        b.putInt(72).putInt(1).putInt(72).putInt(1);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0);
        else b.putInt(value);
    }

    /**
     * The bytes of a layout: head, padding, tail. Padding data bytes are pseudo-random (the counter generator of
     * {@link FileContent}), framing bytes (chunk header and CRC, COM markers) computed from the position, so
     * {@link #skip} is O(1).
     */
    static final class LayoutStream extends InputStream {
        private final Layout l;
        private final long padSeed;
        private final long padStart;
        private final long padEnd;
        private long position;
        private long wordIndex = -1;
        private long word;

        LayoutStream(Layout l, long seed) {
            this.l = l;
            this.padSeed = FileContent.mix64(seed ^ 0x9ADL);
            this.padStart = l.head().length;
            this.padEnd = l.size() - l.tail().length;
        }

        @Override
        public int read() {
            if (position >= l.size()) return -1;
            return byteAt(position++);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) return 0;
            if (position >= l.size()) return -1;
            int n = (int) Math.min(length, l.size() - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                if (p < padStart) {
                    int k = (int) Math.min(n - i, padStart - p);
                    System.arraycopy(l.head(), (int) p, buffer, offset + i, k);
                    i += k - 1;
                } else if (p >= padEnd) {
                    int k = (int) Math.min(n - i, l.size() - p);
                    System.arraycopy(l.tail(), (int) (p - padEnd), buffer, offset + i, k);
                    i += k - 1;
                } else {
                    long run = dataRunEnd(p - padStart);
                    if (run < 0) {
                        buffer[offset + i] = (byte) byteAt(p);
                        continue;
                    }
                    // padding data up to the next framing byte: straight from the generator's words
                    int k = (int) Math.min(n - i, run - (p - padStart));
                    for (int j = 0; j < k; j++) buffer[offset + i + j] = (byte) padData(p - padStart + j);
                    i += k - 1;
                }
            }
            position += n;
            return n;
        }

        /** The end (exclusive, in padding offsets) of the data run at padding offset q, or -1 on a framing byte. */
        private long dataRunEnd(long q) {
            long[] starts = l.starts();
            if (starts == null) return padEnd - padStart;
            int k = segment(q);
            long at = q - starts[k];
            long end = l.format() == Format.PNG ? starts[k + 1] - 4 : starts[k + 1];
            return at >= (l.format() == Format.PNG ? 8 : 4) && q < end ? end : -1;
        }

        private int segment(long q) {
            int k = Arrays.binarySearch(l.starts(), q);
            return k < 0 ? -k - 2 : k;
        }

        private int padData(long q) {
            long index = q >>> 3;
            if (index != wordIndex) {
                wordIndex = index;
                word = FileContent.mix64(padSeed + (index + 1) * 0x9E3779B97F4A7C15L);
            }
            return (int) (word >>> (8 * (q & 7))) & 0xFF;
        }

        private int byteAt(long p) {
            if (p < padStart) return l.head()[(int) p] & 0xFF;
            if (p >= padEnd) return l.tail()[(int) (p - padEnd)] & 0xFF;
            long q = p - padStart;
            switch (l.format()) {
                case PNG -> {
                    int k = segment(q);
                    long at = q - l.starts()[k];
                    long total = l.starts()[k + 1] - l.starts()[k];
                    if (at < 4) return (int) ((total - 12) >>> (8 * (3 - at))) & 0xFF;
                    if (at < 8) return "lpAd".charAt((int) at - 4);
                    if (at >= total - 4) return (l.crcs()[k] >>> (8 * (3 - (at - (total - 4))))) & 0xFF;
                }
                case JPEG -> {
                    long[] starts = l.starts();
                    int k = segment(q);
                    long at = q - starts[k];
                    if (at < 4) {
                        long length = starts[k + 1] - starts[k] - 2;
                        return switch ((int) at) {
                            case 0 -> 0xFF;
                            case 1 -> 0xFE;
                            case 2 -> (int) (length >>> 8) & 0xFF;
                            default -> (int) length & 0xFF;
                        };
                    }
                }
                default -> {
                    // TIFF: unreferenced bytes, all data
                }
            }
            return padData(q);
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, l.size() - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, l.size() - position);
        }

        @Override
        public void close() {}
    }
}
