package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.sweep.InProcessExecutor;
import org.gansweep.core.sweep.SweepExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Option;

/**
 * A new executor is one class and one binding line (CONTRIBUTING.md): an executor bound only here, in the test's
 * injector, is named in {@code run --help}, runs a sweep, and its options are refused by name beside another one's.
 */
class ExecutorSeamTest {
    /** Every trial in this JVM, one after another, counting the batches it was given. */
    static final class InlineArgs implements SweepExecutor.Factory {
        static final List<Integer> BATCHES = new ArrayList<>();
        private final PluginCatalog catalog;

        @Option(names = "--inline-note", description = "inline: a note (accepted, unused)")
        String note;

        @Inject
        InlineArgs(PluginCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public String summary() {
            return "this JVM, one trial at a time";
        }

        @Override
        public String misplaced(List<String> given) {
            return String.join(", ", given) + " goes with --executor inline";
        }

        @Override
        public SweepExecutor create(PrintWriter err) {
            InProcessExecutor inProcess = new InProcessExecutor(catalog);
            return (batch, progress) -> {
                BATCHES.add(batch.pending().size());
                return inProcess.run(batch, progress);
            };
        }
    }

    private static final Injector WITH_INLINE = Guice.createInjector(new GansweepModule(), new AbstractModule() {
        @Override
        protected void configure() {
            SweepExecutor.executors(binder()).addBinding("inline").to(InlineArgs.class);
        }
    });

    private static Tiny.Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(WITH_INLINE, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Tiny.Result(code, out.toString(), err.toString());
    }

    @Test
    void theHelpNamesTheBoundExecutorsFromTheirSummaries() {
        String help = cli("run", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--executor=<executor> local (default: worker JVMs on this machine), slurm (one job array on a"
                + " shared folder) or inline (this JVM, one trial at a time)"), help);
        assertTrue(help.contains("--inline-note=<note> inline: a note"), help);
    }

    @Test
    void anExecutorBoundByNameRunsTheSweepAndItsOptionsAreRefusedBesideAnother(@TempDir Path dir) throws Exception {
        Path grid = Tiny.write(dir, "tiny.yaml", Tiny.RING);
        Tiny.Result r = cli("run", grid.toString(), "--executor", "inline", "--out", dir.resolve("runs").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(2), InlineArgs.BATCHES);
        try (var trials = Files.list(dir.resolve("runs/tiny/trials"))) {
            assertEquals(2, trials.filter(t -> Files.exists(t.resolve(TrialFolder.SUMMARY))).count());
        }
        Tiny.Result local = cli("run", grid.toString(), "--inline-note", "x", "--out", dir.resolve("other").toString());
        assertEquals(2, local.code());
        assertTrue(local.err().contains("--inline-note goes with --executor inline"), local.err());
        Tiny.Result wrong = cli("run", grid.toString(), "--executor", "inline", "--workers", "2", "--out", dir.resolve("other").toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--workers goes with the local executor"), wrong.err());
    }
}
