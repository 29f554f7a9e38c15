package org.gansweep.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.gansweep.core.plugin.PluginCatalog;

/**
 * Reads a grid file into an {@link ExperimentGrid}: {@link GridFile} reads and parses it, {@link GridFields}
 * checks the grid's own fields, {@link AxisExpansion} makes each trial (axes times seeds, {@code --set} on top)
 * and {@link TrialResolution} binds and checks it against the plug-in registry. Every error names the file,
 * line and column of the offending value ({@link GridMessages} words them).
 *
 * <p>A grid:
 * <pre>
 * name: ring                 # folder name of the experiment
 * description: ...           # optional
 * paper: Figure 7            # optional: what of the paper this answers
 * numerics: portable        # optional: AVX2 code paths on every machine (default: the fastest verified here)
 * paperSteps: 35000          # optional: how long the paper trained (the report warns when trials ran far fewer)
 * claims: [...]              # optional: the paper's claims, tested over the seeds ({@link Claim})
 * authors: {source, settings} # optional: the authors' settings beside these ({@link AuthorsSettings})
 * seeds: [1, 2, 3]           # or a count: 3 means [1, 2, 3]; default [1]
 * base:                      # the trial template: dataset, model, loss, optimizer, training, metrics
 *   ...
 * axes:                      # optional; each key is a dotted path into the template
 *   loss: [gan, lsgan-pearson]
 * </pre>
 * An axis value replaces the value at its path, except a mapping without {@code type}, which is merged
 * into it (so {@code optimizer: [{lr: 0.001}, {lr: 0.0002}]} keeps the rest of the optimizer).
 */
public final class GridLoader {
    /** The grid's own fields, read before any trial is made. */
    private record Head(String name, String description, String paper, List<Claim> claims, int paperSteps, String numerics,
            AuthorsSettings authors) {}

    /** The seeds to run: a fixed list, or the budget (1..max) of a sequential plan. */
    private record SeedPlan(List<Long> seeds, SequentialSeeds sequential) {}

    private final AxisExpansion expansion;
    private final PluginCatalog catalog;
    private final boolean checkClaims;

    public GridLoader(PluginCatalog catalog) {
        this(catalog, true);
    }

    private GridLoader(PluginCatalog catalog, boolean checkClaims) {
        this.expansion = new AxisExpansion(new TrialResolution(catalog));
        this.catalog = catalog;
        this.checkClaims = checkClaims;
    }

    /**
     * A loader that leaves the grid's claims unchecked, for commands that never test them ({@code bench}, which
     * may {@code --set} an axis to one value): every other check stays.
     */
    public GridLoader ignoringClaims() {
        return new GridLoader(catalog, false);
    }

    public ExperimentGrid load(Path file, List<String> overrides) throws ConfigException {
        return parse(GridFile.read(file, "grid"), file.toString(), overrides);
    }

    /**
     * Reads a trial folder's resolved {@code config.yaml} back into a {@link Trial}: the same id and hash
     * as when the sweep wrote it, unless the registry's defaults changed since. It is resolved and checked as a
     * grid's trial is, and an error points at its line in the config.
     */
    public Trial loadTrial(Path configYaml) throws ConfigException {
        String file = configYaml.toString();
        String text = GridFile.read(configYaml, "trial config");
        JsonNode tree;
        YamlLocator at;
        try {
            tree = Yaml.yaml().readTree(text);
            at = YamlLocator.index(file, text);
        } catch (IOException e) {
            throw new ConfigException(Location.of(file, 1, 1), "cannot read the trial config: " + GridMessages.firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject() || !tree.has("seed") || !tree.get("seed").canConvertToLong()) {
            throw new ConfigException(Location.of(file, 1, 1), "not a gansweep trial config (no `seed`)");
        }
        ObjectNode config = ((ObjectNode) tree).deepCopy();
        JsonNode seedNode = config.remove("seed");
        GridErrors errors = new GridErrors();
        if (seedNode.asLong() < 0) {
            errors.add(at.valueAt("/seed"), "a seed must be an integer from 0 to " + Long.MAX_VALUE + ", got " + GridMessages.describe(seedNode));
        }
        errors.throwIfAny();
        Trial trial = expansion.stored(config, seedNode.asLong(), at, errors);
        errors.throwIfAny();
        return trial;
    }

    public ExperimentGrid parse(String text, String file, List<String> overrides) throws ConfigException {
        GridFile.Parsed parsed = GridFile.parse(text, file);
        YamlLocator at = parsed.at();
        JsonNode root = checkedRoot(parsed.root(), at, file);
        GridErrors errors = new GridErrors();
        Head head = head(root, at, errors);
        SeedPlan seeds = seedPlan(root.get("seeds"), at, errors, "/seeds");
        JsonNode base = base(root, at, errors);
        Map<String, ArrayNode> axes = GridFields.axes(root.get("axes"), at, errors);
        List<SetArgument> sets = new ArrayList<>();
        for (String s : overrides) {
            SetArgument o = SetArgument.parse(s, errors);
            if (o != null && o.path().equals("seeds")) {
                // A seed list (or count) given here is a fixed set: the rounds of a sequential grid are off.
                seeds = seedPlan(o.value(), null, errors, s);
            } else if (o != null) {
                sets.add(o);
            }
        }
        errors.throwIfAny();
        List<Trial> trials = expansion.trials((ObjectNode) base, axes, seeds.seeds(), sets, at, errors);
        errors.throwIfAny();
        List<String> axisNames = List.copyOf(axes.keySet());
        if (checkClaims) {
            new ClaimChecks(catalog, at, errors).check(head.claims(), trials, axisNames, overrides);
        }
        errors.throwIfAny();
        ClaimChecks.checkSeeds(head.claims(), seeds.sequential(), overrides, at);
        return new ExperimentGrid(head.name(), head.description(), head.paper(), file, text, axisNames, List.copyOf(overrides),
                List.copyOf(trials), head.claims(), head.paperSteps(), head.authors(), head.numerics(), seeds.sequential());
    }

    /** The parsed grid, refused when it is empty or not a mapping. */
    private static JsonNode checkedRoot(JsonNode root, YamlLocator at, String file) throws ConfigException {
        if (root == null || root.isMissingNode() || root.isNull() || (root.isObject() && root.isEmpty())) {
            throw new ConfigException(Location.of(file, 1, 1), "the grid is empty: give at least `name` and `base` (see experiments/ring.yaml)");
        }
        if (!root.isObject()) {
            throw new ConfigException(at.valueAt(""), "a grid is a mapping with `name`, `base` and optional `axes`, `seeds`; got " + GridMessages.describe(root));
        }
        return root;
    }

    /** The grid's own fields, each unknown one reported. */
    private static Head head(JsonNode root, YamlLocator at, GridErrors errors) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!GridFields.GRID_FIELDS.contains(f)) {
                errors.add(at.keyAt("/" + f), "unknown field `" + f + "`" + GridMessages.suggest(f, GridFields.GRID_FIELDS) + "; grid fields are " + String.join(", ", GridFields.GRID_FIELDS));
            }
        }
        String name = GridFields.text(root, "name", at, errors, true);
        if (name != null && !GridFields.NAME.matcher(name).matches()) {
            errors.add(at.valueAt("/name"), "`name` must be 1-64 letters, digits, '.', '_' or '-' (it names a folder), got '" + name + "'");
        }
        String description = GridFields.text(root, "description", at, errors, false);
        String paper = GridFields.text(root, "paper", at, errors, false);
        List<Claim> claims = GridFields.claims(root.get("claims"), at, errors);
        int paperSteps = GridFields.paperSteps(root.get("paperSteps"), at, errors);
        String numerics = GridFields.numerics(root.get("numerics"), at, errors);
        AuthorsSettings authors = GridFields.authors(root.get("authors"), at, errors);
        return new Head(name, description, paper, claims, paperSteps, numerics, authors);
    }

    /** {@code seeds} of the grid ({@code at} given) or of {@code --set seeds=...} ({@code at} null). */
    private static SeedPlan seedPlan(JsonNode n, YamlLocator at, GridErrors errors, String where) {
        SequentialSeeds sequential = GridFields.sequential(n, at, errors, where);
        List<Long> seeds = n != null && n.isObject() ? budget(sequential) : GridFields.seeds(n, at, errors, where);
        return new SeedPlan(seeds, sequential);
    }

    /** The trial template, which must be a mapping of sections. */
    private static JsonNode base(JsonNode root, YamlLocator at, GridErrors errors) {
        JsonNode base = root.get("base");
        if (base == null) {
            errors.add(at.valueAt(""), "missing `base`: the trial template with dataset, model, loss, optimizer, training");
        } else if (!base.isObject()) {
            errors.add(at.valueAt("/base"), "`base` must be a mapping of sections (" + String.join(", ", GridFields.SECTIONS) + "), got " + GridMessages.describe(base));
        }
        return base;
    }

    /** Seeds 1..max of a sequential plan (none when the plan had errors, reported already). */
    private static List<Long> budget(SequentialSeeds plan) {
        List<Long> s = new ArrayList<>();
        for (long i = 1; plan != null && i <= plan.max(); i++) {
            s.add(i);
        }
        return s;
    }
}
