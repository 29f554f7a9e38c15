package org.gansweep.losses;

import ai.djl.ndarray.NDArray;
import java.util.Locale;
import java.util.Set;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.GraphScalars;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.Reduction;

/**
 * The LSGAN loss (Mao et al. 2017, eq. 2): D minimises {@code 1/2 E[(D(x) - b)^2] + 1/2 E[(D(G(z)) - a)^2]},
 * G minimises {@code 1/2 E[(D(G(z)) - c)^2]}, on D's raw (linear) output. With {@code b - c = 1} and
 * {@code b - a = 2} (a=-1, b=1, c=0) it minimises the Pearson chi-squared divergence between
 * {@code p_data + p_g} and {@code 2 p_g}; a=0, b=c=1 (G wants D to see its samples as real) is the other scheme.
 */
public final class LeastSquaresLoss implements AdversarialLoss {
    private final float a;
    private final float b;
    private final float c;
    private final Reduction reduction;

    public LeastSquaresLoss(double a, double b, double c) {
        this(a, b, c, Reduction.mean);
    }

    /** With {@code reduction: sum}, batch sums instead of means (the authors' {@code tf.nn.l2_loss}). */
    public LeastSquaresLoss(double a, double b, double c, Reduction reduction) {
        this.a = (float) a;
        this.b = (float) b;
        this.c = (float) c;
        this.reduction = reduction;
    }

    public record Params(Double a, Double b, Double c, Reduction reduction) {
        public Params {
            a = a == null ? -1.0 : a;
            b = b == null ? 1.0 : b;
            c = c == null ? 0.0 : c;
            reduction = reduction == null ? Reduction.mean : reduction;
        }
    }

    /** The presets' only parameter. */
    public record PresetParams(Reduction reduction) {
        public PresetParams {
            reduction = reduction == null ? Reduction.mean : reduction;
        }
    }

    @Override
    public NDArray discriminatorLoss(NDArray realScores, NDArray fakeScores) {
        // 1/2 as a libtorch constant: DJL's mul(0.5f) leaves backward reading a freed Java buffer (GraphScalars).
        return GraphScalars.times(reduction.apply(realScores.sub(b).square()).add(reduction.apply(fakeScores.sub(a).square())), 0.5);
    }

    @Override
    public NDArray generatorLoss(NDArray fakeScores) {
        return GraphScalars.times(reduction.apply(fakeScores.sub(c).square()), 0.5);
    }

    /** Halfway between the real target b and the fake target a. */
    @Override
    public double decisionBoundary() {
        return ((double) a + b) / 2;
    }

    @Override
    public String describe() {
        return "LSGAN (a=" + fmt(a) + ", b=" + fmt(b) + ", c=" + fmt(c) + ")" + (reduction == Reduction.sum ? ", batch sums" : "");
    }

    /** The targets are stored as floats: Float.toString gives 0.1, not the double's 0.10000000149011612. */
    private static String fmt(float v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Float.toString(v);
    }

    /** Registered as {@code lsgan}: any a, b, c (default the Pearson scheme). */
    public static final class Factory extends Plugin<Params, AdversarialLoss> {
        public Factory() {
            super(Params.class, "least-squares GAN loss with targets a (fake), b (real), c (G's target for fakes); reduction: mean or sum over the batch");
        }

        /** {@code reduction} came after the first sweeps: at {@code mean} it stays out of config.yaml and trial ids. */
        @Override
        public Set<String> paramsAddedLater() {
            return Set.of("reduction");
        }

        @Override
        public void check(Params p) {
            FieldError.require(Double.isFinite(p.a()) && Double.isFinite(p.b()) && Double.isFinite(p.c()), "a", "a, b and c must be finite numbers");
            FieldError.require(!p.a().equals(p.b()), "b", "must differ from a (a = b = " + p.a() + " gives D nothing to separate)");
        }

        @Override
        protected AdversarialLoss build(Params p) {
            return new LeastSquaresLoss(p.a(), p.b(), p.c(), p.reduction());
        }
    }

    /**
     * A fixed scheme under its own name: {@code lsgan-pearson} (-1, 1, 0) or {@code lsgan-binary} (0, 1, 1). One
     * class for every preset, bound with {@code toInstance}: a new preset is one binding line.
     */
    public static final class PresetFactory extends Plugin<PresetParams, AdversarialLoss> {
        private final double a;
        private final double b;
        private final double c;

        public PresetFactory(double a, double b, double c) {
            super(PresetParams.class, String.format(Locale.ROOT, "lsgan with a=%s, b=%s, c=%s (reduction: mean or sum)", fmt(a), fmt(b), fmt(c)));
            this.a = a;
            this.b = b;
            this.c = c;
        }

        public static PresetFactory pearson() {
            return new PresetFactory(-1, 1, 0);
        }

        public static PresetFactory binary() {
            return new PresetFactory(0, 1, 1);
        }

        /** {@code reduction} came after the first sweeps: at {@code mean} it stays out of config.yaml and trial ids. */
        @Override
        public Set<String> paramsAddedLater() {
            return Set.of("reduction");
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        @Override
        protected AdversarialLoss build(PresetParams p) {
            return new LeastSquaresLoss(a, b, c, p.reduction());
        }
    }
}
