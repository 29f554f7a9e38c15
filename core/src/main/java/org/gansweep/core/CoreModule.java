package org.gansweep.core;

import com.google.inject.AbstractModule;
import org.gansweep.core.plugin.Registries;
import org.gansweep.core.train.AdamKernelCheck;
import org.gansweep.core.train.AdamOptimizer;
import org.gansweep.core.train.RmsPropOptimizer;

/** The plugins core itself provides: optimizers and the shared metrics. */
public final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Registries.optimizers(binder()).addBinding("adam").to(AdamOptimizer.Factory.class);
        Registries.optimizers(binder()).addBinding("rmsprop").to(RmsPropOptimizer.Factory.class);
        // Every kind has a registry even before any module adds to it.
        Registries.losses(binder());
        Registries.architectures(binder());
        Registries.datasets(binder());
        Registries.metrics(binder());
        Registries.kernelChecks(binder()).addBinding().to(AdamKernelCheck.class);
    }
}
