package org.gansweep.datasets;

import com.google.inject.AbstractModule;
import org.gansweep.core.plugin.Registries;

/** Registers the datasets under their YAML names, and the metric that only their Gaussian mixtures have. */
public final class DatasetsModule extends AbstractModule {
    @Override
    protected void configure() {
        var datasets = Registries.datasets(binder());
        datasets.addBinding("gaussian-ring").to(GaussianRing.Factory.class);
        datasets.addBinding("gaussian-grid").to(GaussianGrid.Factory.class);
        datasets.addBinding("fashion-mnist").to(FashionMnist.Factory.class);
        datasets.addBinding("mnist").to(Mnist.Factory.class);
        datasets.addBinding("cifar10").to(Cifar10.Factory.class);
        datasets.addBinding("image-folder").to(ImageFolder.Factory.class);
        datasets.addBinding("hwdb").to(HwdbGnt.Factory.class);
        datasets.addBinding("font-hanzi").to(FontHanzi.Factory.class);
        Registries.metrics(binder()).addBinding("mode-coverage").to(ModeCoverage.Factory.class);
    }
}
