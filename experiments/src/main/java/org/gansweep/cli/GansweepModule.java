package org.gansweep.cli;

import com.google.inject.AbstractModule;
import org.gansweep.cli.slurm.SlurmArgs;
import org.gansweep.cli.slurm.TaskJava;
import org.gansweep.core.CoreModule;
import org.gansweep.core.sweep.SweepExecutor;
import org.gansweep.datasets.DatasetsModule;
import org.gansweep.losses.LossesModule;
import org.gansweep.models.ModelsModule;
import org.gansweep.reports.ReportsModule;

/** The root of the object graph: every module's plugins, by YAML name, and the sweep executors, by {@code --executor} name. */
public final class GansweepModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new CoreModule());
        install(new LossesModule());
        install(new ModelsModule());
        install(new DatasetsModule());
        install(new ReportsModule());
        SweepExecutor.executors(binder()).addBinding("local").to(LocalArgs.class);
        SweepExecutor.executors(binder()).addBinding("slurm").to(SlurmArgs.class);
        // A Slurm task's java sets its threads from --cpus-per-task, not from this JVM's setting.
        bind(TaskJava.class).toInstance(() -> JvmWorkerLauncher.javaCommand(false));
    }
}
