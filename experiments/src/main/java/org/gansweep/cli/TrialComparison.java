package org.gansweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gansweep.core.store.CsvRows;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;

/** One trial as two runs of the same grid recorded it: identical, or where it first differs. */
record TrialComparison(String id, boolean same, String verdict) {
    static TrialComparison of(String id, Path a, Path b) throws IOException {
        Summary sa = new TrialFolder(a).readSummary();
        Summary sb = new TrialFolder(b).readSummary();
        String statusA = sa == null ? "no summary" : sa.status().name();
        String statusB = sb == null ? "no summary" : sb.status().name();
        String pathA = sa == null ? "unknown" : sa.codePath();
        String pathB = sb == null ? "unknown" : sb.codePath();
        String paths = pathA.equals(pathB) ? "" : " (made on different code paths: " + pathA + " and " + pathB
                + "; different paths round differently, so this alone is no error)";
        String metrics = firstDifference(a.resolve(TrialFolder.METRICS), b.resolve(TrialFolder.METRICS));
        String samples = sampleDifference(a.resolve(TrialFolder.SAMPLES), b.resolve(TrialFolder.SAMPLES));
        if (!statusA.equals(statusB)) {
            return new TrialComparison(id, false, "status " + statusA + " and " + statusB + (metrics == null ? "" : "; " + metrics) + paths);
        }
        if (metrics == null && samples == null) {
            return new TrialComparison(id, true, "identical (" + statusA + ", metrics.csv and samples)" + (paths.isEmpty() ? "" : paths));
        }
        return new TrialComparison(id, false, (metrics != null ? metrics : "metrics.csv identical") + (samples != null ? "; " + samples : "") + paths);
    }

    /** Null when the files are identical; else the first step and metric that differ, with both values. */
    static String firstDifference(Path a, Path b) throws IOException {
        boolean hasA = Files.isRegularFile(a);
        boolean hasB = Files.isRegularFile(b);
        if (!hasA || !hasB) {
            return hasA == hasB ? null : "metrics.csv only in " + (hasA ? "the first" : "the second");
        }
        if (Files.mismatch(a, b) == -1) {
            return null;
        }
        List<String[]> la = CsvRows.read(a);
        List<String[]> lb = CsvRows.read(b);
        if (la.isEmpty() || lb.isEmpty() || !Arrays.equals(la.get(0), lb.get(0))) {
            return "metrics.csv has other columns";
        }
        String[] header = la.get(0);
        for (int i = 1; i < Math.max(la.size(), lb.size()); i++) {
            if (i >= la.size() || i >= lb.size()) {
                return "metrics.csv: one run has rows the other lacks, from row " + i + " ("
                        + (i >= la.size() ? "the second" : "the first") + " goes on)";
            }
            if (!Arrays.equals(la.get(i), lb.get(i))) {
                String[] ra = la.get(i);
                String[] rb = lb.get(i);
                for (int c = 0; c < Math.min(ra.length, rb.length); c++) {
                    if (!ra[c].equals(rb[c])) {
                        String column = c < header.length ? header[c] : "column " + (c + 1);
                        return "metrics.csv first differs at step " + ra[0] + ", " + column + ": " + ra[c] + " and " + rb[c];
                    }
                }
                return "metrics.csv row " + i + " differs in length";
            }
        }
        return "metrics.csv differs (line endings)";
    }

    /** Null when both runs have the same sample files with the same bytes; else the first that differs. */
    static String sampleDifference(Path a, Path b) throws IOException {
        TreeSet<String> names = new TreeSet<>(names(a));
        names.addAll(names(b));
        for (String n : names) {
            Path fa = a.resolve(n);
            Path fb = b.resolve(n);
            if (!Files.isRegularFile(fa) || !Files.isRegularFile(fb)) {
                return "samples/" + n + " only in " + (Files.isRegularFile(fa) ? "the first" : "the second");
            }
            if (Files.mismatch(fa, fb) != -1) {
                return "samples/" + n + " differs";
            }
        }
        return null;
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Every trial folder of an experiment, by id. */
    static Map<String, Path> trials(Path experiment) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        Path t = experiment.resolve("trials");
        if (Files.isDirectory(t)) {
            try (Stream<Path> s = Files.list(t)) {
                s.filter(Files::isDirectory).forEach(p -> out.put(p.getFileName().toString(), p));
            }
        }
        return out;
    }
}
