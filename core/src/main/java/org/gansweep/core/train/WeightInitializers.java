package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.gansweep.core.config.ModelOptions.WeightInit;

/**
 * {@code model.init} applied to a network before it is initialised: every weight (linear and convolution
 * kernels) from the chosen initializer, every bias zero. {@code default} leaves the architecture's own choice.
 */
final class WeightInitializers {
    private WeightInitializers() {}

    static void apply(WeightInit init, Block block) {
        if (init.keepsArchitectureDefault()) {
            return;
        }
        Initializer weights = switch (init.type()) {
            case "orthogonal" -> new Orthogonal(init.gain());
            case "normal" -> new NormalInitializer(init.std().floatValue());
            case "xavier" -> new XavierInitializer();
            default -> throw new IllegalArgumentException("unknown init " + init.type());
        };
        block.setInitializer(weights, Parameter.Type.WEIGHT);
        block.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
    }

    /**
     * A (semi-)orthogonal matrix times {@code gain}, as PyTorch's {@code orthogonal_} and TensorFlow's
     * orthogonal initializer make it: the weight is flattened to rows x (the rest), a matrix of N(0, 1) draws
     * (PyTorch's seeded generator) is QR-decomposed, Q's columns take the signs of R's diagonal so that the
     * result is uniformly distributed, and the shorter side ends up orthonormal: W Wᵀ = gain² I when there
     * are fewer rows than columns, Wᵀ W = gain² I otherwise.
     */
    static final class Orthogonal implements Initializer {
        private final double gain;

        Orthogonal(double gain) {
            this.gain = gain;
        }

        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            int rows = (int) shape.get(0);
            int cols = (int) (shape.size() / rows);
            float[] draws;
            try (NDArray normal = manager.randomNormal(new Shape(rows, cols))) {
                draws = normal.toFloatArray();
            }
            boolean wide = rows < cols;
            int n = wide ? cols : rows;
            int k = wide ? rows : cols;
            DMatrixRMaj m = new DMatrixRMaj(n, k);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (wide) {
                        m.set(j, i, draws[i * cols + j]);
                    } else {
                        m.set(i, j, draws[i * cols + j]);
                    }
                }
            }
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, k);
            if (!qr.decompose(m)) {
                throw new IllegalStateException("QR decomposition failed for an orthogonal " + shape + " weight");
            }
            DMatrixRMaj q = qr.getQ(null, true);
            DMatrixRMaj r = qr.getR(null, true);
            for (int j = 0; j < k; j++) {
                if (r.get(j, j) < 0) {
                    for (int i = 0; i < n; i++) {
                        q.set(i, j, -q.get(i, j));
                    }
                }
            }
            DMatrixRMaj w = wide ? CommonOps_DDRM.transpose(q, null) : q;
            float[] out = new float[rows * cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    out[i * cols + j] = (float) (gain * w.get(i, j));
                }
            }
            // A copy in libtorch's own memory: an array made from Java data lives on a direct buffer that is
            // freed once that array is closed. duplicate() clones; toType(FLOAT32, copy=true) on a float array
            // would not (DJL's torchTo returns the same storage), and the weight would then live on freed memory.
            try (NDArray fromJava = manager.create(out, shape)) {
                NDArray own = fromJava.duplicate();
                return dataType == own.getDataType() ? own : own.toType(dataType, false);
            }
        }
    }
}
