package rdmloadtest.simulator.web;

import java.util.HashMap;
import java.util.Map;

/**
 * A template whose {{name}} placeholders are filled in one pass, so text that came from a record (a title that
 * reads "{{id}}") is never taken for a placeholder.
 */
final class Fill {
    private final String template;
    private final Map<String, String> values = new HashMap<>();

    Fill(String template) {
        this.template = template;
    }

    Fill with(String name, String value) {
        values.put(name, value);
        return this;
    }

    String text() {
        StringBuilder b = new StringBuilder(template.length() + 65_536);
        int from = 0;
        for (int at; (at = template.indexOf("{{", from)) >= 0; ) {
            int end = template.indexOf("}}", at);
            String value = end < 0 ? null : values.get(template.substring(at + 2, end));
            if (value == null) {
                b.append(template, from, at + 2);
                from = at + 2;
                continue;
            }
            b.append(template, from, at).append(value);
            from = end + 2;
        }
        return b.append(template, from, template.length()).toString();
    }
}
