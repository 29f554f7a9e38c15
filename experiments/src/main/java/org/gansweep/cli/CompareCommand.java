package org.gansweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gansweep compare RUN_A RUN_B}: two experiment folders of the same grid (two machines, commits or code
 * paths), trial by trial: identical metrics.csv and samples, or the first step and metric that differ, and the code
 * path each was made on where they differ. Exit 0 when every trial matches, 1 otherwise, 2 for bad usage.
 */
@Command(name = "compare", description = "Compare two experiment folders of the same grid trial by trial: identical"
        + " metrics.csv and samples, or the first differing step and metric. Exit 0 when all match, 1 otherwise.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "an experiment folder, e.g. runs/ring")
    Path a;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "another experiment folder of the same grid")
    Path b;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : new Path[] {a, b}) {
            if (!Files.isDirectory(p.resolve("trials"))) {
                err.println("gansweep: " + p + " is not an experiment folder (it has no trials/); give two folders such as"
                        + " runs/ring written by `gansweep run`");
                return 2;
            }
        }
        Map<String, Path> ta = TrialComparison.trials(a);
        Map<String, Path> tb = TrialComparison.trials(b);
        TreeSet<String> ids = new TreeSet<>(ta.keySet());
        ids.addAll(tb.keySet());
        if (sameGrid(a, b)) {
            out.println("comparing " + ids.size() + " trials of " + a + " and " + b);
        } else {
            out.println("comparing " + a + " and " + b + ": their grid.yaml differ; trials are matched by id (label and config hash)");
        }
        int differ = 0;
        for (String id : ids) {
            String verdict;
            boolean same;
            if (!ta.containsKey(id) || !tb.containsKey(id)) {
                same = false;
                verdict = "only in " + (ta.containsKey(id) ? a : b);
            } else {
                TrialComparison c = TrialComparison.of(id, ta.get(id), tb.get(id));
                same = c.same();
                verdict = c.verdict();
            }
            if (!same) {
                differ++;
            }
            out.printf("  %-8s %s: %s%n", same ? "same" : "DIFFERS", id, verdict);
        }
        out.println(differ == 0 ? "all " + ids.size() + " trials identical" : differ + " of " + ids.size() + " trials differ");
        return differ == 0 ? 0 : 1;
    }

    private static boolean sameGrid(Path a, Path b) {
        try {
            Path ga = a.resolve("grid.yaml");
            Path gb = b.resolve("grid.yaml");
            return Files.isRegularFile(ga) && Files.isRegularFile(gb) && Files.mismatch(ga, gb) == -1;
        } catch (IOException e) {
            return false;
        }
    }
}
