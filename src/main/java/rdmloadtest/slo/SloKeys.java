package rdmloadtest.slo;

import static rdmloadtest.config.Parsers.*;

import java.time.Duration;
import java.util.List;
import rdmloadtest.config.Key;
import rdmloadtest.config.KeyList;
import rdmloadtest.config.KeySet;

/** Keys of the SLO file and the gate that judges a run against it. */
public final class SloKeys implements KeySet {
  private static final KeyList KEYS = new KeyList();

  public static final Key<String> SLO_FILE = KEYS.add("slo.file", "classpath:slo/invenio-default.json",
      "SLO file (JSON): request groups and their objectives; classpath:NAME for a shipped one.", text());
  public static final Key<Duration> WARMUP = KEYS.add("slo.warmup", "10s",
      "Start of the run left out of the SLO gate (JIT, connection pools, caches); Gatling's report keeps it.",
      duration());
  public static final Key<Boolean> ENFORCE = KEYS.add("slo.enforce", "true",
      "Fail the run (exit code 2, like a failed Gatling assertion) when the gate fails; false: report only.",
      bool());

  @Override
  public List<Key<?>> keys() {
    return KEYS.all();
  }
}
