package rdmloadtest.run;

import java.net.URI;
import rdmloadtest.simulator.Simulator;

/** Where the load goes: the embedded simulator (started here, on 127.0.0.1) or the configured instance. */
public final class Target implements AutoCloseable {
    private final String siteUrl;
    private final Simulator simulator;

    private Target(String siteUrl, Simulator simulator) {
        this.siteUrl = siteUrl;
        this.simulator = simulator;
    }

    public static Target start(LoadTestConfig cfg) {
        if (!cfg.embedded()) return new Target(cfg.baseUrl().get().toString(), null);
        try {
            Simulator sim = new Simulator(cfg.simulator());
            sim.start();
            System.out.println("rdm-loadtest: embedded InvenioRDM simulator on " + sim.siteUrl());
            return new Target(sim.siteUrl(), sim);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded simulator: " + e.getMessage(), e);
        }
    }

    public String siteUrl() {
        return siteUrl;
    }

    public boolean isLoopback() {
        String host = URI.create(siteUrl).getHost();
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.startsWith("127.");
    }

    @Override
    public void close() throws Exception {
        if (simulator != null) simulator.close();
    }
}
