package org.gansweep.datasets;

import com.google.inject.AbstractModule;
import org.gansweep.core.plugin.Registries;

/** Registers the datasets under their YAML names, and the metric that only their Gaussian mixtures have. */
public final class DatasetsModule extends AbstractModule {
    @Override
    protected void configure() {
        var datasets = Registries.datasets(binder());
        datasets.addBinding("gaussian-ring").to(GaussianRing.class);
        datasets.addBinding("gaussian-grid").to(GaussianGrid.class);
        datasets.addBinding("fashion-mnist").to(FashionMnist.class);
        datasets.addBinding("mnist").to(Mnist.class);
        datasets.addBinding("cifar10").to(Cifar10.class);
        datasets.addBinding("image-folder").to(ImageFolder.class);
        datasets.addBinding("hwdb").to(HwdbGnt.class);
        datasets.addBinding("font-hanzi").to(FontHanzi.class);
        Registries.metrics(binder()).addBinding("mode-coverage").to(ModeCoverage.Factory.class);
    }
}
