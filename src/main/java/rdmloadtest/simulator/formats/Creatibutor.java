package rdmloadtest.simulator.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A creator or contributor (InvenioRDM's "creatibutor"): a person_or_org with affiliations and, for contributors, a
 * role.
 */
record Creatibutor(JsonNode json) {
    String name() {
        return json.at("/person_or_org/name").asText();
    }

    /** The family name, or the whole name when there is none (an organization). */
    String familyName() {
        return json.at("/person_or_org/family_name").asText(name());
    }

    String givenName() {
        return json.at("/person_or_org/given_name").asText("");
    }

    boolean hasFamilyName() {
        return json.at("/person_or_org/family_name").isTextual();
    }

    boolean hasGivenName() {
        return json.at("/person_or_org/given_name").isTextual();
    }

    boolean isOrganization() {
        return json.at("/person_or_org/type").asText().equals("organizational");
    }

    /** "J. P." for "Josiah Peter" (or "Josiah-Peter"). */
    String initials() {
        StringBuilder b = new StringBuilder();
        for (String g : givenName().split("[ -]+"))
            if (!g.isEmpty()) b.append(g.charAt(0)).append(". ");
        return b.toString().trim();
    }

    List<String> affiliations() {
        List<String> out = new ArrayList<>();
        json.path("affiliations").forEach(a -> out.add(a.path("name").asText()));
        return out;
    }

    /** The ORCID iD, or null. */
    String orcid() {
        for (JsonNode id : json.at("/person_or_org/identifiers"))
            if (id.path("scheme").asText().equals("orcid"))
                return id.path("identifier").asText();
        return null;
    }

    /** The contributor's role id ("projectleader"), "other" when none. */
    String roleId() {
        return json.at("/role/id").asText("other");
    }
}
