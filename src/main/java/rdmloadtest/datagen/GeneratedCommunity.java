package rdmloadtest.datagen;

import java.time.Instant;

/** A community records can belong to (the generated set is small and fixed). */
public record GeneratedCommunity(
        String id, String slug, String title, String type, String description, Instant created) {}
