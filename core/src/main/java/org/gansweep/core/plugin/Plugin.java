package org.gansweep.core.plugin;

import java.util.Set;

/**
 * The factory of a pluggable part (loss, architecture, dataset, metric, optimizer) as YAML names it. Report
 * figures take no parameters and have no factory: a figure class is bound itself (reports' {@code Figure}).
 *
 * <p>The YAML section of a component (everything but {@code type}) is bound by Jackson to the record
 * {@link #paramsType()}, so unknown or mistyped fields are caught with their location before anything
 * trains. Records fill in their own defaults, and the bound record is written back into the trial's
 * resolved {@code config.yaml}: a result always says the exact values that produced it.
 *
 * <p>Every plug-in has the same shape, so that a class name says what it is:
 * <ul>
 *   <li>the part is a named class that implements its interface ({@code DcganArchitecture implements
 *       Architecture}, {@code AdamOptimizer implements OptimizerSpec}, {@code ModeCoverage implements Metric});
 *   <li>its parameters are the nested record {@code Params};
 *   <li>its YAML binding is the nested {@code public static final class Factory extends Plugin<Params, Interface>},
 *       which checks the parameters and builds the part; a module binds it with
 *       {@code Registries.architectures(binder()).addBinding("dcgan").to(DcganArchitecture.Factory.class)}.
 * </ul>
 * Parts that share an implementation extend a base class named for what they share ({@code GaussianMixtureData},
 * {@code IdxDataset}, {@code CharacterImages}, {@code JudgedMetric}); each YAML name still has its own class with
 * its own {@code Params} and {@code Factory}. Fixed variants of one part ({@code lsgan-pearson}, {@code lsgan-binary})
 * are instances of one factory class ({@code LeastSquaresLoss.PresetFactory}), bound with {@code toInstance}.
 * A parameter added after grids had been run with the plug-in is named in {@link #paramsAddedLater()}.
 *
 * @param <P> the parameters record
 * @param <T> what the plugin builds
 */
public abstract class Plugin<P extends Record, T> {
    private final Class<P> paramsType;
    private final String summary;

    protected Plugin(Class<P> paramsType, String summary) {
        this.paramsType = paramsType;
        this.summary = summary;
    }

    public final Class<P> paramsType() {
        return paramsType;
    }

    /** One line for {@code gansweep list}. */
    public final String summary() {
        return summary;
    }

    /** Builds the part from parameters already bound and checked. */
    public final T create(Record params) {
        return build(paramsType.cast(params));
    }

    /**
     * Checks parameters beyond their types; throws {@link FieldError} naming the offending field.
     * Called once per trial before anything trains.
     */
    public void check(P params) {}

    /**
     * Parameters added after grids had been run with this plug-in. The resolved config (config.yaml and the config
     * hash) leaves each out while it holds its {@code Params} default (what the record fills in when the field is not
     * given), so that every earlier trial keeps its id and is not run again.
     */
    public Set<String> paramsAddedLater() {
        return Set.of();
    }

    @SuppressWarnings("unchecked")
    public final void checkRecord(Record params) {
        check((P) params);
    }

    protected abstract T build(P params);
}
