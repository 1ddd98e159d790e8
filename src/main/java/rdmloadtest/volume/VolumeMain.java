package rdmloadtest.volume;

import java.nio.file.Path;
import rdmloadtest.cli.Command;
import rdmloadtest.config.Folders;
import rdmloadtest.simulator.perf.VolumeFit;

/**
 * {@code mvn -q exec:java@volume -Dvolume.in=DIR [-Dvolume.out=reports/volume] [-Dvolume.fit=FILE]}: capacity against
 * the records a repository holds, from capacity searches at several sizes (one folder each), and the simulator's
 * volume fit. Exit status as every command's ({@link Command}).
 */
public final class VolumeMain {
    private VolumeMain() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Command.main("volume", s -> {
            Path in = Folders.existing(
                    VolumeKeys.IN.name(),
                    Path.of(s.get(VolumeKeys.IN)),
                    "a folder of capacity reports, one per InvenioRDM version and size");
            Path out = Folders.writable(VolumeKeys.OUT.name(), Path.of(s.get(VolumeKeys.OUT)));
            Path fitCopy = s.find(VolumeKeys.FIT).map(Path::of).orElse(null);
            if (fitCopy != null && fitCopy.toAbsolutePath().getParent() != null)
                Folders.writable(VolumeKeys.FIT.name(), fitCopy.toAbsolutePath().getParent());
            VolumeSeries series = VolumeSeries.read(in);
            VolumeFit fit = VolumeReport.write(out, in, series);
            if (fitCopy != null) fit.write(fitCopy);
            series.runs()
                    .forEach((v, runs) -> System.out.println("volume: v" + v + ": "
                            + String.join(
                                    ", ",
                                    runs.stream()
                                            .map(r -> r.records() + " records "
                                                    + (r.maxSustainableRps() == null
                                                            ? "no capacity"
                                                            : VolumeReport.num(r.maxSustainableRps()) + " req/s"))
                                            .toList())));
            System.out.println(
                    "volume: report " + out.resolve(VolumeReport.FILE).toAbsolutePath() + "; fit "
                            + (fitCopy == null
                                    ? out.resolve(VolumeReport.FIT_FILE).toAbsolutePath()
                                    : fitCopy.toAbsolutePath()));
            return Command.OK;
        });
    }
}
