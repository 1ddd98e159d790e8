package rdmloadtest.simulator.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A user query in the query_string syntax InvenioRDM passes to OpenSearch: terms, "phrases", field:value,
 * AND/OR/NOT (also +, -), parentheses, * and ? wildcards. Terms without an operator must all match (our
 * reading of InvenioRDM's parser). A query that does not parse falls back to matching any of its words,
 * like InvenioRDM's multi_match fallback, so it still answers 200.
 */
public abstract class Query {
    /** How well a document matches: 0 means no match. */
    public abstract double score(SearchDoc d);

    public static Query parse(String q) {
        if (q == null || q.isBlank()) return new All();
        try {
            Parser p = new Parser(q);
            Query result = p.or();
            if (p.pos < p.tokens.size()) throw new IllegalArgumentException("trailing input");
            return result;
        } catch (IllegalArgumentException e) {
            List<Query> words = new ArrayList<>();
            for (String w : SearchDoc.tokens(q)) words.add(new Term(null, w));
            return words.isEmpty() ? new All() : new Or(words);
        }
    }

    static final class All extends Query {
        public double score(SearchDoc d) {
            return 1;
        }
    }

    static final class Term extends Query {
        final String field;
        final List<String> words;
        final Pattern wildcard;

        Term(String field, String text) {
            this.field = field;
            boolean wild = text.contains("*") || text.contains("?");
            this.wildcard =
                    wild ? Pattern.compile(text.toLowerCase().replace("?", ".").replace("*", ".*")) : null;
            this.words = wild ? List.of() : SearchDoc.tokens(text);
        }

        public double score(SearchDoc d) {
            double s = 0;
            for (List<String> value : d.values(field)) {
                for (String tok : value) {
                    if (wildcard != null ? wildcard.matcher(tok).matches() : words.contains(tok)) s++;
                }
            }
            if (wildcard == null && words.size() > 1) return new Phrase(field, words).score(d);
            return s;
        }
    }

    static final class Phrase extends Query {
        final String field;
        final List<String> words;

        Phrase(String field, List<String> words) {
            this.field = field;
            this.words = words;
        }

        public double score(SearchDoc d) {
            if (words.isEmpty()) return 0;
            double s = 0;
            for (List<String> value : d.values(field)) s += Collections.indexOfSubList(value, words) >= 0 ? 2 : 0;
            return s;
        }
    }

    static final class And extends Query {
        final List<Query> parts;

        And(List<Query> parts) {
            this.parts = parts;
        }

        public double score(SearchDoc d) {
            double s = 0;
            for (Query q : parts) {
                double x = q.score(d);
                if (x <= 0) return 0;
                s += x;
            }
            return s;
        }
    }

    static final class Or extends Query {
        final List<Query> parts;

        Or(List<Query> parts) {
            this.parts = parts;
        }

        public double score(SearchDoc d) {
            double s = 0;
            for (Query q : parts) s += q.score(d);
            return s;
        }
    }

    static final class Not extends Query {
        final Query inner;

        Not(Query inner) {
            this.inner = inner;
        }

        public double score(SearchDoc d) {
            return inner.score(d) > 0 ? 0 : 1e-9;
        }
    }

    /** Recursive descent over a token list; any malformation throws and triggers the fallback. */
    private static final class Parser {
        final List<String> tokens = new ArrayList<>();
        int pos;

        Parser(String q) {
            int i = 0;
            while (i < q.length()) {
                char c = q.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    int start = i;
                    boolean inQuote = false;
                    while (i < q.length()) {
                        char ch = q.charAt(i);
                        if (ch == '"') inQuote = !inQuote;
                        else if (!inQuote && (Character.isWhitespace(ch) || ch == '(' || ch == ')')) break;
                        i++;
                    }
                    if (inQuote) throw new IllegalArgumentException("unclosed quote");
                    tokens.add(q.substring(start, i));
                }
            }
        }

        String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        Query or() {
            List<Query> parts = new ArrayList<>(List.of(and()));
            while ("OR".equals(peek()) || "||".equals(peek())) {
                pos++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        Query and() {
            List<Query> parts = new ArrayList<>(List.of(unary()));
            while (peek() != null && !peek().equals(")") && !peek().equals("OR") && !peek().equals("||")) {
                if (peek().equals("AND") || peek().equals("&&")) pos++;
                parts.add(unary());
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts);
        }

        Query unary() {
            String t = peek();
            if (t == null) throw new IllegalArgumentException("unexpected end");
            if (t.equals("NOT") || t.equals("!")) {
                pos++;
                return new Not(unary());
            }
            if (t.length() > 1 && (t.startsWith("-") || t.startsWith("+"))) {
                tokens.set(pos, t.substring(1));
                Query inner = unary();
                return t.startsWith("-") ? new Not(inner) : inner;
            }
            return primary();
        }

        Query primary() {
            String t = tokens.get(pos++);
            if (t.equals("(")) {
                Query inner = or();
                if (!")".equals(peek())) throw new IllegalArgumentException("unclosed parenthesis");
                pos++;
                return inner;
            }
            if (t.equals(")") || t.equals("AND") || t.equals("OR"))
                throw new IllegalArgumentException("misplaced " + t);
            String field = null;
            String value = t;
            int colon = t.indexOf(':');
            if (colon > 0 && !t.startsWith("\"")) {
                field = t.substring(0, colon);
                value = t.substring(colon + 1);
                if (value.isEmpty()) {
                    if (!"(".equals(peek())) throw new IllegalArgumentException("field without value");
                    pos++;
                    Query inner = or();
                    if (!")".equals(peek())) throw new IllegalArgumentException("unclosed parenthesis");
                    pos++;
                    return withField(inner, field);
                }
            }
            if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                return new Phrase(field, SearchDoc.tokens(value.substring(1, value.length() - 1)));
            }
            if (value.contains("\"")) throw new IllegalArgumentException("stray quote");
            return new Term(field, value);
        }

        /** field:(a OR b) applies the field to every term inside. */
        static Query withField(Query q, String field) {
            if (q instanceof Term t)
                return new Term(
                        field,
                        t.wildcard != null ? t.wildcard.pattern().replace(".*", "*") : String.join(" ", t.words));
            if (q instanceof Phrase p) return new Phrase(field, p.words);
            if (q instanceof And a)
                return new And(a.parts.stream().map(x -> withField(x, field)).toList());
            if (q instanceof Or o)
                return new Or(o.parts.stream().map(x -> withField(x, field)).toList());
            if (q instanceof Not n) return new Not(withField(n.inner, field));
            return q;
        }
    }
}
