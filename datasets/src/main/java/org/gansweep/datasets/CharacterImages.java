package org.gansweep.datasets;

import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.LabeledData;
import org.gansweep.core.plugin.RealSampler;

/**
 * Grey square images of characters, one class per character (ink bright on a dark ground): what {@link HwdbGnt}
 * and {@link FontHanzi} share. What G learns from and the evaluation classifier's two splits are each built
 * once, on first use: metrics ask for the splits at every evaluation, and reading HWDB or rendering fonts
 * again each time would dominate a trial.
 */
abstract class CharacterImages implements DatasetAdapter {
    private final int size;
    private ImageSet data;
    private final Map<Boolean, LabeledData> splits = new HashMap<>();

    CharacterImages(int size) {
        this.size = size;
    }

    /** What G learns from. */
    protected abstract ImageSet loadData();

    /** The evaluation classifier's training ({@code train}) or held-out split, with {@code data}'s class ids. */
    protected abstract ImageSet loadSplit(boolean train, ImageSet data);

    /** A name for the split in caches: where it comes from. */
    protected abstract String identity(boolean train);

    final synchronized ImageSet data() {
        if (data == null) {
            data = loadData();
        }
        return data;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(1, size, size);
    }

    @Override
    public RealSampler open(long seed) {
        return data().sampler(seed);
    }

    @Override
    public boolean hasLabels() {
        return true;
    }

    @Override
    public List<String> classNames() {
        return data().classNames().stream().map(String::valueOf).toList();
    }

    @Override
    public synchronized Optional<LabeledData> labeled(boolean train) {
        return Optional.of(splits.computeIfAbsent(train, t -> {
            ImageSet s = loadSplit(t, data());
            return s.labeled(s.classNames().size(), identity(t));
        }));
    }
}
