package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;
import static rdmloadtest.api.SessionKeys.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import rdmloadtest.api.Deposits;
import rdmloadtest.api.Records;
import rdmloadtest.datagen.FileContent;
import rdmloadtest.run.DraftLedger;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.slo.RequestNames;

/**
 * A depositor: draft → 3-step upload of each file → publish → search until the record is found (time to
 * searchable); then sometimes a new version (found the same way) or an edit; some abandon and discard the draft.
 * Every open draft is in the ledger until published or deleted.
 */
public final class DepositJourney {
    private static final String EACH_UPLOAD = "upload";

    private DepositJourney() {}

    public static ChainBuilder deposit(Feeds feeds, LoadTestConfig cfg, Chance chance, DraftLedger ledger) {
        LoadTestConfig.Traffic t = cfg.traffic();
        LoadTestConfig.Searchable searchable = t.depositors().searchable();
        return feed(feeds.depositTemplates())
                .exitBlockOnFail()
                .on(exec(createDraft(ledger))
                        .exec(uploadEachFile())
                        .doIfOrElse(s -> !chance.always()
                                && chance.of(t.depositors().abandonProbability())
                                        .apply(s))
                        .then(discardDraft(ledger))
                        .orElse(exec(publish(ledger))
                                .exec(untilSearchable(searchable))
                                .doIf(chance.of(t.depositors().newVersionProbability()))
                                .then(newVersion(ledger, searchable))
                                .doIf(chance.of(t.depositors().editProbability()))
                                .then(editMetadata(ledger))))
                .exec(Deposits.USER_RECORDS);
    }

    /** Smoke runs also exercise the discard path once: a draft created and deleted. */
    public static ChainBuilder discard(Feeds feeds, DraftLedger ledger) {
        return feed(feeds.depositTemplates())
                .exitBlockOnFail()
                .on(exec(createDraft(ledger)).exec(discardDraft(ledger)));
    }

    private static ChainBuilder createDraft(DraftLedger ledger) {
        return exec(Deposits.CREATE_DRAFT).exec(s -> opened(s, ledger));
    }

    /** The 3-step upload of every file of the template: init, content, commit. */
    private static ChainBuilder uploadEachFile() {
        return foreach(el(UPLOAD_FILES), EACH_UPLOAD)
                .on(exec(DepositJourney::fileContent)
                        .exec(Deposits.INIT_FILE)
                        .exec(Deposits.UPLOAD_CONTENT)
                        .exec(Deposits.COMMIT_FILE)
                        .exec(s -> s.remove(FILE_BYTES)));
    }

    private static ChainBuilder discardDraft(DraftLedger ledger) {
        return exec(Deposits.DELETE_DRAFT).exec(s -> closed(s, ledger));
    }

    private static ChainBuilder publish(DraftLedger ledger) {
        return exec(Deposits.PUBLISH).exec(s -> closed(s, ledger));
    }

    /**
     * Time to searchable, as a depositor lives it: from the publish answer, searches for the record (as its owner,
     * who sees it whatever its access) until one finds it, every {@code firstPoll} during {@code steadyFor}, then each
     * wait doubling up to {@code maxPoll}, for at most {@code timeout}. The span is a Gatling group the summary judges as one response
     * (RequestNames.TIME_TO_SEARCHABLE), KO when the record was not found in time; the polls have their own name, out
     * of the search SLO group. The record id a publish saved may be a new version's.
     */
    static ChainBuilder untilSearchable(LoadTestConfig.Searchable poll) {
        if (!poll.measured()) return exec(s -> s);
        return group(RequestNames.TIME_TO_SEARCHABLE)
                .on(exec(s -> s.set(FOUND_TOTAL, 0)
                                .set(POLL_WAIT_MS, poll.firstPoll().toMillis())
                                .set(PUBLISHED_AT_MS, System.currentTimeMillis()))
                        .asLongAsDuring(DepositJourney::notFound, poll.timeout())
                        .on(pause(s -> Duration.ofMillis(s.getLong(POLL_WAIT_MS)))
                                .exec(Records.FIND_PUBLISHED)
                                .exec(s -> s.set(
                                        POLL_WAIT_MS,
                                        poll.nextWaitMs(
                                                System.currentTimeMillis() - s.getLong(PUBLISHED_AT_MS),
                                                s.getLong(POLL_WAIT_MS)))))
                        .exec(s -> notFound(s) ? s.markAsFailed() : s));
    }

    private static boolean notFound(Session s) {
        return s.getInt(FOUND_TOTAL) == 0;
    }

    /** A new version of the record just published: its files imported, its metadata updated, published, found. */
    private static ChainBuilder newVersion(DraftLedger ledger, LoadTestConfig.Searchable searchable) {
        return exec(Deposits.NEW_VERSION)
                .exec(s -> opened(s, ledger))
                .doIf(s -> !s.getList(UPLOAD_FILES).isEmpty())
                .then(exec(Deposits.IMPORT_FILES))
                .exec(Deposits.UPDATE_DRAFT)
                .exec(publish(ledger))
                .exec(untilSearchable(searchable));
    }

    /** An edit of the record just published: its draft updated and published again. */
    private static ChainBuilder editMetadata(DraftLedger ledger) {
        return exec(Deposits.EDIT)
                .exec(s -> opened(s, ledger))
                .exec(Deposits.UPDATE_DRAFT)
                .exec(publish(ledger));
    }

    private static Session opened(Session s, DraftLedger ledger) {
        ledger.opened(s.getString(DRAFT_ID), s.getString(AUTHORIZATION));
        return s;
    }

    private static Session closed(Session s, DraftLedger ledger) {
        ledger.closed(s.getString(DRAFT_ID));
        return s;
    }

    /** The bytes of one upload, generated from the run's seed (deterministic, never stored on disk). */
    private static Session fileContent(Session s) {
        Map<String, Object> upload = s.getMap(EACH_UPLOAD);
        String key = (String) upload.get("key");
        long size = ((Number) upload.get("size")).longValue();
        try (InputStream in = FileContent.open(s.getString(CONTENT_SEED), key, size)) {
            byte[] bytes = in.readAllBytes();
            String md5 =
                    HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
            return s.set(FILE_KEY, key).set(FILE_BYTES, bytes).set(FILE_MD5, md5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
