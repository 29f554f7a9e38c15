package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
    private static final int MAX_TRIALS = 10_000;

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
     * as when the sweep wrote it, unless the registry's defaults changed since.
     */
    public Trial loadTrial(Path configYaml) throws ConfigException {
        String file = configYaml.toString();
        JsonNode tree;
        try {
            tree = Yaml.yaml().readTree(GridFile.read(configYaml, "trial config"));
        } catch (IOException e) {
            throw new ConfigException(Location.of(file, 1, 1), "cannot read the trial config: " + GridMessages.firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject() || !tree.has("seed") || !tree.get("seed").canConvertToLong()) {
            throw new ConfigException(Location.of(file, 1, 1), "not a gansweep trial config (no `seed`)");
        }
        ObjectNode base = ((ObjectNode) tree).deepCopy();
        long seed = base.remove("seed").asLong();
        ObjectNode grid = JsonNodeFactory.instance.objectNode();
        grid.put("name", "trial");
        grid.putArray("seeds").add(seed);
        grid.set("base", base);
        String text;
        try {
            text = Yaml.yaml().writeValueAsString(grid);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return parse(text, file, List.of()).trials().get(0);
    }

    public ExperimentGrid parse(String text, String file, List<String> overrides) throws ConfigException {
        GridFile.Parsed parsed = GridFile.parse(text, file);
        JsonNode root = parsed.root();
        YamlLocator at = parsed.at();
        if (root == null || root.isMissingNode() || root.isNull() || (root.isObject() && root.isEmpty())) {
            throw new ConfigException(Location.of(file, 1, 1), "the grid is empty: give at least `name` and `base` (see experiments/ring.yaml)");
        }
        if (!root.isObject()) {
            throw new ConfigException(at.valueAt(""), "a grid is a mapping with `name`, `base` and optional `axes`, `seeds`; got " + GridMessages.describe(root));
        }
        GridErrors errors = new GridErrors();
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
        SequentialSeeds sequential = GridFields.sequential(root.get("seeds"), at, errors, "/seeds");
        List<Long> seeds = root.path("seeds").isObject() ? budget(sequential) : GridFields.seeds(root.get("seeds"), at, errors, "/seeds");
        JsonNode base = root.get("base");
        if (base == null) {
            errors.add(at.valueAt(""), "missing `base`: the trial template with dataset, model, loss, optimizer, training");
        } else if (!base.isObject()) {
            errors.add(at.valueAt("/base"), "`base` must be a mapping of sections (" + String.join(", ", GridFields.SECTIONS) + "), got " + GridMessages.describe(base));
        }
        Map<String, ArrayNode> axes = GridFields.axes(root.get("axes"), at, errors);
        List<SetArgument> sets = new ArrayList<>();
        for (String s : overrides) {
            SetArgument o = SetArgument.parse(s, errors);
            if (o != null) {
                if (o.path().equals("seeds")) {
                    // A seed list (or count) given here is a fixed set: the rounds of a sequential grid are off.
                    sequential = GridFields.sequential(o.value(), null, errors, s);
                    seeds = o.value().isObject() ? budget(sequential) : GridFields.seeds(o.value(), null, errors, s);
                } else {
                    sets.add(o);
                }
            }
        }
        errors.throwIfAny();

        long combos = 1;
        for (ArrayNode values : axes.values()) {
            combos *= values.size();
        }
        if (combos * seeds.size() > MAX_TRIALS) {
            throw new ConfigException(at.keyAt("/axes"), "the grid expands to " + combos * seeds.size() + " trials; at most " + MAX_TRIALS + " are allowed");
        }
        List<String> axisNames = new ArrayList<>(axes.keySet());
        List<Trial> trials = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        int[] pick = new int[axisNames.size()];
        for (long c = 0; c < combos; c++) {
            for (long seed : seeds) {
                Trial t = expansion.expand((ObjectNode) base, axes, axisNames, pick, seed, sets, at, errors);
                if (t != null) {
                    String previous = seen.putIfAbsent(t.hash(), t.label());
                    if (previous != null && !sets.isEmpty()) {
                        continue; // --set made axis values equal (e.g. --set loss=gan): run the trial once
                    }
                    if (previous != null) {
                        errors.add(at.keyAt("/axes"), "trials `" + previous + "` and `" + t.label() + "` have the same resolved config: remove the duplicate axis value");
                    } else {
                        trials.add(t);
                    }
                }
            }
            for (int i = pick.length - 1; i >= 0; i--) {
                if (++pick[i] < axes.get(axisNames.get(i)).size()) {
                    break;
                }
                pick[i] = 0;
            }
        }
        errors.throwIfAny();
        if (checkClaims) {
            new ClaimChecks(catalog, at, errors).check(claims, trials, axisNames, overrides);
        }
        errors.throwIfAny();
        for (int i = 0; i < claims.size() && sequential == null; i++) {
            if (claims.get(i).margin() != null) {
                // Equivalence is decided look by look; a fixed set of seeds has no looks, and the margin would do nothing.
                throw new ConfigException(overrides.stream().anyMatch(o -> o.startsWith("seeds=")) ? Location.commandLine("--set seeds")
                        : at.keyAt("/claims/" + i + "/margin"), "`margin` (equivalence) is decided with sequential seeds: give"
                        + " `seeds: {sequential: {first: 5, step: 5, max: 20}}`, or leave the margin out");
            }
        }
        if (sequential != null && claims.isEmpty()) {
            throw new ConfigException(overrides.stream().anyMatch(o -> o.startsWith("seeds=")) ? Location.commandLine("--set seeds")
                    : at.valueAt("/seeds"), "sequential seeds go on until the claims are decided, and this grid has"
                    + " no `claims`: give a seed count or list, or claims to decide");
        }
        return new ExperimentGrid(name, description, paper, file, text, List.copyOf(axisNames), List.copyOf(overrides), List.copyOf(trials),
                claims, paperSteps, authors, numerics, sequential);
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
