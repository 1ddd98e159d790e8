package rdmloadtest.simulator.formats;

/** What the XML serializations share: the declaration and the escaping of text and attribute values. */
final class Xml {
    static final String HEAD = "<?xml version='1.0' encoding='utf-8'?>\n";

    private Xml() {}

    /** &amp; &lt; &gt; and &quot; (one escaping for text and attributes). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
