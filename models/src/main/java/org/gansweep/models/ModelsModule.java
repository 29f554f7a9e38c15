package org.gansweep.models;

import com.google.inject.AbstractModule;
import org.gansweep.core.plugin.Registries;

/** Registers the architectures under their YAML names. */
public final class ModelsModule extends AbstractModule {
    @Override
    protected void configure() {
        Registries.architectures(binder()).addBinding("mlp").to(MlpArchitecture.class);
    }
}
