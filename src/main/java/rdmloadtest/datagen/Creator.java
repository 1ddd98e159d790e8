package rdmloadtest.datagen;

import java.util.List;

/** A creator or contributor: {@code person_or_org}, affiliations by name, and a role (contributors only). */
public record Creator(PersonOrOrg personOrOrg, List<String> affiliations, String role) {

    /** {@code type} is "personal" (needs family_name) or "organizational" (needs name). */
    public record PersonOrOrg(String type, String givenName, String familyName, String name, String orcid) {

        public static PersonOrOrg personal(String given, String family, String orcid) {
            return new PersonOrOrg("personal", given, family, family + ", " + given, orcid);
        }

        public static PersonOrOrg organizational(String name) {
            return new PersonOrOrg("organizational", null, null, name, null);
        }

        public boolean isPersonal() {
            return "personal".equals(type);
        }
    }
}
