package org.gansweep.core.train;

import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.RealSampler;

/** A run's stream of real batches: opened from the trial's seed, and again from a derived seed at each checkpoint. */
final class RealStream implements AutoCloseable {
    private final DatasetAdapter dataset;
    private RealSampler sampler;

    RealStream(DatasetAdapter dataset) {
        this.dataset = dataset;
    }

    /** Closes the stream open now, if any, and opens the dataset's stream for {@code seed}. */
    void open(long seed) {
        close();
        sampler = dataset.open(seed);
    }

    RealSampler sampler() {
        return sampler;
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.close();
            sampler = null;
        }
    }
}
