package org.gansweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gansweep.reports.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "Rebuild the report of DIR/EXPERIMENT from its stored results alone.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR/EXPERIMENT")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir.resolve("trials"))) {
            spec.commandLine().getErr().println("gansweep: " + dir + " is not an experiment folder (it has no trials/); give runs/NAME");
            return 2;
        }
        Path index = Main.injector().getInstance(ReportBuilder.class).build(dir);
        spec.commandLine().getOut().println("report: " + index);
        return 0;
    }
}
