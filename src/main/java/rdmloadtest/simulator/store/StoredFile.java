package rdmloadtest.simulator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** A file entry of a draft or record: key, size, type, status and its bytes (md5 and CRC computed once, lazily). */
public final class StoredFile {
    public final String key;
    public final String fileId = UUID.randomUUID().toString();
    public final String versionId = UUID.randomUUID().toString();
    public final String bucketId;
    public final Instant created;
    public volatile Instant updated;
    public volatile String mimetype;
    public volatile long size = -1;
    public volatile boolean committed;
    /** Multipart transfer ("M", v13+): the parts declared at init and those uploaded so far (1-based). */
    public volatile int parts;

    public volatile long partSize;
    public volatile long declaredSize = -1;
    public final Map<Integer, Path> partFiles = new ConcurrentHashMap<>();

    public boolean multipart() {
        return parts > 0;
    }

    public volatile FileBytes bytes;
    private volatile String md5;
    private volatile long crc = -1;
    /** Null until first asked: InvenioRDM's image metadata extractor runs once per committed file. */
    private volatile Optional<ImageSize> imageSize;

    /** The width and height InvenioRDM extracts into an image file's {@code metadata}. */
    public record ImageSize(int width, int height) {}

    /** RECORDS_RESOURCES_IMAGE_FORMATS of invenio-app-rdm v13/v14: the extensions whose dimensions are extracted. */
    private static final Set<String> IMAGE_FORMATS = Set.of("pdf", "gif", "jp2", "jpeg", "jpg", "png", "tif", "tiff");

    public StoredFile(String key, String bucketId, Instant created) {
        this.key = key;
        this.bucketId = bucketId;
        this.created = created;
        this.updated = created;
        this.mimetype = Mimetypes.guess(key);
    }

    /** A committed file with known bytes (seeded or imported into a new version). */
    public static StoredFile committed(
            String key, long size, String mimetype, FileBytes bytes, String md5, String bucketId, Instant created) {
        StoredFile f = new StoredFile(key, bucketId, created);
        f.size = size;
        if (mimetype != null) f.mimetype = mimetype;
        f.bytes = bytes;
        f.md5 = md5;
        f.committed = true;
        return f;
    }

    public StoredFile copyInto(String bucketId) {
        StoredFile f = committed(key, size, mimetype, bytes, md5, bucketId, created);
        f.crc = crc;
        f.imageSize = imageSize;
        return f;
    }

    public void setContent(FileBytes content, long length, String md5Hex) {
        this.bytes = content;
        this.size = length;
        this.md5 = md5Hex;
        this.crc = -1;
        this.imageSize = null;
        this.updated = Instant.now();
    }

    /**
     * The picture's width and height when the file is a committed image of an extension InvenioRDM extracts (read
     * from the image header, once); empty for other files and for bytes no decoder reads.
     */
    public Optional<ImageSize> imageSize() {
        if (!committed || bytes == null || !IMAGE_FORMATS.contains(String.valueOf(ext()))) return Optional.empty();
        Optional<ImageSize> s = imageSize;
        if (s == null) {
            s = readImageSize();
            imageSize = s;
        }
        return s;
    }

    private Optional<ImageSize> readImageSize() {
        try (InputStream in = bytes.open();
                ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public String ext() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? null : key.substring(dot + 1).toLowerCase();
    }

    public synchronized String md5() {
        if (md5 == null && bytes != null) digest();
        return md5;
    }

    public synchronized long crc32() {
        if (crc < 0 && bytes != null) digest();
        return crc;
    }

    private void digest() {
        try (InputStream in = bytes.open()) {
            MessageDigest md = MessageDigest.getInstance("MD5");
            CRC32 c = new CRC32();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                c.update(buf, 0, n);
            }
            md5 = HexFormat.of().formatHex(md.digest());
            crc = c.getValue();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read file " + key, e);
        }
    }
}
