package rdmloadtest.conformance;

/** One way the simulator answered a step differently from the real instance. */
record Difference(String step, String aspect, String real, String simulator) {
    String line() {
        return step + " | " + aspect + " | real: " + real + " | simulator: " + simulator;
    }
}
