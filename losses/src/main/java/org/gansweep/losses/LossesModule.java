package org.gansweep.losses;

import com.google.inject.AbstractModule;
import org.gansweep.core.plugin.Registries;

/** Registers the adversarial losses under their YAML names. */
public final class LossesModule extends AbstractModule {
    @Override
    protected void configure() {
        var losses = Registries.losses(binder());
        losses.addBinding("gan").to(CrossEntropyLoss.Factory.class);
        losses.addBinding("lsgan").to(LeastSquaresLoss.Factory.class);
        losses.addBinding("lsgan-pearson").toInstance(LeastSquaresLoss.PresetFactory.pearson());
        losses.addBinding("lsgan-binary").toInstance(LeastSquaresLoss.PresetFactory.binary());
        Registries.kernelChecks(binder()).addBinding().to(LossKernelCheck.class);
    }
}
