package org.gansweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansweep.core.config.GridCorpus;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.plugin.PluginCatalog;

/** Small grids and a CLI runner for the tests: seconds, not minutes. */
final class Tiny {
    /** Core's tiny ring sweep (the grid core's own tests load). */
    static final String RING = GridCorpus.RING;

    private Tiny() {}

    static GridLoader loader() {
        return new GridLoader(Main.injector().getInstance(PluginCatalog.class));
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** The CLI's exit code, standard output and standard error. */
    record Result(int code, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
