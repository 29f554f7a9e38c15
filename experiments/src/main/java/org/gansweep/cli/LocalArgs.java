package org.gansweep.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.sweep.SweepExecutor;
import org.gansweep.core.sweep.WorkerPoolExecutor;
import picocli.CommandLine.Option;

/**
 * {@code run}'s option for the local executor ({@code --executor local}, the default), as a picocli mixin: how many
 * worker JVMs; bound as that executor's factory ({@link WorkerPoolExecutor}).
 */
final class LocalArgs implements SweepExecutor.Factory {
    private final PluginCatalog catalog;

    @Option(names = "--workers", defaultValue = "0",
            description = "trials run in parallel, each in its own JVM; 0 (default) = one per CPU core. Results do not depend on it.")
    int workers;

    @Inject
    LocalArgs(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String summary() {
        return "worker JVMs on this machine";
    }

    @Override
    public String problem() {
        return workers < 0 ? "--workers must be 0 (one per core) or more, got " + workers : null;
    }

    @Override
    public String misplaced(List<String> given) {
        return "--workers goes with the local executor; with --executor slurm each trial is a task of the job array (limit them with"
                + " --max-running)";
    }

    @Override
    public SweepExecutor create(PrintWriter err) {
        return new WorkerPoolExecutor(catalog, new JvmWorkerLauncher(), workers == 0 ? Runtime.getRuntime().availableProcessors() : workers);
    }
}
