package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that is not a grid, values out of range, and YAML that Jackson would misread: located, clear, fast. */
class HostileInputTest {
    @TempDir
    Path tmp;

    private static final String GOOD = """
            name: h
            base:
              loss: gan
              dataset: {type: gaussian-ring}
              model: {type: mlp, noiseDim: 8, generator: {hidden: [8]}, discriminator: {hidden: [8]}}
              training: {steps: 2, batchSize: 8, evalEvery: 2, evalSamples: 16}
            """;

    private Tiny.Result validate(String text) throws Exception {
        return Tiny.cli("validate", Tiny.write(tmp, "g.yaml", text).toString());
    }

    /** A refusal: exit 2, the message, and no Java in it. */
    private static void refused(Tiny.Result r, String... parts) {
        assertEquals(2, r.code(), r.out() + r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "wanted «" + p + "» in: " + r.err());
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("com.fasterxml"), r.err());
    }

    // Class 5: what cannot be a grid is refused before it is read.

    @Test
    void devicesFoldersAndHugeFilesAreRefusedUnread() throws Exception {
        Path zero = tmp.resolve("zero.yaml");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        long start = System.nanoTime();
        refused(Tiny.cli("validate", zero.toString()), "zero.yaml:1:1: this is not a regular file");
        refused(Tiny.cli("run", zero.toString(), "--out", tmp.resolve("runs").toString()), "not a regular file");
        refused(Tiny.cli("validate", tmp.toString()), "this is a folder, not a grid file");
        Path big = tmp.resolve("big.yaml");
        Files.writeString(big, "name: " + "x".repeat(3 << 20));
        refused(Tiny.cli("validate", big.toString()), "big.yaml:1:1: the file is " + Files.size(big) + " bytes");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refusals must not read the input");
        assertFalse(Files.exists(tmp.resolve("runs/h")));
    }

    @Test
    void aTrialFolderWhoseConfigIsNotAFileIsRefusedByTrialAndReproduce() throws Exception {
        Path trial = Files.createDirectories(tmp.resolve("t"));
        Files.createSymbolicLink(trial.resolve("config.yaml"), Path.of("/dev/zero"));
        refused(Tiny.cli("trial", trial.toString()), "not a regular file");
        Files.writeString(trial.resolve("summary.json"), "{\"trial\": \"t\", \"status\": \"completed\", \"seed\": 1, \"steps\": 2, \"seconds\": 1.0}");
        refused(Tiny.cli("reproduce", trial.toString()), "not a regular file");
        // A summary whose numbers are missing: named, without Jackson's words.
        Files.writeString(trial.resolve("summary.json"), "{\"trial\": \"t\", \"status\": \"completed\", \"seed\": 1, \"steps\": 2}");
        refused(Tiny.cli("reproduce", trial.toString()), "summary.json: `seconds` is missing, unknown or of the wrong type");
    }

    // Class 6: values out of range are located errors, and what cannot fit is refused by validate.

    @Test
    void integersOutOfRangeAreLocatedErrors() throws Exception {
        refused(validate(GOOD.replace("name: h", "name: h\nseeds: [18446744073709551617]")),
                "g.yaml:2:9: a seed must be an integer from 0 to 9223372036854775807");
        refused(validate(GOOD.replace("name: h", "name: h\nseeds: 18446744073709551617")), "g.yaml:2:8", "`seeds` as a count");
        refused(validate(GOOD.replace("name: h", "name: h\nseeds: [-3]")), "g.yaml:2:9", "a seed must be an integer");
        refused(validate(GOOD.replace("steps: 2,", "steps: 99999999999,")), "g.yaml:6:21", "`training.steps`", "out of range");
        refused(Tiny.cli("validate", Tiny.write(tmp, "g.yaml", GOOD).toString(), "--set", "seeds=[99999999999999999999]"),
                "--set seeds", "a seed must be an integer");
    }

    @Test
    void aModelThatCannotFitInMemoryIsRefusedByValidate() throws Exception {
        refused(validate(GOOD.replace("noiseDim: 8", "noiseDim: 1000000000")), "g.yaml:5:10", "parameters", "GiB",
                "make it smaller");
        refused(validate(GOOD.replace("hidden: [8]}, discriminator", "hidden: [65536, 65536, 65536, 65536, 65536]}, discriminator")),
                "parameters", "make it smaller");
        Tiny.Result ok = validate(GOOD);
        assertEquals(0, ok.code(), ok.err());
    }

    // Class 7: messages name the place, the field and what to do.

    @Test
    void yamlThatJacksonWouldMisreadIsRefusedWithItsPlace() throws Exception {
        refused(validate(GOOD.replace("model: {", "model: &net {") + "axes:\n  model: [*net]\n"),
                "g.yaml:8:11: YAML aliases (`*name`) are not supported");
        refused(validate(GOOD + "---\nname: other\n"), "g.yaml:8:1: a second YAML document starts here");
        refused(validate(GOOD.replace("{type: gaussian-ring}", "{type: gaussian-ring, std: .nan}")),
                "g.yaml:4:", "`std`: `.nan` is not a finite number");
        refused(validate(GOOD.replace("{type: gaussian-ring}", "{type: gaussian-ring, radius: -.Inf}")),
                "`radius`: `-.Inf` is not a finite number");
    }

    @Test
    void claimsAndAuthorsSettingsAreCheckedWithLocatedMessages() throws Exception {
        String withAxis = GOOD + "axes:\n  loss: [gan, lsgan-binary]\n";
        refused(validate(withAxis + "claims:\n  - {claim: x, metric: modes_covered, better: up, axis: loss, compare: [lsgan-binary, gan]}\n"),
                "g.yaml:10:", "`better` must be `higher` or `lower`");
        refused(validate(withAxis + "claims:\n  - {claim: x, metric: m, better: higher, axis: los, compare: [lsgan-binary, gan]}\n"),
                "claim axis `los` is not an axis of this grid (did you mean `loss`?)");
        refused(validate(withAxis + "claims:\n  - {claim: x, metric: m, better: higher, axis: loss, compare: [lsgan-pearson, gan]}\n"),
                "`lsgan-pearson` is not a value of axis `loss`");
        refused(validate(withAxis + "claims:\n  - {claim: x, metric: m, better: higher, axis: loss, compare: [lsgan-binary]}\n"),
                "g.yaml:10:", "a claim about one group needs `threshold`");
        refused(validate(withAxis + "claims:\n  - {claim: x, metric: m, better: higher, axis: loss, compare: [lsgan-binary, gan], threshold: 0.2}\n"),
                "`threshold` goes with one group in `compare`");
        refused(validate(withAxis + "claims:\n  - {claim: x, metric: m, better: higher, axis: loss, compare: [lsgan-binary], threshold: 0.2, success: 1}\n"),
                "a claim about one group uses `threshold`");
        refused(validate(withAxis + "claims:\n  - {claim: x, metric: m, better: higher, axis: loss, compare: [lsgan-binary], threshold: .nan}\n"),
                "g.yaml:10:");
        refused(validate(withAxis + "authors:\n  source: s\n  settings:\n    - {setting: batch, here: 8, authors: 64}\n"),
                "g.yaml:12:7: `batch` differs from the authors' (8 against 64): say `why`");
        refused(validate(withAxis + "authors:\n  source: s\n  settings:\n    batch: {here: 8, authors: 64}\n"),
                "g.yaml:12:5: `authors.settings` must be a list of rows {setting, here, authors, why}", "got a mapping");
        refused(validate(withAxis + "authors:\n  settings: []\n"), "g.yaml:9:1:", "`authors.source` must say where");
        Tiny.Result ok = validate(withAxis + "claims:\n  - {claim: x, metric: g_loss, better: higher, axis: loss, compare: [lsgan-binary, gan], success: 8}\n"
                + "  - {claim: y, metric: d_loss, better: higher, axis: loss, compare: [lsgan-binary], threshold: 0.2}\n"
                + "authors:\n  source: s\n  settings:\n    - {setting: batch, here: 8, authors: 64, why: small}\n");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void aMisspeltPathInABundleIsReportedAtTheBundle() throws Exception {
        String grid = GOOD + "axes:\n  variant:\n    - {label: a, model.generatr.batchNorm: false}\n    - {label: b}\n";
        refused(validate(grid), "g.yaml:9:18: unknown field `generatr`", "did you mean `generator`");
        String deep = GOOD + "axes:\n  variant:\n    - {label: a, model.generator.hiden: [4]}\n    - {label: b}\n";
        refused(validate(deep), "g.yaml:9:18: unknown field `hiden`", "did you mean `hidden`");
    }

    @Test
    void trialAndReproduceOnJunkOrEditedFoldersGiveMessagesNotStackTraces() throws Exception {
        Path junk = Files.createDirectories(tmp.resolve("junk"));
        refused(Tiny.cli("trial", junk.toString()), "is not a prepared trial folder");
        Files.writeString(junk.resolve("config.yaml"), "hello: world\n");
        refused(Tiny.cli("trial", junk.toString()), "junk/config.yaml:1:1: not a gansweep trial config");
        refused(Tiny.cli("reproduce", junk.toString()), "no summary.json");

        Path out = tmp.resolve("runs");
        assertEquals(0, Tiny.cli("run", Tiny.write(tmp, "g.yaml", GOOD).toString(), "--out", out.toString(), "--workers", "1").code());
        Path trial;
        try (Stream<Path> s = Files.list(out.resolve("h/trials"))) {
            trial = s.findFirst().orElseThrow();
        }
        Path config = trial.resolve("config.yaml");
        Files.writeString(config, Files.readString(config).replace("steps: 2", "steps: 3"));
        refused(Tiny.cli("reproduce", trial.toString()), "config.yaml no longer hashes to");
        Files.writeString(config, Files.readString(config).replace("steps: 3", "steps: [3]"));
        refused(Tiny.cli("reproduce", trial.toString()), "config.yaml:", "`training.steps`");
    }
}
