package rdmloadtest.api;

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.CheckBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a visitor's browser takes from a record's landing page: the export menu's formats (its data-formats), the
 * citation box's styles and default style, the file previews it links, whether its record is under embargo. Read in
 * one scan of the page with plain string search (a regex per field cost the injector more than the page's bytes), once
 * for all the checks of a response, over its bytes as Latin-1 text (a copy, where decoding 60 kB of UTF-8 into a
 * String cost more than the scan): the markers are ASCII, and what is taken is decoded as the UTF-8 it is. A field the
 * page lacks fails its check as the regex did.
 */
public final class RecordPageFields {
    private static final String EXPORT = "\"export_url\": \"/records/";
    private static final String STYLES = "data-styles='";
    private static final String DEFAULT_STYLE = "data-defaultstyle='\"";
    private static final String PREVIEW = "href=\"/records/";
    private static final String EMBARGO = "\"embargo\": {\"active\": true";
    private static final ThreadLocal<Read> LAST = new ThreadLocal<>();

    /** What the page gives; null or empty where it gives nothing. */
    record Fields(
            List<String> exportFormats,
            String citationStyles,
            String defaultStyle,
            List<String> previewLinks,
            int embargoMarks) {}

    private record Read(byte[] page, Fields fields) {}

    private RecordPageFields() {}

    /** The export menu's formats, in page order (json, datacite-xml...); none fails the check. */
    public static CheckBuilder.Validate<List<String>> exportFormats() {
        return bodyBytes().transform(p -> nonEmpty(read(p).exportFormats()));
    }

    /** The citation box's data-styles, as written: [["apa", "APA"], ...]. */
    public static CheckBuilder.Validate<String> citationStyles() {
        return bodyBytes().transform(p -> read(p).citationStyles());
    }

    /** The citation box's data-defaultstyle (apa). */
    public static CheckBuilder.Validate<String> defaultStyle() {
        return bodyBytes().transform(p -> read(p).defaultStyle());
    }

    /** The page's preview links, without their query. */
    public static CheckBuilder.Validate<List<String>> previewLinks() {
        return bodyBytes().transform(p -> nonEmpty(read(p).previewLinks()));
    }

    /** How often the page says its record's embargo is active (0: not under embargo). */
    public static CheckBuilder.Validate<Integer> embargoMarks() {
        return bodyBytes().transform(p -> read(p).embargoMarks());
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    static Fields read(byte[] page) {
        Read last = LAST.get();
        if (last != null && last.page() == page) return last.fields();
        Fields f = scan(new String(page, StandardCharsets.ISO_8859_1));
        LAST.set(new Read(page, f));
        return f;
    }

    private static Fields scan(String page) {
        List<String> formats = new ArrayList<>();
        for (int i = page.indexOf(EXPORT); i >= 0; i = page.indexOf(EXPORT, i + 1)) {
            int at = afterSegment(page, i + EXPORT.length(), "/export/");
            int end = at < 0 ? -1 : formatEnd(page, at);
            if (end > at && end < page.length() && page.charAt(end) == '"') formats.add(utf8(page.substring(at, end)));
        }
        List<String> previews = new ArrayList<>();
        for (int i = page.indexOf(PREVIEW); i >= 0; i = page.indexOf(PREVIEW, i + 1)) {
            int at = afterSegment(page, i + PREVIEW.length(), "/preview/");
            int end = at;
            while (at >= 0 && end < page.length() && page.charAt(end) != '"' && page.charAt(end) != '?') end++;
            if (at >= 0 && end > at) previews.add(utf8(page.substring(i + "href=\"".length(), end)));
        }
        return new Fields(formats, between(page, STYLES, '\''), defaultStyle(page), previews, count(page, EMBARGO));
    }

    /** After one path segment (no '/' or '"') at {@code from} and then {@code next}: where what follows starts. */
    private static int afterSegment(String page, int from, String next) {
        int end = from;
        while (end < page.length() && page.charAt(end) != '/' && page.charAt(end) != '"') end++;
        return end > from && page.startsWith(next, end) ? end + next.length() : -1;
    }

    private static int formatEnd(String page, int at) {
        int end = at;
        while (end < page.length()) {
            char c = page.charAt(end);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) break;
            end++;
        }
        return end;
    }

    /** The text after the first {@code open} up to {@code close}, or null. */
    private static String between(String page, String open, char close) {
        int i = page.indexOf(open);
        if (i < 0) return null;
        int end = page.indexOf(close, i + open.length());
        return end < 0 ? null : utf8(page.substring(i + open.length(), end));
    }

    private static String defaultStyle(String page) {
        for (int i = page.indexOf(DEFAULT_STYLE); i >= 0; i = page.indexOf(DEFAULT_STYLE, i + 1)) {
            int start = i + DEFAULT_STYLE.length();
            int end = page.indexOf('"', start);
            if (end > start && end + 1 < page.length() && page.charAt(end + 1) == '\'')
                return utf8(page.substring(start, end));
        }
        return null;
    }

    /** A piece of the page read as Latin-1, decoded as the UTF-8 it is. */
    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static int count(String page, String text) {
        int n = 0;
        for (int i = page.indexOf(text); i >= 0; i = page.indexOf(text, i + text.length())) n++;
        return n;
    }
}
