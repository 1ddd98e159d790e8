package rdmloadtest.slo;

import java.util.List;

/**
 * Every request name the simulations use (the names in Gatling's report). An SLO group naming anything
 * else is a typo that would silently judge nothing, so the SLO file is checked against this list.
 */
public final class RequestNames {
  private RequestNames() {}

  public static final List<String> ALL = List.of(
      "Search records", "Search community records",
      "View record", "List versions", "Resolve latest version", "Resolve parent",
      "List files", "Download file", "Download archive",
      "Create draft", "Update draft", "Init file upload", "Upload file content", "Commit file", "Publish draft",
      "Delete draft", "Create new version", "Import files", "Edit record",
      "List user records",
      "List communities", "View community",
      "OAI ListIdentifiers", "OAI ListRecords");
}
