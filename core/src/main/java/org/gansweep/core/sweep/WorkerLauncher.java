package org.gansweep.core.sweep;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts a separate JVM that runs one trial folder ({@code gansweep trial DIR}). DJL allows one open
 * GradientCollector per JVM, so parallel trials are processes. The worker prints {@code progress STEP}
 * lines on standard output; everything else it prints goes to the trial's {@code worker.log}.
 */
public interface WorkerLauncher {
    Process start(Path trialDir) throws IOException;
}
