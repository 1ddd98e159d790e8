package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeMainTest {

    private static final String RECORDS = """
            {"id":"ab12c-3de45","files":{"enabled":true,"entries":{"data.csv":{"key":"data.csv","size":1000},"photo.png":{"key":"photo.png","size":5000}}}}
            {"id":"fg67h-8jk90","files":{"enabled":false,"entries":{}}}
            {"id":"mn12p-3qr45","files":{"enabled":true,"entries":{"empty.txt":{"key":"empty.txt","size":0}}}}
            """;

    private static byte[] generated(String id, String key, long size) throws IOException {
        try (InputStream in = FileContent.open(id, key, size)) {
            return in.readAllBytes();
        }
    }

    @Test
    void writesEveryFileWithItsGeneratedBytesAndListsTheirMd5s(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("records.jsonl"), RECORDS);
        FileTreeMain.write(dir);
        assertArrayEquals(
                generated("ab12c-3de45", "data.csv", 1000),
                Files.readAllBytes(dir.resolve("files/ab12c-3de45/data.csv")));
        assertArrayEquals(
                generated("ab12c-3de45", "photo.png", 5000),
                Files.readAllBytes(dir.resolve("files/ab12c-3de45/photo.png")));
        assertEquals(0, Files.size(dir.resolve("files/mn12p-3qr45/empty.txt")));
        assertEquals(
                List.of(
                        "record_id,key,size,md5",
                        "ab12c-3de45,data.csv,1000," + FileContent.md5Hex("ab12c-3de45", "data.csv", 1000),
                        "ab12c-3de45,photo.png,5000," + FileContent.md5Hex("ab12c-3de45", "photo.png", 5000),
                        "mn12p-3qr45,empty.txt,0," + FileContent.md5Hex("mn12p-3qr45", "empty.txt", 0)),
                Files.readAllLines(dir.resolve("files.csv")));
    }

    @Test
    void aRerunRewritesAFileCutShortAndKeepsTheWholeOnes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("records.jsonl"), RECORDS);
        FileTreeMain.write(dir);
        Path cut = dir.resolve("files/ab12c-3de45/data.csv");
        Files.write(cut, new byte[10]);
        FileTreeMain.write(dir);
        assertArrayEquals(generated("ab12c-3de45", "data.csv", 1000), Files.readAllBytes(cut));
    }
}
