package org.gansweep.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gansweep.reports.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "Rebuild the report of DIR/EXPERIMENT from its stored results alone.")
final class ReportCommand implements Callable<Integer> {
    private final ReportBuilder reports;

    @Inject
    ReportCommand(ReportBuilder reports) {
        this.reports = reports;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR/EXPERIMENT")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(dir.resolve("trials")) && !Files.isDirectory(dir.resolve("trials"))) {
            spec.commandLine().getErr().println("gansweep: " + dir.resolve("trials") + " is a file, not the folder of trial results;"
                    + " move it away (gansweep deletes nothing it did not write) and run the sweep again");
            return 2;
        }
        if (!Files.isDirectory(dir.resolve("trials"))) {
            spec.commandLine().getErr().println("gansweep: " + dir + " is not an experiment folder (it has no trials/); give runs/NAME");
            return 2;
        }
        Path folder = dir.resolve("report");
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            spec.commandLine().getErr().println("gansweep: " + folder + " is not a folder, so the report cannot be written there;"
                    + " move it away (gansweep deletes nothing it did not write) and run `gansweep report " + dir + "` again");
            return 2;
        }
        ReportBuilder.Report report;
        try {
            report = reports.build(dir);
        } catch (IOException e) {
            spec.commandLine().getErr().println("gansweep: the report could not be written under " + folder + ": " + e
                    + " (disk full, or a file where the report puts a folder?); the trials are untouched");
            return 2;
        }
        for (String d : report.damaged()) {
            spec.commandLine().getErr().println("damaged: " + d);
        }
        spec.commandLine().getOut().println("report: " + report.index());
        if (!report.damaged().isEmpty()) {
            spec.commandLine().getErr().println("gansweep: the report leaves out " + report.damaged().size()
                    + " damaged item(s), listed above and at the top of the page; `gansweep run` with the grid re-runs damaged trials");
            return 1;
        }
        return 0;
    }
}
