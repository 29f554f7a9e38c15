package org.gansweep.core.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The Frechet distance between two Gaussians fitted to feature sets, the formula of FID:
 * {@code |mu1 - mu2|^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2))}. The trace of the product's square root is taken as
 * {@code Tr((S1^(1/2) S2 S1^(1/2))^(1/2))}, a symmetric positive semi-definite matrix with the same
 * eigenvalues as S1 S2, so only symmetric eigendecompositions (EJML) are needed and no complex parts appear.
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    /** The distance between the Gaussians fitted to two sets of feature rows (n x d each). */
    public static double between(double[][] a, double[][] b) {
        return between(mean(a), covariance(a), mean(b), covariance(b));
    }

    /** NaN when any mean or covariance entry is not finite (images from a diverged generator): no distance exists. */
    public static double between(double[] mu1, double[][] s1, double[] mu2, double[][] s2) {
        if (!finite(mu1) || !finite(mu2) || !finite(s1) || !finite(s2)) {
            return Double.NaN;
        }
        double diff = 0;
        for (int i = 0; i < mu1.length; i++) {
            diff += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
        }
        DMatrixRMaj a = new DMatrixRMaj(s1);
        DMatrixRMaj b = new DMatrixRMaj(s2);
        DMatrixRMaj rootA = sqrtPsd(a);
        DMatrixRMaj tmp = new DMatrixRMaj(a.numRows, a.numCols);
        DMatrixRMaj m = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.mult(rootA, b, tmp);
        CommonOps_DDRM.mult(tmp, rootA, m);
        double traceRoot = 0;
        for (double ev : eigenvalues(symmetrise(m))) {
            traceRoot += Math.sqrt(Math.max(ev, 0));
        }
        return diff + CommonOps_DDRM.trace(a) + CommonOps_DDRM.trace(b) - 2 * traceRoot;
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(double[][] m) {
        for (double[] row : m) {
            if (!finite(row)) {
                return false;
            }
        }
        return true;
    }

    public static double[] mean(double[][] x) {
        double[] mu = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += row[j];
            }
        }
        for (int j = 0; j < mu.length; j++) {
            mu[j] /= x.length;
        }
        return mu;
    }

    /** The unbiased sample covariance (divisor n - 1), as numpy.cov and the FID reference code use. */
    public static double[][] covariance(double[][] x) {
        double[] mu = mean(x);
        int d = mu.length;
        double[][] c = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                double di = row[i] - mu[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (row[j] - mu[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= (x.length - 1);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /**
     * The square root of a symmetric positive semi-definite matrix (negative eigenvalues from rounding clipped).
     * Covariances of fewer samples than features, or of features that never vary, are singular: fine here.
     */
    static DMatrixRMaj sqrtPsd(DMatrixRMaj s) {
        Spectrum sp = spectrum(symmetrise(s), true);
        int n = s.numRows;
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int k = 0; k < sp.values.length; k++) {
            double root = Math.sqrt(Math.max(sp.values[k], 0));
            DMatrixRMaj v = sp.vectors[k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out.add(i, j, root * v.get(i) * v.get(j));
                }
            }
        }
        return out;
    }

    private static double[] eigenvalues(DMatrixRMaj s) {
        return spectrum(s, false).values;
    }

    /** Eigenvalues (and unit eigenvectors) of a symmetric matrix. */
    private record Spectrum(double[] values, DMatrixRMaj[] vectors) {}

    /**
     * The symmetric QR algorithm first. Where it does not converge (near-singular, badly scaled matrices), the
     * SVD, which always does: for a symmetric positive semi-definite matrix its singular values are the
     * eigenvalues and its left singular vectors the eigenvectors (a negative rounding eigenvalue comes out as
     * its size, a difference of the order of rounding). Non-finite entries have no spectrum: the caller
     * returns NaN before this.
     */
    private static Spectrum spectrum(DMatrixRMaj sym, boolean vectors) {
        int n = sym.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
        if (eig.decompose(sym.copy())) {
            double[] values = new double[n];
            DMatrixRMaj[] vecs = vectors ? new DMatrixRMaj[n] : null;
            boolean complete = true;
            for (int k = 0; k < n; k++) {
                values[k] = eig.getEigenvalue(k).getReal();
                if (vectors) {
                    vecs[k] = eig.getEigenVector(k);
                    complete &= vecs[k] != null;
                }
            }
            if (complete) {
                return new Spectrum(values, vecs);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, vectors, false, false);
        if (!svd.decompose(sym.copy())) {
            throw new IllegalStateException("neither the eigendecomposition nor the SVD of a " + n + "x" + n + " covariance converged");
        }
        double[] values = svd.getSingularValues().clone();
        DMatrixRMaj[] vecs = null;
        if (vectors) {
            DMatrixRMaj u = svd.getU(null, false);
            vecs = new DMatrixRMaj[values.length];
            for (int k = 0; k < values.length; k++) {
                vecs[k] = CommonOps_DDRM.extractColumn(u, k, null);
            }
        }
        return new Spectrum(values, vecs);
    }

    private static DMatrixRMaj symmetrise(DMatrixRMaj m) {
        DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
        CommonOps_DDRM.transpose(m, t);
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.add(0.5, m, 0.5, t, out);
        return out;
    }
}
