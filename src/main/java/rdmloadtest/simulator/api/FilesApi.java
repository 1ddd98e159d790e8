package rdmloadtest.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import rdmloadtest.simulator.http.ApiError;
import rdmloadtest.simulator.http.Call;
import rdmloadtest.simulator.http.Reply;
import rdmloadtest.simulator.http.Router;
import rdmloadtest.simulator.perf.EndpointClass;
import rdmloadtest.simulator.perf.PerformanceModel.Throttle;
import rdmloadtest.simulator.store.FileBytes;
import rdmloadtest.simulator.store.RecordDoc;
import rdmloadtest.simulator.store.Repository;
import rdmloadtest.simulator.store.StoredFile;

/** Files of records and drafts: list, entry, content download, archive, and the 3-step upload. */
public final class FilesApi {
    private static final int MAX_FILES = 100;
    private static final long MAX_FILE_SIZE = 10L * 1000 * 1000 * 1000;
    /** werkzeug's RequestEntityTooLarge, as InvenioRDM v14 answers a body over MAX_CONTENT_LENGTH. */
    static final String TOO_LARGE = "The data value transmitted exceeds the capacity limit.";

    private static final Set<String> INIT_KEYS =
            Set.of("key", "size", "checksum", "storage_class", "transfer", "metadata", "access");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Repository repo;
    private final RecordJson json;
    private final Path uploads;
    private final long maxContentLength;

    public FilesApi(Repository repo, RecordJson json, Path uploads, long maxContentLength) {
        this.maxContentLength = maxContentLength;
        this.repo = repo;
        this.json = json;
        this.uploads = uploads;
    }

    public void routes(Router r) {
        r.add("GET", "/api/records/{id}/files", EndpointClass.FILES, c -> list(c, false));
        r.add("GET", "/api/records/{id}/files-archive", EndpointClass.DOWNLOAD, c -> archive(c, false));
        r.add("GET", "/api/records/{id}/files/{key}/content", EndpointClass.DOWNLOAD, c -> content(c, false));
        r.add("GET", "/api/records/{id}/files/{key}", EndpointClass.FILES, c -> entry(c, false));
        r.add("GET", "/api/records/{id}/draft/files", EndpointClass.FILES, c -> list(c, true));
        r.add("POST", "/api/records/{id}/draft/files", EndpointClass.DEPOSIT, this::init);
        r.add("GET", "/api/records/{id}/draft/files-archive", EndpointClass.DOWNLOAD, c -> archive(c, true));
        r.add("PUT", "/api/records/{id}/draft/files/{key}/content", EndpointClass.DEPOSIT, this::upload);
        r.add("PUT", "/api/records/{id}/draft/files/{key}/content/{part}", EndpointClass.DEPOSIT, this::uploadPart);
        r.add("GET", "/api/records/{id}/draft/files/{key}/content", EndpointClass.DOWNLOAD, c -> content(c, true));
        r.add("POST", "/api/records/{id}/draft/files/{key}/commit", EndpointClass.DEPOSIT, this::commit);
        r.add("GET", "/api/records/{id}/draft/files/{key}", EndpointClass.FILES, c -> entry(c, true));
        r.add("DELETE", "/api/records/{id}/draft/files/{key}", EndpointClass.DEPOSIT, this::delete);
        r.add("POST", "/api/records/{id}/draft/actions/files-import", EndpointClass.DEPOSIT, this::importFiles);
    }

    /** The record or draft whose files the caller may read; tombstones and permissions as InvenioRDM. */
    private RecordDoc readable(Call c, boolean draft) {
        if (draft) {
            RecordDoc d = repo.draft(c.param("id")).orElseThrow(ApiError::notFound);
            if (!AccessRules.canEdit(d, c.identity)) throw ApiError.forbidden();
            return d;
        }
        RecordDoc r = repo.record(c.param("id")).orElseThrow(ApiError::notFound);
        RecordsApi.checkTombstone(r);
        if (!AccessRules.canReadFiles(r, c.identity)) throw ApiError.forbidden();
        return r;
    }

    Reply list(Call c, boolean draft) {
        return repo.read(() -> Reply.json(200, json.fileList(readable(c, draft), c.api())));
    }

    Reply entry(Call c, boolean draft) {
        return repo.read(() -> {
            RecordDoc r = readable(c, draft);
            return Reply.json(200, json.fileEntry(r, RecordsApi.file(r, c.param("key")), c.api()));
        });
    }

    /**
     * File content and archive routes are content-negotiated like every resource route (§12.6): an Accept
     * header that admits neither JSON nor a wildcard (e.g. application/octet-stream alone) gets 406.
     */
    static void requireAcceptable(Call c) {
        String accept = c.header("accept").orElse("").trim();
        if (accept.isEmpty()) return;
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase();
            if (type.equals("*/*")
                    || type.equals("application/*")
                    || type.equals("application/json")
                    || type.equals("application/vnd.inveniordm.v1+json")) {
                return;
            }
        }
        throw new ApiError(
                406,
                "Invalid 'Accept' header. Expected one of: application/json, " + "application/vnd.inveniordm.v1+json");
    }

    Reply content(Call c, boolean draft) {
        requireAcceptable(c);
        StoredFile f = repo.read(() -> {
            RecordDoc r = readable(c, draft);
            StoredFile sf = RecordsApi.file(r, c.param("key"));
            if (!sf.committed && sf.bytes == null) throw new ApiError(404, "File not found.");
            if (!draft) countDownload(r, sf.size);
            return sf;
        });
        String etag = "\"md5:" + f.md5() + "\"";
        String type = rdmloadtest.simulator.store.Mimetypes.sanitizeFor(f);
        String disposition = type.equals("application/octet-stream") ? "attachment; filename=" + f.key : "inline";
        if (c.header("if-none-match").map(v -> v.equals(etag) || v.equals("*")).orElse(false)) {
            // werkzeug's 304 keeps the disposition and ETag but drops the entity headers
            return Reply.empty(304).header("Content-Disposition", disposition).header("ETag", etag);
        }
        Reply reply = Reply.stream(200, f.size, (out, throttle) -> copy(f.bytes, out, throttle))
                .header("Content-Type", type)
                .header("Content-MD5", f.md5())
                .header("ETag", etag)
                .header("Last-Modified", HTTP_DATE.format(f.updated))
                .header("Content-Security-Policy", "default-src 'none';")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Download-Options", "noopen")
                .header("X-Permitted-Cross-Domain-Policies", "none")
                .header("X-Frame-Options", "deny")
                .header("X-XSS-Protection", "1; mode=block");
        reply.header("Content-Disposition", disposition);
        return reply;
    }

    /** A real zip (stored, not compressed, like zipstream's ZIP_STORED), streamed without Content-Length. */
    Reply archive(Call c, boolean draft) {
        requireAcceptable(c);
        RecordDoc r = repo.read(() -> {
            RecordDoc doc = readable(c, draft);
            if (!draft) countDownload(doc, doc.totalBytes());
            return doc;
        });
        List<StoredFile> files = repo.read(() -> List.copyOf(r.files.values()));
        return Reply.stream(200, -1, (out, throttle) -> {
                    ZipOutputStream zip = new ZipOutputStream(out);
                    zip.setMethod(ZipOutputStream.STORED);
                    for (StoredFile f : files) {
                        if (!f.committed) continue;
                        ZipEntry e = new ZipEntry(f.key);
                        e.setSize(f.size);
                        e.setCompressedSize(f.size);
                        e.setCrc(f.crc32());
                        zip.putNextEntry(e);
                        copy(f.bytes, zip, throttle);
                        zip.closeEntry();
                    }
                    zip.finish();
                })
                .header("Content-Type", "application/zip")
                .header("Content-Disposition", "attachment; filename=" + r.id + ".zip");
    }

    /** A file-download event: counted only when the stats job next aggregates (see Simulator). */
    public static void countDownload(RecordDoc r, long bytes) {
        synchronized (r) {
            r.pendingDownloads++;
            r.pendingDataVolume += bytes;
        }
    }

    public static void copy(FileBytes bytes, OutputStream out, Throttle throttle) throws IOException {
        try (InputStream in = bytes.open()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                throttle.pace(n);
            }
        }
    }

    Reply init(Call c) {
        JsonNode body = c.jsonBody();
        if (!body.isArray()) throw ApiError.validation("_schema", "Invalid input type.");
        if (body.isEmpty()) throw ApiError.validation("_schema", "No files to upload.");
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            if (!d.filesEnabled) throw ApiError.validation("files.enabled", "Files are disabled for this record.");
            for (JsonNode item : body) {
                for (var it = item.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!INIT_KEYS.contains(k)) throw ApiError.validation("0." + k, "Unknown field.");
                }
                String key = item.path("key").asText("");
                if (key.isEmpty()) throw ApiError.validation("0.key", "Missing data for required field.");
                if (d.files.containsKey(key)) throw new ApiError(400, "File with key " + key + " already exists.");
            }
            if (d.files.size() + body.size() > MAX_FILES) {
                throw new ApiError(400, "Uploading selected files will result in exceeding the max amount per record.");
            }
            for (JsonNode item : body) {
                String key = item.path("key").asText();
                StoredFile f = new StoredFile(key, d.bucketId, Instant.now());
                JsonNode t = item.path("transfer");
                if (t.path("type").asText("L").equals("M")) {
                    // Multipart (v13+): parts of part_size bytes, the last the remainder of size.
                    long size = item.path("size").asLong(-1);
                    int parts = t.path("parts").asInt(0);
                    long partSize = t.path("part_size").asLong(0);
                    if (size < 1
                            || parts < 1
                            || partSize < 1
                            || (long) (parts - 1) * partSize >= size
                            || (long) parts * partSize < size)
                        throw ApiError.validation(
                                "0.transfer", "Invalid multipart transfer: size, parts and part_size disagree.");
                    f.parts = parts;
                    f.partSize = partSize;
                    f.declaredSize = size;
                }
                d.files.put(key, f);
            }
            return Reply.json(201, json.fileList(d, c.api()));
        });
    }

    Reply upload(Call c) {
        c.requireContentType("application/octet-stream");
        String key = c.param("key");
        StoredFile f = repo.read(() -> {
            RecordDoc d = ownDraft(c);
            RecordsApi.requireUnlockedFiles(d);
            return RecordsApi.file(d, key);
        });
        if (f.committed) return failedTransfer(c, f);
        long declared = c.header("content-length").map(Long::parseLong).orElse(-1L);
        if (declared > MAX_FILE_SIZE) throw new ApiError(400, "Maximum file size exceeded.");
        // As werkzeug on InvenioRDM v14: a body of MAX_CONTENT_LENGTH bytes or more is refused.
        if (declared >= maxContentLength) throw new ApiError(413, TOO_LARGE);
        Path tmp;
        String md5;
        long length;
        try {
            Files.createDirectories(uploads);
            tmp = Files.createTempFile(uploads, "upload-", ".bin");
            MessageDigest md = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(c.bodyStream(), md)) {
                // A body without Content-Length is cut off at the limit, as werkzeug's max_content_length does.
                length = copyAtMost(in, tmp, maxContentLength);
            }
            if (length >= maxContentLength) {
                deleteQuietly(tmp);
                throw new ApiError(413, TOO_LARGE);
            }
            md5 = HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ApiError(400, "File is smaller than expected.");
        }
        if (declared >= 0 && length != declared) {
            deleteQuietly(tmp);
            throw new ApiError(
                    400, length < declared ? "File is smaller than expected." : "File is bigger than expected.");
        }
        Path stored = tmp;
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            if (f.bytes != null) f.bytes.discard();
            f.setContent(uploaded(stored), length, md5);
            f.mimetype = rdmloadtest.simulator.store.Mimetypes.guess(key);
            return Reply.json(200, json.fileEntry(d, f, c.api()));
        });
    }

    /** One part of a multipart transfer: exactly its size (part_size, the last the remainder), under the body limit. */
    Reply uploadPart(Call c) {
        c.requireContentType("application/octet-stream");
        String key = c.param("key");
        StoredFile f = repo.read(() -> RecordsApi.file(ownDraft(c), key));
        if (!f.multipart() || f.committed) throw new ApiError(400, "File is not a pending multipart transfer.");
        int part;
        try {
            part = Integer.parseInt(c.param("part"));
        } catch (NumberFormatException e) {
            part = -1;
        }
        if (part < 1 || part > f.parts) throw new ApiError(404, "Not found");
        long expected = part < f.parts ? f.partSize : f.declaredSize - (long) (f.parts - 1) * f.partSize;
        long declared = c.header("content-length").map(Long::parseLong).orElse(-1L);
        if (declared >= maxContentLength) throw new ApiError(413, TOO_LARGE);
        Path tmp;
        long length;
        try {
            Files.createDirectories(uploads);
            tmp = Files.createTempFile(uploads, "part-", ".bin");
            try (InputStream in = c.bodyStream()) {
                length = copyAtMost(in, tmp, maxContentLength);
            }
        } catch (IOException e) {
            throw new ApiError(400, "File is smaller than expected.");
        }
        if (length >= maxContentLength) {
            deleteQuietly(tmp);
            throw new ApiError(413, TOO_LARGE);
        }
        if (length != expected) {
            deleteQuietly(tmp);
            throw new ApiError(
                    400, length < expected ? "File is smaller than expected." : "File is bigger than expected.");
        }
        int n = part;
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            Path old = f.partFiles.put(n, tmp);
            if (old != null) deleteQuietly(old);
            f.updated = Instant.now();
            return Reply.json(200, json.fileEntry(d, f, c.api()));
        });
    }

    /** The parts of a multipart transfer joined into the file's content, in order. */
    private void join(StoredFile f) {
        if (f.partFiles.size() != f.parts) throw new ApiError(400, "File is not uploaded yet.");
        try {
            Path joined = Files.createTempFile(uploads, "upload-", ".bin");
            MessageDigest md = MessageDigest.getInstance("MD5");
            try (var out = new DigestOutputStream(Files.newOutputStream(joined), md)) {
                for (int i = 1; i <= f.parts; i++) Files.copy(f.partFiles.get(i), out);
            }
            for (Path p : f.partFiles.values()) deleteQuietly(p);
            f.partFiles.clear();
            if (f.bytes != null) f.bytes.discard();
            f.setContent(uploaded(joined), f.declaredSize, HexFormat.of().formatHex(md.digest()));
            f.mimetype = rdmloadtest.simulator.store.Mimetypes.guess(f.key);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ApiError(500, "Internal server error");
        }
    }

    Reply commit(Call c) {
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            StoredFile f = RecordsApi.file(d, c.param("key"));
            if (f.multipart() && !f.committed) join(f);
            if (f.bytes == null) throw new ApiError(400, "File is not uploaded yet.");
            f.committed = true;
            f.updated = Instant.now();
            // the commit answer is dumped before the file's metadata is set: null, {} on later reads
            return Reply.json(200, json.fileEntry(d, f, c.api()).putNull("metadata"));
        });
    }

    /**
     * Content sent again to a committed file: InvenioRDM's transfer fails, the service answers 200 with the
     * old entry plus {"errors": "File upload transfer failed."}, and the cleanup removes the file from the draft.
     */
    private Reply failedTransfer(Call c, StoredFile f) {
        try (InputStream in = c.bodyStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the body is discarded anyway
        }
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            var body = json.fileEntry(d, f, c.api()).put("errors", "File upload transfer failed.");
            d.files.remove(f.key);
            if (f.bytes != null && !isShared(d, f)) f.bytes.discard();
            return Reply.json(200, body);
        });
    }

    Reply delete(Call c) {
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            RecordsApi.requireUnlockedFiles(d);
            StoredFile f = RecordsApi.file(d, c.param("key"));
            d.files.remove(f.key);
            if (f.bytes != null && !isShared(d, f)) f.bytes.discard();
            return Reply.empty(204);
        });
    }

    /** New version: link the previous version's files into the draft (no bytes copied). */
    Reply importFiles(Call c) {
        return repo.write(() -> {
            RecordDoc d = ownDraft(c);
            RecordsApi.requireUnlockedFiles(d);
            RecordDoc previous = repo.versionsOf(d.parent).stream()
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new ApiError(400, "No previous version to import files from."));
            for (StoredFile f : previous.files.values()) d.files.putIfAbsent(f.key, f.copyInto(d.bucketId));
            return Reply.json(201, json.fileList(d, c.api()));
        });
    }

    private boolean isShared(RecordDoc d, StoredFile f) {
        return repo.versionsOf(d.parent).stream()
                .anyMatch(v -> v.files.values().stream().anyMatch(x -> x.bytes == f.bytes));
    }

    private RecordDoc ownDraft(Call c) {
        RecordDoc d = repo.draft(c.param("id")).orElseThrow(ApiError::notFound);
        if (!AccessRules.canEdit(d, c.identity)) throw ApiError.forbidden();
        return d;
    }

    private static FileBytes uploaded(Path p) {
        return new FileBytes() {
            public InputStream open() throws IOException {
                return Files.newInputStream(p);
            }

            public void discard() {
                deleteQuietly(p);
            }
        };
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file the OS cleans up anyway
        }
    }

    /** Copies until the stream ends or {@code max} bytes are copied, whichever is first; returns the bytes copied. */
    private static long copyAtMost(InputStream in, Path to, long max) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (var out = Files.newOutputStream(to)) {
            int n;
            while (total < max && (n = in.read(buf, 0, (int) Math.min(buf.length, max - total))) >= 0) {
                out.write(buf, 0, n);
                total += n;
            }
        }
        return total;
    }
}
