package org.gansweep.core.plugin;

/** Parameters of a plugin that takes none (a preset, for instance). */
public record NoParams() {}
