package rdmloadtest.config;

/** Prints the README configuration table (used when a key changes). */
public final class PrintTable {
    private PrintTable() {}

    public static void main(String[] args) {
        System.out.print(Keys.markdownTable());
        System.out.flush();
    }
}
