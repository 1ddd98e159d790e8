package rdmloadtest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shape of the product code: dependencies between folders point one way; config is a leaf. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/rdmloadtest");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?rdmloadtest\\.(\\w+)\\.", Pattern.MULTILINE);

    /** Top-level package → the top-level packages its files import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(pkg)) out.add(m.group(1));
            }
        }
        return deps;
    }

    @Test
    void configImportsNothingOfOurs() throws IOException {
        assertEquals(Set.of(), imports().get("config"));
    }

    /** A name says one thing: no two classes in src/main and src/test share a simple name. */
    @Test
    void noTwoClassesShareASimpleName() throws IOException {
        Map<String, List<Path>> byName = new TreeMap<>();
        for (Path root : List.of(MAIN, Path.of("src/test/java/rdmloadtest"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .forEach(f -> byName.computeIfAbsent(
                                        f.getFileName().toString().replace(".java", ""), k -> new ArrayList<>())
                                .add(f));
            }
        }
        Map<String, List<Path>> shared = new TreeMap<>();
        byName.forEach((name, files) -> {
            if (files.size() > 1) shared.put(name, files);
        });
        assertEquals(Map.of(), shared);
    }

    @Test
    void datagenGeneratesOnlyAndTalksToNoTarget() throws IOException {
        Pattern http = Pattern.compile(
                "^import (?:static )?(java\\.net\\.http|org\\.eclipse\\.jetty\\.client|rdmloadtest\\.invenio)\\.",
                Pattern.MULTILINE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("datagen"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = http.matcher(Files.readString(f));
                while (m.find()) found.add(f.getFileName() + ": " + m.group(1));
            }
        }
        assertEquals(List.of(), found, "datagen/ holds generation only: the target is reached through invenio/");
    }

    @Test
    void noFolderDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> deps = imports();
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            List<String> path = cycleFrom(start, start, deps, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) cycles.add(String.join(" -> ", path));
        }
        assertEquals(List.of(), cycles, "package cycles: " + deps);
    }

    /** simulator/'s folders from the ground up ("" is its root: Simulator, its settings and keys). */
    private static final List<Set<String>> SIMULATOR_FLOORS = List.of(
            Set.of("perf", "store", "vocabularies"),
            Set.of("http"),
            Set.of("formats", "search"),
            Set.of("api"),
            Set.of("web"),
            Set.of(""));

    private static final Pattern SIMULATOR_IMPORT = Pattern.compile(
            "^import (?:static )?rdmloadtest\\.simulator\\.(?:([a-z]\\w*)\\.)?[A-Z]", Pattern.MULTILINE);

    @Test
    void insideTheSimulatorNoImportPointsUpItsFloors() throws IOException {
        Path simulator = MAIN.resolve("simulator");
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(simulator)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path file = simulator.relativize(f);
                String folder = file.getNameCount() > 1 ? file.getName(0).toString() : "";
                Matcher m = SIMULATOR_IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String target = m.group(1) == null ? "" : m.group(1);
                    if (!target.equals(folder) && simulatorFloor(target) >= simulatorFloor(folder))
                        upward.add(file + " imports from " + (target.isEmpty() ? "simulator/" : target + "/"));
                }
            }
        }
        assertEquals(List.of(), upward);
    }

    private static int simulatorFloor(String folder) {
        for (int i = 0; i < SIMULATOR_FLOORS.size(); i++)
            if (SIMULATOR_FLOORS.get(i).contains(folder)) return i;
        return fail("simulator/" + folder + "/ has no floor: add it to SIMULATOR_FLOORS");
    }

    @Test
    void noJavaFileIsOver600Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                int lines = Files.readAllLines(f).size();
                if (lines > 600) tooLong.add(f + ": " + lines + " lines");
            }
        }
        assertEquals(List.of(), tooLong);
    }

    /** A class named by its package in code: lowercase segments, then a capitalised name (java.util.List). */
    private static final Pattern INLINE_NAME =
            Pattern.compile("(?<![\\w.])[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

    private static final Pattern IMPORT_OR_PACKAGE =
            Pattern.compile("^\\s*(?:import|package)\\b[^;]*;", Pattern.MULTILINE);

    /** The style asks for imports: no class is named by its full package in code (imports, comments, strings aside). */
    @Test
    void noInlineFullyQualifiedNames() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                        .sorted()
                        .toList()) inlineNames(Files.readString(f)).forEach(at -> found.add(f + ":" + at));
            }
        }
        assertEquals(List.of(), found, "import these classes instead (file:line: name)");
    }

    @Test
    void theInlineNameRuleReadsCodeOnly() {
        String source = """
                package rdmloadtest.example;

                import java.util.List;
                import static java.util.Map.Entry;

                /** Not {@link java.util.Map.Entry}, nor java.util.Map in a javadoc. */
                class Example {
                    // java.util.Set in a comment
                    /* java.util.Set, and
                       java.util.Set again */
                    String s = "java.util.Set" + '"' + '\\'' + "\\\\" + "\\" java.util.Set \\"";
                    String block = \"""
                            java.util.Set in a text block \\\""" java.util.Set
                            \""";
                    List<String> names = new java.util.ArrayList<>(); // java.util.Set
                    @java.lang.Deprecated
                    Object o = rdmloadtest.slo.Slo.read("x"), n = Math.PI, q = s.length();
                }
                """;
        assertEquals(
                List.of("15: java.util.ArrayList", "16: java.lang.Deprecated", "17: rdmloadtest.slo.Slo"),
                inlineNames(source));
    }

    /** Each inline name in the source's code, as "line: name". */
    private static List<String> inlineNames(String source) {
        List<String> found = new ArrayList<>();
        String[] lines = IMPORT_OR_PACKAGE
                .matcher(codeOnly(source))
                .replaceAll(m -> m.group().replaceAll("[^\\n]", " "))
                .split("\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = INLINE_NAME.matcher(lines[i]);
            while (m.find()) found.add((i + 1) + ": " + m.group());
        }
        return found;
    }

    /** The source with its comments, strings, text blocks and characters blanked, its lines where they were. */
    private static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end;
            if (s.startsWith("//", i)) end = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
            else if (s.startsWith("/*", i)) end = s.indexOf("*/", i + 2) < 0 ? s.length() : s.indexOf("*/", i + 2) + 2;
            else if (s.startsWith("\"\"\"", i)) end = literalEnd(s, i + 3, "\"\"\"");
            else if (s.charAt(i) == '"' || s.charAt(i) == '\'') end = literalEnd(s, i + 1, String.valueOf(s.charAt(i)));
            else {
                out.append(s.charAt(i++));
                continue;
            }
            for (; i < end; i++) out.append(s.charAt(i) == '\n' ? '\n' : ' ');
        }
        return out.toString();
    }

    /** Where a literal opened before {@code from} ends: after its closing quote, skipping escaped characters. */
    private static int literalEnd(String s, int from, String quote) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') i++;
            else if (s.startsWith(quote, i)) return i + quote.length();
        }
        return s.length();
    }

    private static List<String> cycleFrom(
            String start, String at, Map<String, Set<String>> deps, List<String> path, Set<String> seen) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> found = new ArrayList<>(path);
                found.add(start);
                return found;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, deps, path, seen);
                if (found != null) return found;
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
