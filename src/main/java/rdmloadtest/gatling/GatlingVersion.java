package rdmloadtest.gatling;

import io.gatling.app.Gatling;

/** The Gatling this door was written and checked against, and the one on the classpath. */
public final class GatlingVersion {
    /** Keep equal to gatling.version in the pom: GatlingDoorContractTest fails when they part. */
    public static final String WRITTEN_FOR = "3.15.1";

    private GatlingVersion() {}

    /** The version of gatling-app on the classpath (its jar manifest), or "unknown". */
    public static String onClasspath() {
        String v = Gatling.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
