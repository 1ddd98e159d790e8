package rdmloadtest.journeys;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import rdmloadtest.api.Deposits;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.datagen.FileContent;
import rdmloadtest.run.DraftLedger;

/**
 * A depositor: draft → 3-step upload of each file → publish; then sometimes a new version or an edit;
 * some abandon and discard the draft. Every open draft is in the ledger until published or deleted.
 */
public final class DepositJourney {
  private DepositJourney() {}

  public static ChainBuilder deposit(Feeds feeds, LoadTestConfig cfg, Chance chance, DraftLedger ledger) {
    LoadTestConfig.Traffic t = cfg.traffic();
    return feed(feeds.depositTemplates())
        .exitBlockOnFail().on(
            exec(Deposits.CREATE_DRAFT)
                .exec(s -> opened(s, ledger))
                .foreach("#{uploadFiles}", "upload").on(
                    exec(DepositJourney::fileContent)
                        .exec(Deposits.INIT_FILE)
                        .exec(Deposits.UPLOAD_CONTENT)
                        .exec(Deposits.COMMIT_FILE)
                        .exec(s -> s.remove("fileBytes")))
                .doIfOrElse(s -> !chance.always() && chance.of(t.abandonProbability()).apply(s)).then(
                    exec(Deposits.DELETE_DRAFT).exec(s -> closed(s, ledger)))
                .orElse(
                    exec(Deposits.PUBLISH).exec(s -> closed(s, ledger))
                        .doIf(chance.of(t.newVersionProbability())).then(
                            exec(Deposits.NEW_VERSION).exec(s -> opened(s, ledger))
                                .doIf(s -> !s.getList("uploadFiles").isEmpty()).then(exec(Deposits.IMPORT_FILES))
                                .exec(Deposits.UPDATE_DRAFT)
                                .exec(Deposits.PUBLISH).exec(s -> closed(s, ledger)))
                        .doIf(chance.of(t.editProbability())).then(
                            exec(Deposits.EDIT).exec(s -> opened(s, ledger))
                                .exec(Deposits.UPDATE_DRAFT)
                                .exec(Deposits.PUBLISH).exec(s -> closed(s, ledger)))))
        .exec(Deposits.USER_RECORDS);
  }

  /** Smoke runs also exercise the discard path once: a draft created and deleted. */
  public static ChainBuilder discard(Feeds feeds, DraftLedger ledger) {
    return feed(feeds.depositTemplates())
        .exitBlockOnFail().on(
            exec(Deposits.CREATE_DRAFT).exec(s -> opened(s, ledger))
                .exec(Deposits.DELETE_DRAFT).exec(s -> closed(s, ledger)));
  }

  private static Session opened(Session s, DraftLedger ledger) {
    ledger.opened(s.getString("draftId"), s.getString("authorization"));
    return s;
  }

  private static Session closed(Session s, DraftLedger ledger) {
    ledger.closed(s.getString("draftId"));
    return s;
  }

  /** The bytes of one upload, generated from the run's seed (deterministic, never stored on disk). */
  private static Session fileContent(Session s) {
    Map<String, Object> upload = s.getMap("upload");
    String key = (String) upload.get("key");
    long size = ((Number) upload.get("size")).longValue();
    try (InputStream in = FileContent.open(s.getString("contentSeed"), key, size)) {
      byte[] bytes = in.readAllBytes();
      String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
      return s.set("fileKey", key).set("fileBytes", bytes).set("fileMd5", md5);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
