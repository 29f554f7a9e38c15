package org.gansweep.models;

import com.google.inject.AbstractModule;
import org.gansweep.core.plugin.Registries;

/** Registers the architectures under their YAML names. */
public final class ModelsModule extends AbstractModule {
    @Override
    protected void configure() {
        var architectures = Registries.architectures(binder());
        architectures.addBinding("mlp").to(MlpArchitecture.class);
        architectures.addBinding("mlp-image").to(MlpImageArchitecture.class);
        architectures.addBinding("dcgan").to(DcganArchitecture.class);
        architectures.addBinding("lsgan-112").to(LsganLsunArchitecture.class);
        architectures.addBinding("lsgan-conditional").to(ConditionalLsganArchitecture.class);
        var metrics = Registries.metrics(binder());
        metrics.addBinding("classifier-score").to(org.gansweep.models.eval.ImageMetrics.Score.class);
        metrics.addBinding("frechet-distance").to(org.gansweep.models.eval.ImageMetrics.Frechet.class);
        metrics.addBinding("conditional-accuracy").to(org.gansweep.models.eval.ConditionalAccuracy.class);
    }
}
