package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gansweep.core.config.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26 end to end: seeds in rounds, a look after each, seeds added only where an undecided claim needs them, the
 * looks stored, and a sweep killed between rounds resuming with the same looks and decisions.
 */
class SequentialSweepTest {
    @TempDir
    Path tmp;

    /** D's final loss differs a lot between the losses (decided early); modes covered do not in 30 steps. */
    static final String GRID = Tiny.RING.replace("name: tiny", "name: seq")
            .replace("seeds: [1]\n", """
                    seeds: {sequential: {first: 3, step: 2, max: 5}}
                    claims:
                      - {claim: "LSGAN's D ends lower", metric: d_loss, better: lower, axis: loss, compare: [lsgan-pearson, gan]}
                      - {claim: "LSGAN covers more modes", metric: modes_covered, better: higher, axis: loss, compare: [lsgan-pearson, gan]}
                    """)
            .replace("loss: [gan, lsgan-pearson]", "loss: [gan, lsgan-pearson, lsgan-binary]");

    private static long seeds(Path exp, String loss) throws Exception {
        try (Stream<Path> s = Files.list(exp.resolve("trials"))) {
            return s.filter(t -> t.getFileName().toString().startsWith(loss + "_s")).count();
        }
    }

    @Test
    void roundsAddSeedsWhereClaimsNeedThemAndAResumedSweepTakesTheSameLooks() throws Exception {
        Path grid = Tiny.write(tmp, "seq.yaml", GRID);
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        Path exp = out.resolve("seq");
        JsonNode looks = Yaml.json().readTree(exp.resolve("looks.json").toFile());
        assertEquals(2, looks.get("looks").size(), looks.toString());
        assertEquals(3, looks.get("looks").get(0).get("seeds").asInt());
        assertEquals(5, looks.get("looks").get(1).get("seeds").asInt());
        // The last look decides every claim still open: by its boundary, or undecided at the budget.
        for (JsonNode c : looks.get("looks").get(1).get("claims")) {
            assertTrue(!c.get("decision").isNull(), c.toString());
        }
        // lsgan-binary is in no claim: the first round only. The claims' groups got the second round too.
        assertEquals(3, seeds(exp, "lsgan-binary"));
        assertEquals(5, seeds(exp, "gan"));
        assertEquals(5, seeds(exp, "lsgan-pearson"));
        assertTrue(r.out().contains("13 trials of a budget of 15"), r.out());
        String csv = Files.readString(exp.resolve("report/tables/claims.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith("p_improvement,p_improvement_low,p_improvement_high"), csv);
        String html = Files.readString(exp.resolve("report/index.html"));
        assertTrue(html.contains("figures/claim-looks.png"), "no figure of the looks");
        assertTrue(html.contains("at look") || html.contains("undecided at the budget"), html);

        // Killed after the first look: the second round's trials and look are gone. The rerun takes the same look.
        byte[] before = Files.readAllBytes(exp.resolve("looks.json"));
        ObjectNode cut = (ObjectNode) Yaml.json().readTree(before);
        ((ArrayNode) cut.get("looks")).remove(1);
        Files.writeString(exp.resolve("looks.json"), Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(cut));
        try (Stream<Path> s = Files.list(exp.resolve("trials"))) {
            for (Path t : s.filter(t -> t.getFileName().toString().matches(".*_s[45]-.*")).toList()) {
                Files.delete(t.resolve("summary.json")); // unfinished: the rerun trains them again
            }
        }
        Tiny.Result resumed = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertArrayEquals(before, Files.readAllBytes(exp.resolve("looks.json")), "the resumed sweep took other looks");

        // Every look taken: a third run adds nothing.
        Tiny.Result third = Tiny.cli("run", grid.toString(), "--out", out.toString());
        assertEquals(0, third.code(), third.err());
        assertTrue(third.err().contains("every look is taken"), third.err());
        assertArrayEquals(before, Files.readAllBytes(exp.resolve("looks.json")));

        // Another plan would put other boundaries on the stored looks: refused, nothing touched.
        Tiny.Result otherPlan = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--set", "seeds={sequential: {first: 3, step: 1, max: 5}}");
        assertEquals(2, otherPlan.code(), otherPlan.err());
        assertTrue(otherPlan.err().contains("holds looks taken under") && otherPlan.err().contains("boundaries depend on the plan"), otherPlan.err());
        // A damaged looks file is named, with what to do; the report says its claims are tested without the looks.
        Files.writeString(exp.resolve("looks.json"), "{\"plan\": ");
        Tiny.Result damaged = Tiny.cli("run", grid.toString(), "--out", out.toString());
        assertEquals(2, damaged.code(), damaged.err());
        assertTrue(damaged.err().contains("looks.json cannot be read") && damaged.err().contains("move it away"), damaged.err());
        Tiny.cli("report", exp.toString());
        assertTrue(Files.readString(exp.resolve("report/index.html")).contains("looks.json cannot be read"));
    }

    @Test
    void aSequentialSweepIsFollowedNotDetached() throws Exception {
        Path grid = Tiny.write(tmp, "seq.yaml", GRID);
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", tmp.resolve("runs").toString(), "--executor", "slurm", "--detach");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("leave out --detach"), r.err());
    }

    @Test
    void aSweepKilledMidRoundResumesToTheLooksOfAnUninterruptedOne() throws Exception {
        // Longer trials, so that the kill lands inside the second round.
        String slow = GRID.replace("steps: 30, batchSize: 32, evalEvery: 10", "steps: 600, batchSize: 32, evalEvery: 300");
        Path grid = Tiny.write(tmp, "seq.yaml", slow);
        Path whole = tmp.resolve("whole");
        assertEquals(0, Tiny.cli("run", grid.toString(), "--out", whole.toString(), "--workers", "1").code());

        Path killed = tmp.resolve("killed");
        java.util.List<String> cmd = JvmWorkerLauncher.javaCommand(true);
        cmd.addAll(java.util.List.of("run", grid.toString(), "--out", killed.toString(), "--workers", "1"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        Path looks = killed.resolve("seq/looks.json");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(300);
        // Wait for the first look, then for a trial of the second round to be under way.
        while (!(Files.exists(looks) && Files.exists(killed.resolve("seq/trials")) && secondRoundStarted(killed.resolve("seq/trials")))) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "the sweep ended before its second round: " + Files.readString(tmp.resolve("killed.log")));
            Thread.sleep(100);
        }
        p.destroyForcibly(); // SIGKILL, mid-round
        p.waitFor();
        assertEquals(1, Yaml.json().readTree(looks.toFile()).get("looks").size(), "the kill came after the second look");
        Tiny.Result resumed = Tiny.cli("run", grid.toString(), "--out", killed.toString(), "--workers", "1");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(Files.readString(whole.resolve("seq/looks.json")), Files.readString(looks), "other looks after the kill");
    }

    private static boolean secondRoundStarted(Path trials) throws Exception {
        try (Stream<Path> s = Files.list(trials)) {
            // The round prepares its trials (config.yaml) before its workers start: from then on the kill is mid-round.
            return s.anyMatch(t -> t.getFileName().toString().matches(".*_s[45]-.*") && Files.exists(t.resolve("config.yaml")));
        }
    }
}
