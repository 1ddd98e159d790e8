package rdmloadtest.gatling;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.util.ContextInitializer;
import org.slf4j.LoggerFactory;

/**
 * Knowing that Gatling has finished a run, and ending Gatling's own JVM with our verdict. Gatling 3.15 stops Logback
 * as the very last step of a run (log closed, report and assertions done), in its main and in an in-process launch
 * alike; a Logback listener is told. gatling-maven-plugin forks Gatling's own main and offers no hook after the run,
 * so when that main owns the JVM, the verdict's exit status is set from here, and only from here.
 */
public final class RunEnd {
    private RunEnd() {}

    /** Runs {@code action} once, when the current run has ended. */
    public static void onEnd(Runnable action) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            Runtime.getRuntime().addShutdownHook(new Thread(action, "rdm-loadtest-run-end"));
            return;
        }
        if (!ctx.isStarted()) restart(ctx);
        ctx.addListener(new Listener(action));
    }

    /** Whether Gatling's own main runs this JVM (mvn gatling:test's fork, the injector image), not a launcher of ours. */
    public static boolean gatlingOwnsJvm() {
        return StackWalker.getInstance()
                .walk(s -> s.anyMatch(f -> f.getClassName().startsWith("io.gatling.app.Gatling")
                        && f.getMethodName().equals("main")));
    }

    /** Ends Gatling's own JVM with {@code status} (see the class comment for why it is done here). */
    public static void exitGatlingJvm(int status) {
        System.out.flush();
        System.exit(status);
    }

    /** An earlier in-process run stopped Logback: start it again so that this run's end is seen too. */
    static void prepareInProcessRun() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx && !ctx.isStarted()) restart(ctx);
    }

    private static void restart(LoggerContext ctx) {
        try {
            ctx.reset();
            new ContextInitializer(ctx).autoConfig();
            ctx.start();
        } catch (Exception e) {
            System.err.println("rdm-loadtest: cannot restart Logback (" + e + "); the run's end may go unnoticed");
        }
    }

    private static final class Listener implements LoggerContextListener {
        private final Runnable action;
        private boolean done;

        Listener(Runnable action) {
            this.action = action;
        }

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onStart(LoggerContext context) {}

        @Override
        public void onReset(LoggerContext context) {}

        @Override
        public synchronized void onStop(LoggerContext context) {
            if (done) return;
            done = true;
            context.removeListener(this);
            action.run();
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {}
    }
}
