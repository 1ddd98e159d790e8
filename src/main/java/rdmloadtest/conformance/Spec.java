package rdmloadtest.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of a JSON (or XML) body a step compares: only the parts InvenioRDM itself generates, so
 * optional metadata that one data set has and the other lacks is not a difference.
 */
final class Spec {
    enum Mode {
        /** The key set (and value types) of the object(s) at the path. */
        KEYS,
        /** Keys and value types, recursively. */
        DEEP,
        /** The values themselves (after replacing ids and the site URL with placeholders). */
        VALUE
    }

    record Rule(String path, Mode mode) {}

    final List<Rule> rules = new ArrayList<>();

    static Spec none() {
        return new Spec();
    }

    Spec keys(String... paths) {
        for (String p : paths) rules.add(new Rule(p, Mode.KEYS));
        return this;
    }

    Spec deep(String... paths) {
        for (String p : paths) rules.add(new Rule(p, Mode.DEEP));
        return this;
    }

    Spec value(String... paths) {
        for (String p : paths) rules.add(new Rule(p, Mode.VALUE));
        return this;
    }

    Spec and(Spec other) {
        rules.addAll(other.rules);
        return this;
    }

    /** An error body: {"status", "message"[, "errors"]}; the status and the field names are compared as values. */
    static Spec error() {
        return new Spec().deep("").value("/status", "/errors/*/field");
    }

    /** A search answer: envelope, total, links, aggregations and the generated parts of each hit. */
    static Spec search(String prefix) {
        return new Spec()
                .keys(prefix, prefix + "/hits", prefix + "/links", prefix + "/aggregations")
                .deep(prefix + "/hits/total", prefix + "/sortBy", prefix + "/page", prefix + "/aggregations/*")
                .keys(
                        prefix + "/hits/hits/*",
                        prefix + "/hits/hits/*/links",
                        prefix + "/hits/hits/*/versions",
                        prefix + "/hits/hits/*/parent",
                        prefix + "/hits/hits/*/access")
                .value(prefix + "/sortBy");
    }

    static Spec search() {
        return search("");
    }

    /** A record or draft the sequence made itself (same payload and files on both sides). */
    static Spec record() {
        return new Spec()
                .keys("", "/links", "/metadata", "/custom_fields")
                .deep(
                        "/parent",
                        "/versions",
                        "/access",
                        "/files",
                        "/pids",
                        "/stats",
                        "/deletion_status",
                        "/media_files",
                        "/revision_id",
                        "/is_draft",
                        "/is_published",
                        "/errors")
                .value("/status", "/is_draft", "/is_published", "/versions/index", "/errors/*/field");
    }

    /** The files endpoint: list envelope and entries. */
    static Spec fileList() {
        return new Spec().deep("").value("/entries/*/status", "/entries/*/key");
    }

    static Spec fileEntry() {
        return new Spec().deep("").value("/status", "/key");
    }

    /** OAI-PMH: the envelope and record headers; the metadata inside a record depends on the data. */
    static Spec oai() {
        return new Spec()
                .keys("/OAI-PMH/*", "/OAI-PMH/*/request/*")
                .deep(
                        "/OAI-PMH/*/Identify",
                        "/OAI-PMH/*/error",
                        "/OAI-PMH/*/ListRecords/*/resumptionToken",
                        "/OAI-PMH/*/ListIdentifiers/*/resumptionToken",
                        "/OAI-PMH/*/ListIdentifiers/*/header",
                        "/OAI-PMH/*/ListRecords/*/record/*/header",
                        "/OAI-PMH/*/ListMetadataFormats")
                .keys(
                        "/OAI-PMH/*/ListRecords/*",
                        "/OAI-PMH/*/ListIdentifiers/*",
                        "/OAI-PMH/*/ListRecords/*/record/*",
                        "/OAI-PMH/*/ListRecords/*/record/*/metadata/*")
                .value("/OAI-PMH/*/error/*/@code");
    }
}
