package org.gansweep.core.plugin;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import org.gansweep.core.numerics.KernelCheck;

/**
 * The Guice map binders through which modules register plugins by their YAML name. A new loss is one
 * class plus one line: {@code Registries.losses(binder()).addBinding("name").to(MyLoss.Factory.class);},
 * where {@code MyLoss implements AdversarialLoss} and its nested {@code Factory extends Plugin<MyLoss.Params,
 * AdversarialLoss>} (the convention is described on {@link Plugin}). Report figures, which take no parameters,
 * register the same way through {@code Figure.figures(binder())} in the reports module.
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

    /** The kernel self-test's op families ({@code gansweep doctor}), in the order they are bound. */
    public static Multibinder<KernelCheck> kernelChecks(Binder binder) {
        return Multibinder.newSetBinder(binder, KernelCheck.class);
    }

    public static MapBinder<String, Plugin<?, OptimizerSpec>> optimizers(Binder binder) {
        return MapBinder.newMapBinder(binder, NAME, new TypeLiteral<Plugin<?, OptimizerSpec>>() {});
    }
}
