package org.gansweep.core.config;

import java.util.List;

/**
 * Grids for the tests of grid loading, here and in experiments (through core's test jar): a tiny valid ring
 * sweep, and broken grids with where their first error must point and what it must say. The broken grids
 * use the shipped plug-in names, but each error is core's own (the grid's fields, sections, training, axes,
 * YAML, binding a section to its parameters record), so they read the same with {@link FakePlugins} and with
 * the real registry.
 */
public final class GridCorpus {
    /** A tiny ring sweep: seconds, not minutes. */
    public static final String RING = """
            name: tiny
            description: a tiny ring sweep for tests
            seeds: [1]
            base:
              dataset: {type: gaussian-ring, modes: 4, radius: 1.0, std: 0.05}
              model:
                type: mlp
                noiseDim: 8
                generator: {hidden: [16, 16]}
                discriminator: {hidden: [16]}
              optimizer: {type: adam, lr: 0.001}
              training: {steps: 30, batchSize: 32, evalEvery: 10, evalSamples: 200, logEvery: 5}
              metrics: [mode-coverage]
            axes:
              loss: [gan, lsgan-pearson]
            """;

    /** A broken grid, where its error must point, and what the message must say. */
    public record Bad(String yaml, String where, String says) {}

    /** Grids whose first error core finds, whatever the plug-ins. */
    public static final List<Bad> BROKEN = List.of(
            new Bad("", "g.yaml:1:1", "the grid is empty"),
            new Bad("name: x\nbase: {loss: gan\n", "g.yaml:3:1", "YAML syntax error: while parsing a flow mapping; expected ',' or '}'"),
            new Bad("- a\n- b\n", "g.yaml:1:1", "a grid is a mapping"),
            new Bad("name: x\nbase: {}\nseeds: [1]\nbogus: 3\n", "g.yaml:4:1", "unknown field `bogus`"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: lsgn\n", "g.yaml:5:9", "unknown loss `lsgn` (did you mean `lsgan`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {steps: ten}\n", "g.yaml:6:21", "`training.steps` must be an integer, got the string 'ten'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {steps: 0}\n", "g.yaml:6:21", "`training.steps` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {batchSize: 2.5}\n", "g.yaml:6:25", "must be an integer"),
            new Bad("name: x\nbase:\n  dataset: {type: gaussian-ring, mode: 3}\n  model: mlp\n  loss: gan\n", "g.yaml:3:34", "unknown field `mode` in `dataset` (did you mean `modes`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes:\n  loss: []\n", "g.yaml:7:9", "axis `loss` is empty"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\naxes:\n  loss: [gan, gan]\n", "g.yaml:6:15", "value 2 is named 'gan' like value 1"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n", "g.yaml:3:3", "missing section `loss`"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes:\n  los: [gan]\n", "g.yaml:7:3", "axis `los` must be a dotted path"),
            new Bad("name: 'bad name'\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n", "g.yaml:1:7", "`name` must be"),
            new Bad("name: x\nseeds: [1, 1]\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n", "g.yaml:2:12", "seed 1 is listed twice"),
            new Bad("name: x\nname: y\nbase: {}\n", "g.yaml:2", "Duplicate field 'name'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: [mode-coverage, mode-coverage]\n", "g.yaml:6:28", "metric `mode-coverage` is listed twice"),
            new Bad("name: x\nbase: 5\n", "g.yaml:2:7", "`base` must be a mapping"),
            new Bad("name: 3\nbase: {}\n", "g.yaml:1:7", "`name` must be a string"),
            new Bad("name: x\nseeds: 0\nbase: {}\n", "g.yaml:2:8", "`seeds` as a count must be between 1 and 1000"),
            new Bad("name: x\nseeds: []\nbase: {}\n", "g.yaml:2:8", "`seeds` must be a count or a non-empty list"),
            new Bad("name: x\nseeds: [-1]\nbase: {}\n", "g.yaml:2:9", "a seed must be an integer from 0 to 9223372036854775807, got the number -1"),
            new Bad("name: x\nseeds: [a]\nbase: {}\n", "g.yaml:2:9", "a seed must be an integer from 0 to 9223372036854775807, got the string 'a'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes: [loss]\n", "g.yaml:6:7", "`axes` must be a mapping"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes:\n  loss: gan\n", "g.yaml:7:9", "axis `loss` must be a list of values"),
            new Bad("name: x\nbase:\n  dataset: gaussian-rng\n  model: mlp\n  loss: gan\n", "g.yaml:3:12", "unknown dataset `gaussian-rng` (did you mean `gaussian-ring`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mpl\n  loss: gan\n", "g.yaml:4:10", "unknown architecture `mpl` (did you mean `mlp`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  optimizer: adma\n", "g.yaml:6:14", "unknown optimizer `adma` (did you mean `adam`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: [modes]\n", "g.yaml:6:13", "unknown metric `modes`"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: mode-coverage\n", "g.yaml:6:12", "`metrics` must be a list"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {a: 1}\n", "g.yaml:5:9", "`loss` needs `type`"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: 5\n", "g.yaml:5:9", "`loss` must be a type name or a mapping with `type`, got the number 5"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss:\n", "g.yaml:5:", "`loss` must be a type name or a mapping with `type`, got an empty value"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: 5\n", "g.yaml:6:13", "`training` must be a mapping"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {step: 5}\n", "g.yaml:6:14", "unknown field `step` in `training` (did you mean `steps`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {batchSize: -1}\n", "g.yaml:6:25", "`training.batchSize` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {evalEvery: 0}\n", "g.yaml:6:25", "`training.evalEvery` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {dSteps: two}\n", "g.yaml:6:22", "`training.dSteps` must be an integer, got the string 'two'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {checkpointEvery: -5}\n", "g.yaml:6:31", "`training.checkpointEvery` must be 0 (no checkpoints)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, generator: {batchNorm: maybe}}\n  loss: gan\n", "g.yaml:4:", "`model.generator.batchNorm` must be true or false"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {type: lsgan, a: x}\n", "g.yaml:5:26", "`loss.a` must be a number, got the string 'x'"),
            new Bad("name: x\nbase:\n  datset: gaussian-ring\n  model: mlp\n  loss: gan\n", "g.yaml:3:3", "unknown section `datset` (did you mean `dataset`?)"),
            new Bad("name: x\n\tbase: {}\n", "g.yaml:2:1", "YAML syntax error: while scanning for the next token; found character '\\t(TAB)'"),
            new Bad("name: \"x\nbase: {}\n", "g.yaml:", "YAML syntax error"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  loss: lsgan\n", "g.yaml:6:", "Duplicate field 'loss'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes:\n  training.batchSize: [32, -2]\n", "g.yaml:7:", "`training.batchSize` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, noiseDim: 0}\n  loss: gan\n", "g.yaml:4:32", "`model.noiseDim` must be a positive integer, got 0"));

    private GridCorpus() {}

    /**
     * Each grid of {@code corpus} that {@code loader} does not reject with a first error located (file:line:column)
     * at {@code where} and saying {@code says}, with what it said instead; empty when all are.
     */
    public static String misreported(GridLoader loader, List<Bad> corpus) {
        StringBuilder wrong = new StringBuilder();
        for (Bad bad : corpus) {
            String first;
            try {
                loader.parse(bad.yaml(), "g.yaml", List.of());
                first = "no error";
            } catch (ConfigException e) {
                first = e.errors().get(0);
            }
            boolean located = first.matches("g\\.yaml:\\d+:\\d+: .*") && first.startsWith(bad.where());
            if (!located || !first.contains(bad.says())) {
                wrong.append("\nexpected ").append(bad.where()).append(" '").append(bad.says()).append("'\n     got ").append(first);
            }
        }
        return wrong.toString();
    }
}
