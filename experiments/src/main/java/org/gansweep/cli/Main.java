package org.gansweep.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import org.gansweep.core.numerics.CodePaths;
import org.gansweep.core.store.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code gansweep} command line. Exit codes: 0 all trials completed, 1 some failed or diverged, 2 bad usage or config. */
@Command(
        name = "gansweep",
        mixinStandardHelpOptions = true,
        // -h/--help and -V/--version on every subcommand too, and `gansweep help COMMAND`.
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = "Reproducible GAN / LSGAN experiment sweeps from YAML grids, with reports.",
        subcommands = {RunCommand.class, ReportCommand.class, ValidateCommand.class, ListCommand.class,
            BenchCommand.class, ReproduceCommand.class, TrialCommand.class, DoctorCommand.class, CompareCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = 2,
        exitCodeOnExecutionException = 2)
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static volatile Injector injector;

    public static void main(String[] args) {
        CodePaths.apply(); // before the first tensor: libtorch reads its settings once
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI in this JVM (tests call this) and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(injector(), args, out, err);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with the parts another injector binds (tests add parts). */
    static int execute(Injector in, String[] args, PrintWriter out, PrintWriter err) {
        CodePaths.apply();
        // The injector is asked here once: picocli builds every command through it, so commands take what
        // they need (the plug-in catalog, the report builder) in their constructors.
        CommandLine cl = new CommandLine(Main.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.getName().startsWith("org.gansweep.") ? in.getInstance(type) : CommandLine.defaultFactory().create(type);
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("gansweep: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return 2;
        });
        return cl.execute(args);
    }

    /** The one injector of this JVM (tests reach plug-ins through it too). */
    static Injector injector() {
        if (injector == null) {
            synchronized (Main.class) {
                if (injector == null) {
                    injector = Guice.createInjector(new GansweepModule());
                }
            }
        }
        return injector;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            // The commit, as provenance records it in every trial: a version to quote and to check out.
            return new String[] {"gansweep " + Provenance.version() + ", commit " + Provenance.gitCommit()};
        }
    }
}
