package org.gansweep.models;

import com.google.inject.AbstractModule;
import org.gansweep.core.plugin.Registries;

/** Registers the architectures under their YAML names. */
public final class ModelsModule extends AbstractModule {
    @Override
    protected void configure() {
        var architectures = Registries.architectures(binder());
        architectures.addBinding("mlp").to(MlpArchitecture.Factory.class);
        architectures.addBinding("mlp-image").to(MlpImageArchitecture.Factory.class);
        architectures.addBinding("dcgan").to(DcganArchitecture.Factory.class);
        architectures.addBinding("lsgan-112").to(LsganLsunArchitecture.Factory.class);
        architectures.addBinding("lsgan-conditional").to(ConditionalLsganArchitecture.Factory.class);
        var metrics = Registries.metrics(binder());
        metrics.addBinding("classifier-score").to(org.gansweep.models.eval.ImageMetrics.Score.class);
        metrics.addBinding("frechet-distance").to(org.gansweep.models.eval.ImageMetrics.Frechet.class);
        metrics.addBinding("conditional-accuracy").to(org.gansweep.models.eval.ConditionalAccuracy.class);
    }
}
