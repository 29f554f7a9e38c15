package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gansweep.core.store.Provenance;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 27: help on every subcommand, `help COMMAND`, and a version that names the commit. */
class HelpTest {
    /** Every subcommand the CLI has, read from the CLI itself, so a new one is covered without editing this test. */
    private static List<String> subcommands() {
        return java.util.Arrays.stream(Main.class.getAnnotation(CommandLine.Command.class).subcommands())
                .map(c -> c.getAnnotation(CommandLine.Command.class).name()).toList();
    }

    @Test
    void everySubcommandTakesHelpInThreeSpellings() {
        List<String> names = subcommands();
        assertTrue(names.containsAll(List.of("run", "report", "validate", "list", "bench", "reproduce", "doctor", "compare", "help")), names.toString());
        for (String name : names) {
            for (String[] args : new String[][] {{name, "--help"}, {name, "-h"}, {"help", name}}) {
                Tiny.Result r = Tiny.cli(args);
                assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
                assertTrue(r.out().contains("Usage: gansweep " + name), String.join(" ", args) + " printed: " + r.out());
                assertFalse(r.err().contains("Unknown option"), r.err());
            }
        }
    }

    @Test
    void helpForACommandThatDoesNotExistIsAnError() {
        Tiny.Result r = Tiny.cli("help", "rnu");
        assertTrue(r.code() != 0, r.out());
    }

    @Test
    void theVersionNamesTheCommitAsProvenanceDoes() {
        for (String[] args : new String[][] {{"--version"}, {"run", "--version"}}) {
            Tiny.Result r = Tiny.cli(args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("commit " + Provenance.gitCommit()), r.out());
        }
    }
}
