package rdmloadtest.gatling;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import rdmloadtest.cli.Command;
import rdmloadtest.config.ConfigException;

/**
 * A configuration error thrown while Gatling builds a simulation reaches Gatling's "Run crashed" log line with a stack
 * trace, then the plugin's fork prints it again. It is the user's input, not a crash: in Gatling's own JVM this filter
 * (in logback-test.xml) prints it once, as one line, and ends the JVM with status 1 before any load; in-process, the
 * log line is silenced and our command prints the error.
 */
public final class UsageErrorFilter extends Filter<ILoggingEvent> {
    private static volatile Throwable reported;

    @Override
    public void start() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (usageError(e) != null) return;
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            }
        });
        super.start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (!(proxy instanceof ThrowableProxy tp)) return FilterReply.NEUTRAL;
        ConfigException usage = usageError(tp.getThrowable());
        if (usage == null) return FilterReply.NEUTRAL;
        if (reported != usage && RunEnd.gatlingOwnsJvm()) {
            reported = usage;
            System.err.println("rdm-loadtest: " + usage.getMessage());
            // The plugin's fork would print the exception's stack trace once more: the run ends here, before any load.
            RunEnd.exitGatlingJvm(Command.USAGE);
        }
        return FilterReply.DENY;
    }

    private static ConfigException usageError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException e) return e;
        }
        return null;
    }
}
