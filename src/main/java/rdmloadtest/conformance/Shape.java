package rdmloadtest.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The structure of a JSON value (keys and value types, recursively; an array is the union of its elements'
 * structures), and the differences between two structures. XML is turned into the same form first:
 * an element is an object of its attributes ({@code @name}) and child elements (each an array, so repeated
 * siblings are united like array elements).
 */
final class Shape {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Shape() {}

    /** One structural difference at a path: what the real instance has, what the simulator has. */
    record Delta(String path, String real, String simulator) {}

    /** Type name of a scalar or container, as reported. */
    static String type(JsonNode n) {
        if (n == null || n.isMissingNode()) return "absent";
        if (n.isObject()) return "object";
        if (n.isArray()) return "array";
        if (n.isTextual()) return "string";
        if (n.isIntegralNumber()) return "integer";
        if (n.isNumber()) return "float";
        if (n.isBoolean()) return "boolean";
        return "null";
    }

    /**
     * Differences between a real and a simulated value, recursively. {@code deep=false} compares the key set
     * (and the types of the values) of this object only. null is compatible with any scalar (a value the data
     * leaves empty on one side), but not with an object or an array.
     */
    static List<Delta> compare(String path, JsonNode real, JsonNode sim, boolean deep) {
        List<Delta> out = new ArrayList<>();
        diff(path, union(real), union(sim), deep, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, boolean deep, List<Delta> out) {
        String ta = type(a);
        String tb = type(b);
        if (!compatible(ta, tb)) {
            out.add(new Delta(path.isEmpty() ? "/" : path, ta, tb));
            return;
        }
        if (ta.equals("object")) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            List<String> onlyReal = new ArrayList<>();
            List<String> onlySim = new ArrayList<>();
            for (String k : keys) {
                if (!b.has(k)) onlyReal.add(k);
                else if (!a.has(k)) onlySim.add(k);
                else if (deep) diff(path + "/" + k, a.get(k), b.get(k), true, out);
                else if (!compatible(type(a.get(k)), type(b.get(k)))) {
                    out.add(new Delta(path + "/" + k, type(a.get(k)), type(b.get(k))));
                }
            }
            if (!onlyReal.isEmpty() || !onlySim.isEmpty()) {
                out.add(new Delta(
                        path.isEmpty() ? "/" : path,
                        keysText("only real", onlyReal),
                        keysText("only simulator", onlySim)));
            }
        } else if (ta.equals("array") && deep && a.size() > 0 && b.size() > 0) {
            diff(path + "/*", a.get(0), b.get(0), true, out);
        }
    }

    private static String keysText(String label, List<String> keys) {
        return keys.isEmpty() ? "-" : label + ": " + String.join(", ", keys);
    }

    private static boolean compatible(String a, String b) {
        if (a.equals(b)) return true;
        boolean scalarA = !a.equals("object") && !a.equals("array") && !a.equals("absent");
        boolean scalarB = !b.equals("object") && !b.equals("array") && !b.equals("absent");
        return (a.equals("null") && scalarB) || (b.equals("null") && scalarA);
    }

    /**
     * Arrays become a one-element array holding the union of their elements' structures (an empty array
     * stays empty: nothing to compare), recursively.
     */
    static JsonNode union(JsonNode n) {
        if (n == null) return null;
        if (n.isObject()) {
            ObjectNode o = F.objectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), union(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode arr = F.arrayNode();
            JsonNode merged = null;
            for (JsonNode e : n) merged = merge(merged, union(e));
            if (merged != null) arr.add(merged);
            return arr;
        }
        return n;
    }

    private static JsonNode merge(JsonNode a, JsonNode b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.isObject() && b.isObject()) {
            ObjectNode o = ((ObjectNode) a).deepCopy();
            b.fields()
                    .forEachRemaining(e -> o.set(
                            e.getKey(), o.has(e.getKey()) ? merge(o.get(e.getKey()), e.getValue()) : e.getValue()));
            return o;
        }
        if (a.isArray() && b.isArray()) {
            ArrayNode arr = F.arrayNode();
            JsonNode m = merge(a.isEmpty() ? null : a.get(0), b.isEmpty() ? null : b.get(0));
            if (m != null) arr.add(m);
            return arr;
        }
        return a.isNull() ? b : a;
    }

    /** The values a path selects; {@code *} stands for every element of an array or every value of an object. */
    static List<JsonNode> select(JsonNode root, String path) {
        List<JsonNode> cur = new ArrayList<>(List.of(root));
        if (path.isEmpty()) return cur;
        for (String part : path.substring(1).split("/")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : cur) {
                if (part.equals("*")) n.elements().forEachRemaining(next::add);
                else if (n.isObject() && n.has(part)) next.add(n.get(part));
                else if (n.isArray() && part.matches("\\d+") && n.size() > Integer.parseInt(part)) {
                    next.add(n.get(Integer.parseInt(part)));
                }
            }
            cur = next;
        }
        return cur;
    }

    /** All selected values merged into one structure (objects united key by key); missing if none. */
    static JsonNode selectUnion(JsonNode root, String path) {
        JsonNode merged = null;
        for (JsonNode n : select(root, path)) merged = merge(merged, union(n));
        return merged == null ? MissingNode.getInstance() : merged;
    }

    /** XML as a structure: element → {"@attr": "value", "child": [ {...} ]}; text is data, left out. */
    static JsonNode xml(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root =
                f.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        ObjectNode doc = F.objectNode();
        doc.putArray(name(root)).add(element(root));
        return doc;
    }

    private static ObjectNode element(Element e) {
        ObjectNode o = F.objectNode();
        NamedNodeMap attrs = e.getAttributes();
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) continue;
            sorted.put("@" + name(a), a.getNodeValue());
        }
        sorted.forEach(o::put);
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                String n = name(ce);
                ArrayNode arr = o.has(n) ? (ArrayNode) o.get(n) : o.putArray(n);
                arr.add(element(ce));
            }
        }
        return o;
    }

    private static String name(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }
}
