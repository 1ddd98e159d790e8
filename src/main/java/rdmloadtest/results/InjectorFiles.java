package rdmloadtest.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import rdmloadtest.monitor.InjectorSample;

/** The injector's per-second samples of a run: injector.csv, and a chart of its CPU and scheduling lag. */
public final class InjectorFiles {
    private static final String[] HEADER = {
        "t_s",
        "at_ms",
        "cores",
        "machine_cpu",
        "process_cpu",
        "simulator_cpu",
        "injector_cpu",
        "gc_pause_ms",
        "heap_used_mb",
        "lag_p99_ms",
        "lag_max_ms"
    };

    private InjectorFiles() {}

    public static void csv(Path file, List<InjectorSample> samples) throws IOException {
        long origin = samples.isEmpty()
                ? 0
                : samples.get(0).atMs() - Math.round(samples.get(0).intervalMs());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(
                        w, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (InjectorSample s : samples) {
                csv.printRecord(
                        (s.atMs() - origin) / 1000.0,
                        s.atMs(),
                        s.cores(),
                        r(s.machineCpu()),
                        r(s.processCpu()),
                        r(s.simulatorCpu()),
                        r(s.injectorCpu()),
                        r(s.gcPauseMs()),
                        r(s.heapUsedMb()),
                        r(s.lagP99Ms()),
                        r(s.lagMaxMs()));
            }
        }
    }

    /** CPU in cores (left axis) and scheduling lag in ms (right axis) by second of the run; the warm-up is marked. */
    public static void chart(Path file, List<InjectorSample> samples, long injectStartMs, long judgedFromMs)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries machine = new XYSeries("machine CPU (cores)");
        XYSeries injector = new XYSeries("injector CPU (cores)");
        XYSeries simulator = new XYSeries("embedded simulator CPU (cores)");
        XYSeries lag = new XYSeries("scheduling lag p99 (ms)");
        for (InjectorSample s : samples) {
            double t = (s.atMs() - injectStartMs) / 1000.0;
            machine.add(t, s.machineCpu());
            injector.add(t, s.injectorCpu());
            simulator.add(t, s.simulatorCpu());
            lag.add(t, s.lagP99Ms());
        }
        XYSeriesCollection cpu = new XYSeriesCollection();
        cpu.addSeries(machine);
        cpu.addSeries(injector);
        cpu.addSeries(simulator);
        JFreeChart chart = ChartFactory.createXYLineChart(
                "The injector during the run",
                "second of the run",
                "cores",
                cpu,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        int cores = samples.isEmpty() ? 1 : samples.get(0).cores();
        plot.getRangeAxis().setRange(0, cores * 1.05);
        plot.addRangeMarker(new ValueMarker(cores, Color.GRAY, new BasicStroke(1f)));
        plot.addDomainMarker(new ValueMarker((judgedFromMs - injectStartMs) / 1000.0, Color.GRAY, new BasicStroke(1f)));
        NumberAxis lagAxis = new NumberAxis("lag (ms)");
        plot.setRangeAxis(1, lagAxis);
        plot.setDataset(1, new XYSeriesCollection(lag));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer lagRenderer = new XYLineAndShapeRenderer(true, false);
        lagRenderer.setSeriesPaint(0, new Color(0xd62728));
        plot.setRenderer(1, lagRenderer);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 380);
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
