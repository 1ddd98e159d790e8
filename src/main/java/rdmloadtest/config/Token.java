package rdmloadtest.config;

/** A bearer token: its value is only ever put into an Authorization header, never printed. */
public final class Token {
    private final String value;

    public Token(String value) {
        this.value = value;
    }

    public String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "Token[redacted]";
    }
}
