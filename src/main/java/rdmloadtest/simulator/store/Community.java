package rdmloadtest.simulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A community as seeded from communities.jsonl (InvenioRDM's community JSON). */
public record Community(String id, String slug, ObjectNode json) {}
