package org.gansweep.cli.slurm;

import java.util.List;

/**
 * The java command line, up to gansweep's main class, that each array task runs. The CLI binds it (it knows its main
 * class and this JVM's settings), so that this package never reaches back into the CLI's.
 */
@FunctionalInterface
public interface TaskJava {
    List<String> command();
}
