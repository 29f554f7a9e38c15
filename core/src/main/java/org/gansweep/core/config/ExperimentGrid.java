package org.gansweep.core.config;

import java.util.List;

/**
 * A parsed, expanded and checked grid.
 *
 * @param name the experiment's name: its folder under the output directory
 * @param paper which figure or table of the paper this grid answers, if any
 * @param source the file it came from (or {@code builtin:NAME})
 * @param sourceText the grid exactly as given, stored as {@code grid.yaml}
 * @param axes the axis paths, in order
 * @param overrides the {@code --set path=value} arguments applied to every trial
 * @param claims the paper's claims the report tests on these trials
 * @param numerics {@code fastest} or {@code portable} as the grid asks (null: not given; the command line may say)
 * @param paperSteps how many steps the paper trained (0 when not given): the report warns when trials ran far fewer
 * @param sequential seeds in rounds until the claims are decided (null: the seeds are a fixed set)
 * @param authors the authors' settings beside these, with the reasons for each difference (null when not given)
 */
public record ExperimentGrid(
        String name,
        String description,
        String paper,
        String source,
        String sourceText,
        List<String> axes,
        List<String> overrides,
        List<Trial> trials,
        List<Claim> claims,
        int paperSteps,
        AuthorsSettings authors,
        String numerics,
        SequentialSeeds sequential) {

    /** The same grid with only these of its trials: one round of a sequential sweep. */
    public ExperimentGrid withTrials(List<Trial> some) {
        return new ExperimentGrid(name, description, paper, source, sourceText, axes, overrides, List.copyOf(some), claims, paperSteps,
                authors, numerics, sequential);
    }
}
