package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.PluginCatalog;

/**
 * Reads a grid file into an {@link ExperimentGrid}: parse, expand the axes times the seeds, apply
 * {@code --set} overrides, then bind and check every trial against the plugin registry. Every error
 * names the file, line and column of the offending value.
 *
 * <p>A grid:
 * <pre>
 * name: ring                 # folder name of the experiment
 * description: ...           # optional
 * paper: Figure 7            # optional: what of the paper this answers
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
    static final List<String> GRID_FIELDS = List.of("name", "description", "paper", "seeds", "base", "axes");
    static final List<String> SECTIONS = List.of("dataset", "model", "loss", "optimizer", "training", "metrics");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_TRIALS = 10_000;

    private final PluginCatalog catalog;

    public GridLoader(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** Grids and trial configs are a few kilobytes; anything near this is not one, and is refused unread. */
    static final long MAX_FILE_BYTES = 1 << 20;

    public ExperimentGrid load(Path file, List<String> overrides) throws ConfigException {
        checkReadable(file, "grid");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Location.of(file.toString(), 1, 1), "no such grid file; check the path");
        } catch (CharacterCodingException e) {
            throw new ConfigException(Location.of(file.toString(), 1, 1), "the grid is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(Location.of(file.toString(), 1, 1), "cannot read the grid: " + e);
        }
        return parse(text, file.toString(), overrides);
    }

    /**
     * Reads a trial folder's resolved {@code config.yaml} back into a {@link Trial}: the same id and hash
     * as when the sweep wrote it, unless the registry's defaults changed since.
     */
    public Trial loadTrial(Path configYaml) throws ConfigException {
        String file = configYaml.toString();
        checkReadable(configYaml, "trial config");
        JsonNode tree;
        try {
            tree = Yaml.yaml().readTree(Files.readString(configYaml));
        } catch (IOException e) {
            throw new ConfigException(Location.of(file, 1, 1), "cannot read the trial config: " + firstLine(e.getMessage()));
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

    /**
     * Refuses, before reading a byte, what cannot be a grid: a folder, a device or pipe (a link to /dev/zero
     * would be read forever), or a file over {@link #MAX_FILE_BYTES}.
     */
    static void checkReadable(Path file, String what) throws ConfigException {
        Location at = Location.of(file.toString(), 1, 1);
        if (!Files.exists(file)) {
            return; // reading says "no such file" with the same location
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(at, "this is a folder, not a " + what + " file; give the path of a YAML file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(at, "this is not a regular file (a device, pipe or socket, or a link to one);"
                    + " give the path of a YAML " + what + " file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigException(at, "the file is " + size + " bytes; a " + what + " is at most " + MAX_FILE_BYTES
                        + " bytes of YAML (a few kilobytes is usual): is this the right file?");
            }
        } catch (IOException e) {
            throw new ConfigException(at, "cannot read the " + what + ": " + e.getMessage());
        }
    }

    public ExperimentGrid parse(String text, String file, List<String> overrides) throws ConfigException {
        JsonNode root;
        YamlLocator at;
        try {
            root = Yaml.yaml().readTree(text);
            at = YamlLocator.index(file, text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location where = l == null ? Location.of(file, 1, 1) : Location.of(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                // SnakeYAML knows where the problem is; Jackson reports where its token started.
                where = Location.of(file, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            }
            String problem = yamlProblem(e.getOriginalMessage());
            String field = fieldBefore(text, where);
            throw new ConfigException(where, field == null || problem.startsWith("YAML") || problem.startsWith("a second")
                    ? problem : "`" + field + "`: " + problem);
        } catch (IOException e) {
            throw new ConfigException(Location.of(file, 1, 1), "cannot parse the grid: " + e.getMessage());
        }
        if (!at.aliases().isEmpty()) {
            List<String> found = new ArrayList<>();
            for (Location l : at.aliases()) {
                found.add(l + ": YAML aliases (`*name`) are not supported (they would be read as the plain string `name`);"
                        + " write the value out in full, or use an axis or --set to share settings");
            }
            throw new ConfigException(found);
        }
        if (root == null || root.isMissingNode() || root.isNull() || (root.isObject() && root.isEmpty())) {
            throw new ConfigException(Location.of(file, 1, 1), "the grid is empty: give at least `name` and `base` (see experiments/ring.yaml)");
        }
        if (!root.isObject()) {
            throw new ConfigException(at.valueAt(""), "a grid is a mapping with `name`, `base` and optional `axes`, `seeds`; got " + describe(root));
        }
        Errors errors = new Errors();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!GRID_FIELDS.contains(f)) {
                errors.add(at.keyAt("/" + f), "unknown field `" + f + "`" + suggest(f, GRID_FIELDS) + "; grid fields are " + String.join(", ", GRID_FIELDS));
            }
        }
        String name = text(root, "name", at, errors, true);
        if (name != null && !NAME.matcher(name).matches()) {
            errors.add(at.valueAt("/name"), "`name` must be 1-64 letters, digits, '.', '_' or '-' (it names a folder), got '" + name + "'");
        }
        String description = text(root, "description", at, errors, false);
        String paper = text(root, "paper", at, errors, false);
        List<Long> seeds = seeds(root.get("seeds"), at, errors, "/seeds");
        JsonNode base = root.get("base");
        if (base == null) {
            errors.add(at.valueAt(""), "missing `base`: the trial template with dataset, model, loss, optimizer, training");
        } else if (!base.isObject()) {
            errors.add(at.valueAt("/base"), "`base` must be a mapping of sections (" + String.join(", ", SECTIONS) + "), got " + describe(base));
        }
        Map<String, ArrayNode> axes = axes(root.get("axes"), at, errors);
        List<Override> sets = new ArrayList<>();
        for (String s : overrides) {
            Override o = Override.parse(s, errors);
            if (o != null) {
                if (o.path.equals("seeds")) {
                    seeds = seeds(o.value, null, errors, s);
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
                Trial t = expand((ObjectNode) base, axes, axisNames, pick, seed, sets, at, errors);
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
        return new ExperimentGrid(name, description, paper, file, text, List.copyOf(axisNames), List.copyOf(overrides), List.copyOf(trials));
    }

    // ----------------------------------------------------------------------------- expansion

    private Trial expand(ObjectNode base, Map<String, ArrayNode> axes, List<String> axisNames, int[] pick, long seed,
            List<Override> sets, YamlLocator at, Errors errors) {
        ObjectNode tree = base.deepCopy();
        Origins origins = new Origins(at);
        Map<String, String> setting = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < axisNames.size(); i++) {
            String axis = axisNames.get(i);
            JsonNode value = axes.get(axis).get(pick[i]);
            if (isBundle(axis)) {
                for (Iterator<Map.Entry<String, JsonNode>> f = value.fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> fe = f.next();
                    if (!fe.getKey().equals("label")) {
                        String pointer = "/" + fe.getKey().replace(".", "/");
                        put(tree, pointer, fe.getValue().deepCopy());
                        origins.add(pointer, "/axes/" + axis + "/" + pick[i] + "/" + fe.getKey(), null);
                    }
                }
            } else {
                String pointer = "/" + axis.replace(".", "/");
                put(tree, pointer, value.deepCopy());
                origins.add(pointer, "/axes/" + axis + "/" + pick[i], null);
            }
            String label = label(axis, value);
            setting.put(axis, label);
            labels.add(label);
        }
        for (Override o : sets) {
            String pointer = "/" + o.path.replace(".", "/");
            put(tree, pointer, o.value.deepCopy());
            origins.add(pointer, null, o.argument);
        }
        // An override that rewrites an axis's value renames it: the label says what actually ran.
        for (int i = 0; i < axisNames.size(); i++) {
            String axis = axisNames.get(i);
            if (isBundle(axis)) {
                continue;
            }
            for (Override o : sets) {
                if (o.path.equals(axis) || o.path.startsWith(axis + ".") || axis.startsWith(o.path + ".")) {
                    String label = label(axis, tree.at("/" + axis.replace(".", "/")));
                    setting.put(axis, label);
                    labels.set(i, label);
                }
            }
        }
        labels.add("s" + seed);
        String label = sanitize(String.join("_", labels));
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        resolved.put("seed", seed);
        TrialConfig config = resolve(tree, resolved, seed, origins, errors);
        if (config == null) {
            return null;
        }
        String hash = ConfigHash.of(resolved);
        return new Trial(label + "-" + hash.substring(0, 8), label, setting, config, resolved, hash);
    }

    /** Sets {@code value} at {@code pointer}; a mapping without {@code type} merges into a mapping there. */
    private static void put(ObjectNode tree, String pointer, JsonNode value) {
        String[] parts = pointer.substring(1).split("/");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null || !child.isObject()) {
                JsonNode shorthand = child;
                child = parent.putObject(parts[i]);
                if (shorthand != null && shorthand.isTextual()) {
                    ((ObjectNode) child).set("type", shorthand); // `loss: gan` then `loss.generator: minimax`
                }
            }
            parent = (ObjectNode) child;
        }
        String last = parts[parts.length - 1];
        JsonNode existing = parent.get(last);
        if (value.isObject() && !value.has("type") && existing != null && existing.isObject()) {
            ((ObjectNode) existing).setAll((ObjectNode) value);
        } else if (value.isObject() && !value.has("type") && existing != null && existing.isTextual()) {
            ObjectNode merged = parent.putObject(last);
            merged.set("type", existing);
            merged.setAll((ObjectNode) value);
        } else {
            parent.set(last, value);
        }
    }

    // ----------------------------------------------------------------------------- resolution

    private TrialConfig resolve(ObjectNode tree, ObjectNode out, long seed, Origins origins, Errors errors) {
        int before = errors.count();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!SECTIONS.contains(f)) {
                errors.add(origins.key("/" + f), "unknown section `" + f + "`" + suggest(f, SECTIONS) + "; sections are " + String.join(", ", SECTIONS));
            }
        }
        Component dataset = component(Kind.DATASET, tree.get("dataset"), "/dataset", origins, errors, out);
        Component model = component(Kind.ARCHITECTURE, tree.get("model"), "/model", origins, errors, out);
        Component loss = component(Kind.LOSS, tree.get("loss"), "/loss", origins, errors, out);
        Component optimizer = component(Kind.OPTIMIZER, tree.has("optimizer") ? tree.get("optimizer") : JsonNodeFactory.instance.textNode("adam"), "/optimizer", origins, errors, out);
        TrainingConfig training = TrainingConfig.defaults();
        JsonNode t = tree.get("training");
        if (t != null) {
            training = bind(t, TrainingConfig.class, "/training", origins, errors);
        }
        if (training != null) {
            try {
                training.check();
            } catch (FieldError e) {
                errors.add(origins.value("/training/" + e.field()), "`training." + e.field() + "` " + e.getMessage());
            }
            out.set("training", Yaml.json().valueToTree(training));
        }
        List<Component> metrics = new ArrayList<>();
        JsonNode m = tree.get("metrics");
        ArrayNode metricsOut = out.putArray("metrics");
        if (m != null && !m.isArray()) {
            errors.add(origins.value("/metrics"), "`metrics` must be a list of metric names, got " + describe(m));
        } else if (m != null) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < m.size(); i++) {
                ObjectNode holder = JsonNodeFactory.instance.objectNode();
                Component c = component(Kind.METRIC, m.get(i), "/metrics/" + i, origins, errors, holder);
                if (c != null && !names.add(c.type())) {
                    errors.add(origins.value("/metrics/" + i), "metric `" + c.type() + "` is listed twice");
                }
                if (c != null) {
                    metrics.add(c);
                    metricsOut.add(holder.get("metrics"));
                }
            }
        }
        if (errors.count() > before) {
            return null;
        }
        // Metrics say before any training whether they can judge this dataset (building a dataset
        // adapter reads no data; opening it does).
        DatasetAdapter data = (DatasetAdapter) catalog.find(Kind.DATASET, dataset.type()).create(dataset.params());
        Architecture architecture = (Architecture) catalog.find(Kind.ARCHITECTURE, model.type()).create(model.params());
        if (architecture.conditional() && !data.hasLabels()) {
            errors.add(origins.value("/model"), "model `" + model.type() + "` is class-conditional and needs a dataset with labels"
                    + " (font-hanzi, hwdb, fashion-mnist, mnist, cifar10), not `" + dataset.type() + "`");
            return null;
        }
        String tooBig = memoryProblem(model, architecture, data);
        if (tooBig != null) {
            errors.add(origins.value("/model"), tooBig);
            return null;
        }
        for (int i = 0; i < metrics.size(); i++) {
            Component c = metrics.get(i);
            try {
                ((Metric) catalog.find(Kind.METRIC, c.type()).create(c.params())).check(data, architecture);
            } catch (FieldError e) {
                // Field "type": the dataset is the problem; field "model": the architecture is.
                String not = e.field().equals("model") ? ", not `" + model.type() + "`" : ", not `" + dataset.type() + "`";
                errors.add(origins.value("/metrics/" + i), "metric `" + c.type() + "` " + e.getMessage() + not);
            }
        }
        if (errors.count() > before) {
            return null;
        }
        return new TrialConfig(seed, dataset, model, loss, optimizer, training, List.copyOf(metrics));
    }

    /**
     * Null when G and D fit in memory; else what to do. Counted without allocating ({@link ParameterBudget});
     * refused above half of this machine's memory, which weights, gradients and Adam's two moments take
     * before a single activation. A conditional model is counted with one class (its label layer is small).
     */
    private static String memoryProblem(Component model, Architecture architecture, DatasetAdapter data) {
        long params;
        try {
            params = org.gansweep.core.train.ParameterBudget.parameters(model.type() + model.params(), architecture, data.sampleShape(), 1);
        } catch (RuntimeException e) {
            return null; // a shape the architecture refuses is reported when the trial builds it
        }
        long need = org.gansweep.core.train.ParameterBudget.bytes(params);
        long have = org.gansweep.core.train.ParameterBudget.physicalMemory();
        if (have <= 0 || need <= have / 2) {
            return null;
        }
        return "model `" + model.type() + "` has about " + String.format(java.util.Locale.ROOT, "%,d", params)
                + " parameters: " + gib(need) + " for weights, gradients and Adam's moments, more than half of this machine's "
                + gib(have) + "; make it smaller (noiseDim, hidden, filters)";
    }

    private static String gib(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EiB" : String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    private Component component(Kind kind, JsonNode node, String pointer, Origins origins, Errors errors, ObjectNode out) {
        String section = kind.section();
        Collection<String> known = catalog.of(kind).keySet();
        if (node == null) {
            errors.add(origins.value(""), "missing section `" + section + "`: give `" + section + ": {type: ...}` with type one of " + String.join(", ", known));
            return null;
        }
        String type;
        ObjectNode params;
        if (node.isTextual()) {
            type = node.asText();
            params = JsonNodeFactory.instance.objectNode();
        } else if (node.isObject()) {
            JsonNode typeNode = node.get("type");
            if (typeNode == null || !typeNode.isTextual()) {
                errors.add(typeNode == null ? origins.value(pointer) : origins.value(pointer + "/type"),
                        "`" + where(pointer) + "` needs `type`, one of " + String.join(", ", known));
                return null;
            }
            type = typeNode.asText();
            params = ((ObjectNode) node).deepCopy();
            params.remove("type");
        } else {
            errors.add(origins.value(pointer), "`" + where(pointer) + "` must be a type name or a mapping with `type`, got " + describe(node));
            return null;
        }
        Plugin<?, ?> plugin = catalog.find(kind, type);
        if (plugin == null) {
            errors.add(origins.value(node.isTextual() ? pointer : pointer + "/type"),
                    "unknown " + kind.name().toLowerCase() + " `" + type + "`" + suggest(type, known) + "; known: " + String.join(", ", known) + " (gansweep list shows each with its parameters)");
            return null;
        }
        Record record = bind(params, plugin.paramsType(), pointer, origins, errors);
        if (record == null) {
            return null;
        }
        try {
            plugin.checkRecord(record);
        } catch (FieldError e) {
            errors.add(origins.value(pointer + "/" + e.field().replace(".", "/")), "`" + where(pointer) + "." + e.field() + "` " + e.getMessage());
            return null;
        }
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        resolved.put("type", type);
        resolved.setAll((ObjectNode) Yaml.json().valueToTree(record));
        out.set(section, resolved);
        return new Component(type, record);
    }

    private <R> R bind(JsonNode node, Class<R> type, String pointer, Origins origins, Errors errors) {
        if (!node.isObject()) {
            errors.add(origins.value(pointer), "`" + where(pointer) + "` must be a mapping, got " + describe(node));
            return null;
        }
        try {
            return Yaml.json().treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String p = pointer + path(e);
            List<String> known = new ArrayList<>();
            if (e.getKnownPropertyIds() != null) {
                e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            known.sort(null);
            errors.add(origins.key(p), "unknown field `" + e.getPropertyName() + "` in `" + where(pointer) + "`" + suggest(e.getPropertyName(), known)
                    + (known.isEmpty() ? "; it takes no parameters" : "; known: " + String.join(", ", known)));
        } catch (MismatchedInputException e) {
            String p = pointer + path(e);
            JsonNode given = node.at(path(e));
            errors.add(origins.value(p), "`" + where(p) + "` must be " + friendly(e.getTargetType()) + ", got " + describe(given));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            String p = pointer + path(e);
            if (cause instanceof FieldError fe) {
                errors.add(origins.value(pointer + "/" + fe.field()), "`" + where(pointer) + "." + fe.field() + "` " + fe.getMessage());
            } else {
                errors.add(origins.value(p), "`" + where(p) + "`: " + firstLine(e.getOriginalMessage()));
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            errors.add(origins.value(pointer), "`" + where(pointer) + "`: " + firstLine(e.getMessage()));
        }
        return null;
    }

    // ----------------------------------------------------------------------------- grid fields

    private static String text(JsonNode root, String field, YamlLocator at, Errors errors, boolean required) {
        JsonNode n = root.get(field);
        if (n == null) {
            if (required) {
                errors.add(at.valueAt(""), "missing `" + field + "`");
            }
            return null;
        }
        if (!n.isTextual()) {
            errors.add(at.valueAt("/" + field), "`" + field + "` must be a string, got " + describe(n));
            return null;
        }
        return n.asText();
    }

    private static List<Long> seeds(JsonNode n, YamlLocator at, Errors errors, String where) {
        Location loc = at == null ? Location.commandLine(where) : at.valueAt(where);
        if (n == null) {
            return List.of(1L);
        }
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong() || n.asLong() < 1 || n.asLong() > 1000) {
                errors.add(loc, "`seeds` as a count must be between 1 and 1000, got " + n.asText());
                return List.of();
            }
            List<Long> s = new ArrayList<>();
            for (long i = 1; i <= n.asLong(); i++) {
                s.add(i);
            }
            return s;
        }
        if (!n.isArray() || n.isEmpty()) {
            errors.add(loc, "`seeds` must be a count or a non-empty list of integers, got " + describe(n));
            return List.of();
        }
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            Location vl = at == null ? loc : at.valueAt(where + "/" + i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                errors.add(vl, "a seed must be an integer from 0 to " + Long.MAX_VALUE + ", got " + describe(v));
            } else if (s.contains(v.asLong())) {
                errors.add(vl, "seed " + v.asLong() + " is listed twice");
            } else {
                s.add(v.asLong());
            }
        }
        return s;
    }

    private static Map<String, ArrayNode> axes(JsonNode n, YamlLocator at, Errors errors) {
        Map<String, ArrayNode> axes = new LinkedHashMap<>();
        if (n == null) {
            return axes;
        }
        if (!n.isObject()) {
            errors.add(at.valueAt("/axes"), "`axes` must be a mapping from a dotted path (e.g. loss, training.batchSize) to a list of values, got " + describe(n));
            return axes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String p = "/axes/" + key;
            String head = key.split("\\.", -1)[0];
            if (!SECTIONS.contains(head) && !key.contains(".") && e.getValue().isArray() && !e.getValue().isEmpty()
                    && allMappings(e.getValue())) {
                // A bundle axis: each value sets several paths at once, e.g. the paper's "no batch norm in G
                // with Adam" against "no batch norm in G or D with RMSProp".
                for (int i = 0; i < e.getValue().size(); i++) {
                    JsonNode v = e.getValue().get(i);
                    for (Iterator<Map.Entry<String, JsonNode>> f = v.fields(); f.hasNext(); ) {
                        Map.Entry<String, JsonNode> fe = f.next();
                        String path = fe.getKey();
                        String ph = path.split("\\.", -1)[0];
                        if (path.equals("label")) {
                            if (!fe.getValue().isTextual()) {
                                errors.add(at.valueAt(p + "/" + i + "/label"), "`label` must be a string, got " + describe(fe.getValue()));
                            }
                        } else if (!SECTIONS.contains(ph) || path.contains("..") || path.endsWith(".")) {
                            errors.add(at.keyAt(p + "/" + i + "/" + path), "in bundle axis `" + key + "`, `" + path
                                    + "` must be `label` or a dotted path into a trial starting with one of " + String.join(", ", SECTIONS) + suggest(ph, SECTIONS));
                        }
                    }
                }
                axes.put(key, (ArrayNode) e.getValue());
                continue;
            }
            if (!SECTIONS.contains(head) || key.contains("..") || key.endsWith(".") || key.contains("/")) {
                errors.add(at.keyAt(p), "axis `" + key + "` must be a dotted path into a trial, starting with one of " + String.join(", ", SECTIONS) + suggest(head, SECTIONS)
                        + ", or a bundle axis: a list of mappings from such paths to values, with an optional `label`");
            } else if (!e.getValue().isArray()) {
                errors.add(at.valueAt(p), "axis `" + key + "` must be a list of values, got " + describe(e.getValue()));
            } else if (e.getValue().isEmpty()) {
                errors.add(at.valueAt(p), "axis `" + key + "` is empty: give at least one value, or remove the axis");
            } else {
                axes.put(key, (ArrayNode) e.getValue());
            }
        }
        return axes;
    }

    // ----------------------------------------------------------------------------- helpers

    private static boolean allMappings(JsonNode list) {
        for (JsonNode v : list) {
            if (!v.isObject()) {
                return false;
            }
        }
        return true;
    }

    static boolean isBundle(String axis) {
        return !SECTIONS.contains(axis.split("\\.", -1)[0]);
    }

    /** A short readable name for an axis value: its `label`, a type name, or its leaf values. */
    static String label(String axis, JsonNode value) {
        String leaf = axis.substring(axis.lastIndexOf('.') + 1);
        if (value.isObject() && value.has("label") && value.get("label").isTextual()) {
            return value.get("label").asText();
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            if (value.has("type")) {
                parts.add(value.get("type").asText());
            }
            flatten("", value, parts);
            return parts.isEmpty() ? leaf : String.join("-", parts);
        }
        if (value.isTextual() && SECTIONS.contains(axis)) {
            return value.asText();
        }
        return leaf + "=" + scalar(value);
    }

    private static void flatten(String prefix, JsonNode node, List<String> out) {
        node.fields().forEachRemaining(f -> {
            if (f.getKey().equals("type") && prefix.isEmpty()) {
                return;
            }
            String name = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            if (f.getValue().isObject()) {
                flatten(name, f.getValue(), out);
            } else {
                out.add(name + "=" + scalar(f.getValue()));
            }
        });
    }

    private static String scalar(JsonNode v) {
        if (v.isFloatingPointNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String sanitize(String s) {
        String clean = s.replace("=", "").replaceAll("[\\s()/,]+", "-").replaceAll("[^A-Za-z0-9._-]", "");
        return clean.length() > 80 ? clean.substring(0, 80) : clean;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return sb.toString();
    }

    /** {@code /loss/a} as {@code loss.a}; {@code /metrics/0} as {@code metrics[0]}. */
    static String where(String pointer) {
        return pointer.replaceFirst("^/", "").replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "an empty value";
        }
        if (n.isTextual()) {
            return "the string '" + n.asText() + "'";
        }
        if (n.isBoolean()) {
            return "the boolean " + n.asText();
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    private static String friendly(Class<?> t) {
        if (t == null) {
            return "a different type";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "an integer";
        }
        if (t == Double.class || t == double.class || t == Float.class || t == float.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) {
                names.add(c.toString());
            }
            return "one of " + String.join(", ", names);
        }
        return "a mapping";
    }

    /** SnakeYAML's message without its own position lines (the location is already in front). */
    /** The key written just before {@code where} on its line ({@code std} in "std: .nan"), or null. */
    static String fieldBefore(String text, Location where) {
        String[] lines = text.split("\n", -1);
        if (where.line() < 1 || where.line() > lines.length) {
            return null;
        }
        String line = lines[where.line() - 1];
        String head = line.substring(0, Math.min(line.length(), Math.max(0, where.column() - 1)));
        head = head.replaceFirst("[^\\s:{,\\[]*$", ""); // the location may fall inside or after the bad value
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*:\\s*$").matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Jackson's and SnakeYAML's wording turned into what a grid author can act on. */
    private static String yamlProblem(String s) {
        if (s == null) {
            return "YAML syntax error";
        }
        if (s.contains("Trailing token") || s.contains("FAIL_ON_TRAILING_TOKENS")) {
            return "a second YAML document starts here (after a `---` line); a grid file holds exactly one document:"
                    + " remove the `---` line, or split the file into two grids";
        }
        if (s.contains("nesting depth")) {
            return "the YAML nests deeper than 1000 levels; a grid nests a few levels (is this the right file?)";
        }
        java.util.regex.Matcher nonFinite = java.util.regex.Pattern.compile("Malformed numeric value '([^']*)'").matcher(s);
        if (nonFinite.find()) {
            String v = nonFinite.group(1);
            return v.toLowerCase(java.util.Locale.ROOT).matches("[-+]?\\.(nan|inf)")
                    ? "`" + v + "` is not a finite number; every setting must be a finite number (write e.g. 0.01)"
                    : "`" + v + "` is not a number YAML can read; write it as e.g. 0.001 or 1e-3";
        }
        return "YAML syntax error: " + yamlText(s);
    }

    private static String yamlText(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            String l = line.trim();
            if (l.isEmpty() || line.startsWith("    ") || l.startsWith("in 'reader'") || l.startsWith("^") || l.matches(".*line \\d+, column \\d+:?$")) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(l);
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** A "did you mean" for near misses (edit distance at most 2). */
    static String suggest(String given, Collection<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : new TreeSet<>(known)) {
            int d = distance(given.toLowerCase(), k.toLowerCase());
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best == null || best.equals(given) ? "" : " (did you mean `" + best + "`?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A {@code --set path=value} argument. */
    private record Override(String argument, String path, JsonNode value) {
        static Override parse(String argument, Errors errors) {
            int eq = argument.indexOf('=');
            Location loc = Location.commandLine(argument);
            if (eq <= 0) {
                errors.add(loc, "expected path=value, e.g. --set training.steps=200");
                return null;
            }
            String path = argument.substring(0, eq).trim();
            String head = path.split("\\.", -1)[0];
            if (!path.equals("seeds") && (!SECTIONS.contains(head) || path.contains("..") || path.endsWith("."))) {
                errors.add(loc, "`" + path + "` is not a path into a trial: it must start with one of " + String.join(", ", SECTIONS) + ", or be `seeds`");
                return null;
            }
            try {
                JsonNode value = Yaml.yaml().readTree(argument.substring(eq + 1));
                return new Override(argument, path, value == null || value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
            } catch (JsonProcessingException e) {
                errors.add(loc, "the value is not valid YAML: " + firstLine(e.getOriginalMessage()));
                return null;
            }
        }
    }

    /** Where each part of an expanded trial came from: an axis value, an override, or the base template. */
    private static final class Origins {
        private final YamlLocator at;
        private final List<String[]> rules = new ArrayList<>(); // {trialPrefix, gridPrefix or null, argument or null}

        Origins(YamlLocator at) {
            this.at = at;
        }

        void add(String trialPrefix, String gridPrefix, String argument) {
            rules.add(new String[] {trialPrefix, gridPrefix, argument});
        }

        Location value(String pointer) {
            return locate(pointer, true);
        }

        Location key(String pointer) {
            return locate(pointer, false);
        }

        private Location locate(String pointer, boolean value) {
            for (int i = rules.size() - 1; i >= 0; i--) {
                String[] r = rules.get(i);
                if (pointer.equals(r[0]) || pointer.startsWith(r[0] + "/")) {
                    if (r[2] != null) {
                        return Location.commandLine(r[2]);
                    }
                    String g = r[1] + pointer.substring(r[0].length());
                    if (at.has(g) || pointer.equals(r[0])) {
                        return value ? at.valueAt(g) : at.keyAt(g);
                    }
                }
            }
            String g = "/base" + pointer;
            if (!at.has(g)) {
                // Not in the template: made by a dotted path that runs through it (a bundle's
                // `model.generatr.batchNorm` makes `model/generatr`), so point at that path.
                for (int i = rules.size() - 1; i >= 0; i--) {
                    String[] r = rules.get(i);
                    if (r[0].startsWith(pointer + "/")) {
                        return r[2] != null ? Location.commandLine(r[2]) : at.keyAt(r[1]);
                    }
                }
            }
            return value ? at.valueAt(g) : at.keyAt(g);
        }
    }

    /** Collects errors, de-duplicated: a mistake in the base template repeats in every trial. */
    private static final class Errors {
        private final Set<String> messages = new LinkedHashSet<>();
        private int reported;

        void add(Location where, String message) {
            messages.add(where + ": " + message);
            reported++;
        }

        /** Errors reported so far, repeats included: what tells whether one trial had any. */
        int count() {
            return reported;
        }

        void throwIfAny() throws ConfigException {
            if (!messages.isEmpty()) {
                throw new ConfigException(new ArrayList<>(messages));
            }
        }
    }
}
