package org.gansweep.core.plugin;

/** Makes a fresh parameter updater (with its own state) for one network. */
public interface OptimizerSpec {
    ParameterUpdater create();
}
