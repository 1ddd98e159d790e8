package rdmloadtest.datagen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageContentTest {

    private static byte[] bytes(String id, String key, long size) throws IOException {
        try (InputStream in = FileContent.open(id, key, size)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "photo.png, 1024",
        "photo.png, 5000",
        "figure.png, 33428",
        "map.png, 249117",
        "plot.png, 1000000",
        "overview.png, 3744474",
        "scan.jpg, 2048",
        "scan.jpg, 40000",
        "scan.jpeg, 700001",
        "scan.jpg, 2500000",
        "slide.tif, 1500",
        "slide.tif, 80000",
        "slide.tiff, 1200000"
    })
    void imageKeysAreDecodablePicturesOfExactlyTheirSize(String key, long size) throws IOException {
        byte[] file = bytes("ha4g3-7x208", key, size);
        assertEquals(size, file.length);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(file));
        assertNotNull(img, key + " " + size + " is not an image ImageIO reads");
        ImageContent.Dimensions d =
                ImageContent.dimensions("ha4g3-7x208", key, size).orElseThrow();
        assertEquals(d.width(), img.getWidth());
        assertEquals(d.height(), img.getHeight());
    }

    @Test
    void picturesAreAsLargeAsRealImagesOnceTheFileIsLargeEnough() {
        ImageContent.Dimensions small =
                ImageContent.dimensions("r1", "photo.png", 100_000).orElseThrow();
        ImageContent.Dimensions large =
                ImageContent.dimensions("r1", "photo.png", 3_000_000).orElseThrow();
        assertTrue(Math.max(small.width(), small.height()) >= 800, small.toString());
        assertTrue(Math.max(large.width(), large.height()) > Math.max(small.width(), small.height()));
        assertTrue(Math.max(large.width(), large.height()) <= 4000, large.toString());
    }

    @Test
    void theSameFileIsTheSameBytesEveryTime() throws IOException {
        byte[] a = bytes("r", "figure.png", 250_000);
        byte[] b = bytes("r", "figure.png", 250_000);
        assertArrayEquals(a, b);
        assertTrue(!Arrays.equals(a, bytes("s", "figure.png", 250_000)));
    }

    @Test
    void skipLandsOnTheSameBytesAsReadingInEveryPart() throws IOException {
        for (String key : new String[] {"a.png", "a.jpg", "a.tif"}) {
            byte[] whole = bytes("r", key, 300_000);
            for (long at : new long[] {0, 7, 1000, 150_000, 299_990}) {
                try (InputStream in = FileContent.open("r", key, 300_000)) {
                    assertEquals(at, in.skip(at));
                    assertArrayEquals(Arrays.copyOfRange(whole, (int) at, whole.length), in.readAllBytes(), key + at);
                }
            }
        }
    }

    @Test
    void aShippedPngKeepsTheMd5InChecksumsCsv() {
        // data/default/checksums.csv holds this md5: a change in the picture or its encoding must regenerate it.
        assertEquals("8e8052c2e959873956533cfa265509ec", FileContent.md5Hex("ecw4z-kjd80", "photo.png", 249117));
    }

    @Test
    void tinyImageKeysStayPlainBytes() throws IOException {
        assertEquals(100, bytes("r", "icon.png", 100).length);
        assertTrue(ImageContent.dimensions("r", "icon.png", 100).isEmpty());
        assertTrue(ImageContent.dimensions("r", "paper.pdf", 100_000).isEmpty());
    }
}
