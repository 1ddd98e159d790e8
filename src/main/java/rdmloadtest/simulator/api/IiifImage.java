package rdmloadtest.simulator.api;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import rdmloadtest.simulator.http.ApiError;

/**
 * flask-iiif's MultimediaImage (1.3.0 on v13, 2.1.0 on v14; the same code) with Java ImageIO in place of Pillow:
 * the same parameter parsing, order (region, size, rotation, quality, format), error messages and output modes
 * (a rotation gives RGBA, gray gives L, bitonal a dithered 1-bit image, JPEG always RGB, quality 90). The pixels
 * differ from Pillow's (other resampling), so answer sizes are close to the real ones, not equal.
 */
final class IiifImage {
    /** flask-iiif's IIIF_VALIDATIONS["v2"]: each value must contain a match (re.search, not a full match). */
    private static final String[][] VALIDATIONS = {
        {"region", "(^full|(pct:)?([\\d.]+,){3}([\\d.]+))"},
        {"size", "(^full|[\\d.]+,|,[\\d.]+|pct:[\\d.]+|[\\d.]+,[\\d.]+|![\\d.]+,[\\d.]+)"},
        {"rotation", "^!?[\\d.]+$"},
        {"quality", "(default|color|gr[ae]y|bitonal)"},
        {"image_format", "(gif|jp2|jpe?g|pdf|png|tiff?|webp)"}
    };

    private static final Pattern[] PATTERNS = new Pattern[VALIDATIONS.length];

    static {
        for (int i = 0; i < VALIDATIONS.length; i++) PATTERNS[i] = Pattern.compile(VALIDATIONS[i][1]);
    }

    /** IIIF_FORMATS of invenio-app-rdm, in its order (the error message lists them so). */
    static final List<String> FORMATS = List.of("pdf", "gif", "jp2", "jpeg", "jpg", "png", "tif", "tiff");

    private static final List<String> QUALITIES = List.of("default", "gray", "grey", "bitonal", "color", "native");

    /** Output images larger than this are refused: Pillow would try (and the worker with it); the simulator won't. */
    static final long MAX_OUTPUT_PIXELS = 64L << 20;

    enum Mode {
        RGB,
        RGBA,
        L,
        BITONAL
    }

    BufferedImage image;
    Mode mode;

    IiifImage(BufferedImage image) {
        this.image = image;
        this.mode = image.getColorModel().hasAlpha() ? Mode.RGBA : Mode.RGB;
    }

    /** IIIFImageAPIWrapper.validate_api: the first parameter without a match is a 400. */
    static void validate(String region, String size, String rotation, String quality, String format) {
        String[] values = {region, size, rotation, quality, format};
        for (int i = 0; i < values.length; i++) {
            if (!PATTERNS[i].matcher(values[i]).find()) {
                throw new ApiError(
                        400,
                        "The value: `" + values[i] + "` for parameter: `" + VALIDATIONS[i][0] + "` is not supported");
            }
        }
    }

    /** The picture of a file as ImageIO decodes it (as RGB or ARGB), or null when no decoder reads it. */
    static BufferedImage decode(InputStream in) throws IOException {
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                BufferedImage src = reader.read(0);
                int type = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
                if (src.getType() == type) return src;
                BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
                Graphics2D g = out.createGraphics();
                g.drawImage(src, 0, 0, null);
                g.dispose();
                return out;
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                reader.dispose();
            }
        }
    }

    /** apply_api: region, size, rotation, quality, each skipped at its ignore value. */
    void apply(String region, String size, String rotation, String quality) {
        if (!region.equals("full")) crop(region);
        if (!size.equals("full")) resize(size);
        if (!rotation.equals("0")) rotate(rotation);
        if (!quality.equals("default")) quality(quality);
    }

    private static ApiError error(String message) {
        return new ApiError(400, message);
    }

    /** A Python error flask-iiif does not catch (int("1.5"), float("a")): the resource answers 500. */
    private static ApiError internal() {
        return new ApiError(500, "Internal server error.");
    }

    void crop(String coordinates) {
        int realWidth = image.getWidth();
        int realHeight = image.getHeight();
        boolean percentage = coordinates.startsWith("pct:");
        String[] parts = (percentage ? coordinates.split(":", -1)[1] : coordinates).split(",", -1);
        double[] dims = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                dims[i] = percentage ? Double.parseDouble(parts[i]) : Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw internal();
        }
        if (dims.length != 4) throw error("Must have 4 dimensions; " + dims.length + " was given");
        for (double d : dims) {
            if (d < 0) throw error("Dimensions cannot be negative; " + pyList(dims, percentage) + " was given");
        }
        int x;
        int y;
        int w;
        int h;
        if (percentage) {
            for (double d : dims) if (d > 100.0) throw error("Dimensions cannot be greater than 100%");
            x = (int) Math.floor(dims[0] / 100.0 * realWidth);
            y = (int) Math.floor(dims[1] / 100.0 * realHeight);
            w = (int) Math.floor(dims[2] / 100.0 * realWidth);
            h = (int) Math.floor(dims[3] / 100.0 * realHeight);
        } else {
            x = (int) dims[0];
            y = (int) dims[1];
            w = (int) dims[2];
            h = (int) dims[3];
        }
        if (x > realWidth || y > realHeight) {
            throw error("Outside of image borders " + realWidth + "," + realHeight);
        }
        int maxX = (int) Math.min((long) x + w, realWidth);
        int maxY = (int) Math.min((long) y + h, realHeight);
        // Pillow crops to an empty image, which then fails to resize or save: an uncaught error, 500.
        if (maxX <= x || maxY <= y) throw internal();
        image = image.getSubimage(x, y, maxX - x, maxY - y);
    }

    void resize(String dimensions) {
        int realWidth = image.getWidth();
        int realHeight = image.getHeight();
        long width;
        long height;
        try {
            if (dimensions.startsWith("pct:")) {
                double percent = Double.parseDouble(dimensions.split(":", -1)[1]) * 0.01;
                if (percent < 0) throw error("Image percentage cannot be negative, " + py(percent) + " was given");
                width = Math.max(1, (long) (realWidth * percent));
                height = Math.max(1, (long) (realHeight * percent));
            } else if (dimensions.startsWith(",") || dimensions.startsWith("^,")) {
                height = Integer.parseInt(dimensions.substring(dimensions.startsWith(",") ? 1 : 2));
                double ratio = (double) height / realHeight;
                width = Math.max(1, (long) (realWidth * ratio));
            } else if (dimensions.startsWith("!")) {
                String[] p = dimensions.substring(1).split(",", -1);
                if (p.length != 2) throw internal();
                double ratio = Math.min(
                        (double) Integer.parseInt(p[0]) / realWidth, (double) Integer.parseInt(p[1]) / realHeight);
                width = Math.max(1, (long) (realWidth * ratio));
                height = Math.max(1, (long) (realHeight * ratio));
            } else if (dimensions.endsWith(",")) {
                width = Integer.parseInt(
                        dimensions.substring(dimensions.startsWith("^") ? 1 : 0, dimensions.length() - 1));
                double ratio = (double) width / realWidth;
                height = Math.max(1, (long) (realHeight * ratio));
            } else {
                String[] p = dimensions.split(",", -1);
                try {
                    if (p.length != 2) throw new NumberFormatException();
                    width = Integer.parseInt(p[0]);
                    height = Integer.parseInt(p[1]);
                } catch (NumberFormatException e) {
                    throw error("The request must contain width,height sequence");
                }
            }
        } catch (NumberFormatException e) {
            throw internal();
        }
        if (width <= 0 || height <= 0) {
            throw error("Width and height cannot be zero or negative, " + width + "," + height + " was given");
        }
        if (width * height > MAX_OUTPUT_PIXELS) throw new ApiError(403, "Image size limit exceeded");
        image = scale(image, (int) width, (int) height);
    }

    /** Pillow's resize filters over the whole source; halving first keeps Java2D's bicubic from aliasing. */
    private static BufferedImage scale(BufferedImage src, int width, int height) {
        BufferedImage current = src;
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            current = draw(
                    current,
                    current.getWidth() / 2,
                    current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage src, int width, int height, Object interpolation) {
        int type = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /**
     * apply_rotate: "!" mirrors first; flask-iiif rotates by {@code 360 - degrees} counter-clockwise, and because
     * {@code str(270.0)} is never one of its transpose keys every rotation goes through Pillow's
     * {@code convert("RGBA").rotate(angle, expand=1)}: multiples of 90 are exact, others nearest-neighbour on a
     * transparent canvas.
     */
    void rotate(String value) {
        boolean mirror = value.startsWith("!");
        double degrees;
        try {
            degrees = Double.parseDouble(mirror ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw internal();
        }
        double angle = 360 - degrees;
        if (!(angle >= 0.0 && angle <= 360.0)) {
            throw error("Degrees must be between 0 and 360; " + py(angle) + " was given");
        }
        BufferedImage src = mirror ? mirrored(image) : image;
        double ccw = angle % 360.0;
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out;
        if (ccw == 0 || ccw == 90 || ccw == 180 || ccw == 270) {
            boolean swap = ccw == 90 || ccw == 270;
            out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                src.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int argb = src.getColorModel().hasAlpha() ? row[x] : row[x] | 0xFF000000;
                    if (ccw == 0) out.setRGB(x, y, argb);
                    else if (ccw == 180) out.setRGB(w - 1 - x, h - 1 - y, argb);
                    else if (ccw == 90) out.setRGB(y, w - 1 - x, argb);
                    else out.setRGB(h - 1 - y, x, argb);
                }
            }
        } else {
            double rad = Math.toRadians(ccw);
            double cos = Math.cos(rad);
            double sin = Math.sin(rad);
            double[] xs = {0, w * cos, w * cos + h * sin, h * sin};
            double[] ys = {0, -w * sin, -w * sin + h * cos, h * cos};
            int nw = (int) (Math.ceil(max(xs)) - Math.floor(min(xs)));
            int nh = (int) (Math.ceil(max(ys)) - Math.floor(min(ys)));
            if ((long) nw * nh > MAX_OUTPUT_PIXELS) throw new ApiError(403, "Image size limit exceeded");
            out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            AffineTransform t = new AffineTransform();
            t.translate(nw / 2.0, nh / 2.0);
            t.rotate(-rad); // Java's y axis points down: a negative angle turns counter-clockwise on screen
            t.translate(-w / 2.0, -h / 2.0);
            g.drawImage(src, t, null);
            g.dispose();
        }
        image = out;
        mode = Mode.RGBA;
    }

    private static BufferedImage mirrored(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(
                w, h, src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        int[] flipped = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) flipped[w - 1 - x] = row[x];
            out.setRGB(0, y, w, 1, flipped, 0, w);
        }
        return out;
    }

    void quality(String quality) {
        if (!QUALITIES.contains(quality)) {
            throw error(quality + " is not supported, please select one of the valid qualities: "
                    + "('default', 'gray', 'grey', 'bitonal', 'color', 'native')");
        }
        if (quality.equals("color")) return;
        if (quality.equals("native")) {
            // unreachable through the route (the v2 validation refuses "native"); Pillow's convert("") copies
            mode = Mode.RGBA;
            return;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] luma = new int[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                // Pillow's ITU-R 601-2 luma in 16-bit fixed point
                luma[y * w + x] =
                        ((p >> 16 & 0xFF) * 19595 + (p >> 8 & 0xFF) * 38470 + (p & 0xFF) * 7471 + 0x8000) >> 16;
            }
        }
        if (quality.equals("bitonal")) {
            image = dither(luma, w, h);
            mode = Mode.BITONAL;
        } else {
            BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < luma.length; i++) px[i] = (byte) luma[i];
            image = gray;
            mode = Mode.L;
        }
    }

    /** Pillow's convert("1"): Floyd–Steinberg error diffusion at the 128 threshold. */
    private static BufferedImage dither(int[] luma, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        var raster = out.getRaster();
        int[] err = new int[(w + 2) * 2];
        for (int y = 0; y < h; y++) {
            int cur = (y & 1) * (w + 2);
            int next = ((y + 1) & 1) * (w + 2);
            Arrays.fill(err, next, next + w + 2, 0);
            for (int x = 0; x < w; x++) {
                int v = Math.max(0, Math.min(255, luma[y * w + x] + err[cur + x + 1] / 16));
                int bit = v >= 128 ? 1 : 0;
                raster.setSample(x, y, 0, bit);
                int e = v - (bit == 1 ? 255 : 0);
                err[cur + x + 2] += e * 7;
                err[next + x] += e * 3;
                err[next + x + 1] += e * 5;
                err[next + x + 2] += e;
            }
        }
        return out;
    }

    /** MultimediaImage.serve: the format's bytes; JPEG as RGB at quality 90. */
    byte[] serve(String format) {
        if (!FORMATS.contains(format) || format.equals("pdf") || format.equals("jp2")) {
            // pdf is in IIIF_FORMATS but not in IIIF_FORMATS_PIL_MAP; jp2 needs a JPEG 2000 writer ImageIO lacks.
            throw error(format + " is not supported, please select one of the valid formats: " + pyStrings(FORMATS));
        }
        String writerName = switch (format) {
            case "jpg", "jpeg" -> "jpeg";
            case "tif", "tiff" -> "tiff";
            default -> format;
        };
        BufferedImage out = image;
        if (writerName.equals("jpeg") && (out.getType() != BufferedImage.TYPE_INT_RGB)) {
            BufferedImage rgb = new BufferedImage(out.getWidth(), out.getHeight(), BufferedImage.TYPE_INT_RGB);
            int[] row = new int[out.getWidth()];
            for (int y = 0; y < out.getHeight(); y++) {
                out.getRGB(0, y, out.getWidth(), 1, row, 0, row.length);
                // Pillow's RGBA -> RGB drops alpha: transparent corners of a rotation are black
                for (int x = 0; x < row.length; x++) row[x] = mode == Mode.RGBA ? row[x] & 0xFFFFFF : row[x];
                rgb.setRGB(0, y, row.length, 1, row, 0, row.length);
            }
            out = rgb;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(writerName).next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            if (writerName.equals("jpeg")) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.9f);
            }
            writer.setOutput(stream);
            writer.write(null, new IIOImage(out, null, null), p);
            stream.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw internal();
        } finally {
            writer.dispose();
        }
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double d : v) m = Math.max(m, d);
        return m;
    }

    private static double min(double[] v) {
        double m = v[0];
        for (double d : v) m = Math.min(m, d);
        return m;
    }

    /** Python's repr of a float for the usual values: 90.0, -45.5. */
    static String py(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return (long) v + ".0";
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private static String pyList(double[] dims, boolean floats) {
        List<String> s = new ArrayList<>();
        for (double d : dims) s.add(floats ? py(d) : String.valueOf((long) d));
        return "[" + String.join(", ", s) + "]";
    }

    private static String pyStrings(List<String> values) {
        List<String> s = new ArrayList<>();
        for (String v : values) s.add("'" + v + "'");
        return "[" + String.join(", ", s) + "]";
    }
}
