package org.gansweep.core.plugin;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;

/**
 * The Guice map binders through which modules register plugins by their YAML name. A new loss is one
 * class plus one line: {@code Registries.losses(binder()).addBinding("name").to(MyLoss.Plugin.class);}
 */
public final class Registries {
    private static final TypeLiteral<String> NAME = new TypeLiteral<>() {};

    private Registries() {}

    public static MapBinder<String, Plugin<?, AdversarialLoss>> losses(Binder binder) {
        return MapBinder.newMapBinder(binder, NAME, new TypeLiteral<Plugin<?, AdversarialLoss>>() {});
    }

    public static MapBinder<String, Plugin<?, Architecture>> architectures(Binder binder) {
        return MapBinder.newMapBinder(binder, NAME, new TypeLiteral<Plugin<?, Architecture>>() {});
    }

    public static MapBinder<String, Plugin<?, DatasetAdapter>> datasets(Binder binder) {
        return MapBinder.newMapBinder(binder, NAME, new TypeLiteral<Plugin<?, DatasetAdapter>>() {});
    }

    public static MapBinder<String, Plugin<?, Metric>> metrics(Binder binder) {
        return MapBinder.newMapBinder(binder, NAME, new TypeLiteral<Plugin<?, Metric>>() {});
    }

    public static MapBinder<String, Plugin<?, OptimizerSpec>> optimizers(Binder binder) {
        return MapBinder.newMapBinder(binder, NAME, new TypeLiteral<Plugin<?, OptimizerSpec>>() {});
    }
}
