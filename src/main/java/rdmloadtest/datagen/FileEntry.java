package rdmloadtest.datagen;

/** A file of a record: its key, size and type; its bytes come from {@link FileContent}. */
public record FileEntry(String key, long size, FileType type) {}
