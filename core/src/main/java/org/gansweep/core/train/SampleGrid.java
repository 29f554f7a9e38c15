package org.gansweep.core.train;

/**
 * The sample grid saved at each evaluation: the first {@link #TILES} samples, {@link #COLUMNS} per row. For a
 * class-conditional G each row shows one class, so the classes G is asked for follow this layout.
 */
public final class SampleGrid {
    public static final int COLUMNS = 8;
    public static final int ROWS = 8;
    public static final int TILES = COLUMNS * ROWS;

    private SampleGrid() {}

    /**
     * The classes a conditional G is asked for at evaluations: the grid's rows show {@link #ROWS} classes
     * spread over the label range, one class per row; the samples after the grid cycle through every class,
     * so metrics see them all.
     */
    public static int[] evaluationLabels(int n, int classes) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < TILES ? (int) ((long) (i / COLUMNS) * classes / ROWS) % classes : i % classes;
        }
        return labels;
    }
}
