package org.gansweep.models;

import org.gansweep.models.kernels.ArchitectureCheck;
import org.gansweep.models.kernels.BatchNormCheck;
import org.gansweep.models.kernels.ConvolutionCheck;
import org.gansweep.models.kernels.LinearCheck;
import org.gansweep.models.kernels.TransposedConvolutionCheck;

import com.google.inject.AbstractModule;
import org.gansweep.core.plugin.Registries;
import org.gansweep.models.eval.ClassifierScoreMetric;
import org.gansweep.models.eval.ConditionalAccuracy;
import org.gansweep.models.eval.DensityCoverageMetric;
import org.gansweep.models.eval.FrechetDistanceMetric;
import org.gansweep.models.eval.KernelDistanceMetric;
import org.gansweep.models.eval.PrecisionRecallMetric;

/** Registers the architectures and the image metrics under their YAML names. */
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
        metrics.addBinding("classifier-score").to(ClassifierScoreMetric.Factory.class);
        metrics.addBinding("frechet-distance").to(FrechetDistanceMetric.Factory.class);
        metrics.addBinding("conditional-accuracy").to(ConditionalAccuracy.Factory.class);
        metrics.addBinding("kernel-distance").to(KernelDistanceMetric.Factory.class);
        metrics.addBinding("precision-recall").to(PrecisionRecallMetric.Factory.class);
        metrics.addBinding("density-coverage").to(DensityCoverageMetric.Factory.class);
        var checks = Registries.kernelChecks(binder());
        checks.addBinding().toInstance(new ConvolutionCheck(ConvolutionCheck.Pass.FORWARD));
        checks.addBinding().toInstance(new ConvolutionCheck(ConvolutionCheck.Pass.BACKWARD_DATA));
        checks.addBinding().toInstance(new ConvolutionCheck(ConvolutionCheck.Pass.BACKWARD_WEIGHTS));
        checks.addBinding().to(TransposedConvolutionCheck.class);
        checks.addBinding().to(BatchNormCheck.class);
        checks.addBinding().to(LinearCheck.class);
        checks.addBinding().to(ArchitectureCheck.class);
    }
}
