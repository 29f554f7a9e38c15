package org.gansweep.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The grid's own fields (name, description, paper, seeds, base, axes) and the labels of axis values. */
final class GridFields {
    static final List<String> GRID_FIELDS = List.of("name", "description", "paper", "paperSteps", "numerics", "claims", "authors", "seeds", "base", "axes");
    static final List<String> SECTIONS = List.of("dataset", "model", "loss", "optimizer", "training", "metrics");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private GridFields() {}

    static final List<String> CLAIM_FIELDS = List.of("claim", "metric", "better", "axis", "compare", "success", "where", "threshold", "margin");

    /** The grid's {@code claims:} list, each entry checked field by field. */
    static List<Claim> claims(JsonNode n, YamlLocator at, GridErrors errors) {
        List<Claim> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            errors.add(at.valueAt("/claims"), "`claims` must be a list of claims (claim, metric, better, axis, compare), got " + GridMessages.describe(n));
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode c = n.get(i);
            String p = "/claims/" + i;
            if (!c.isObject()) {
                errors.add(at.valueAt(p), "a claim is a mapping with claim, metric, better, axis, compare, got " + GridMessages.describe(c));
                continue;
            }
            Claim claim = claim(c, p, at, errors);
            if (claim != null) {
                out.add(claim);
            }
        }
        return out;
    }

    /** A claim's groups and, for a claim about one group, the threshold it is tested against. */
    private record Groups(List<String> groups, Double threshold) {}

    /** One claim, every field checked in turn; null when any had an error. */
    private static Claim claim(JsonNode c, String p, YamlLocator at, GridErrors errors) {
        int before = errors.count();
        c.fieldNames().forEachRemaining(f -> {
            if (!CLAIM_FIELDS.contains(f)) {
                errors.add(at.keyAt(p + "/" + f), "unknown field `" + f + "` in a claim" + GridMessages.suggest(f, CLAIM_FIELDS)
                        + "; claim fields are " + String.join(", ", CLAIM_FIELDS));
            }
        });
        String text = claimText(c, "claim", p, at, errors);
        String metric = claimText(c, "metric", p, at, errors);
        String axis = claimText(c, "axis", p, at, errors);
        String better = claimText(c, "better", p, at, errors);
        if (better != null && !better.equals("higher") && !better.equals("lower")) {
            errors.add(at.valueAt(p + "/better"), "`better` must be `higher` or `lower`, got '" + better + "'");
        }
        Groups groups = claimGroups(c, p, at, errors);
        Double success = claimSuccess(c, groups.groups().size(), p, at, errors);
        Map<String, String> where = claimWhere(c, p, at, errors);
        Double margin = claimMargin(c, groups.groups().size(), success, p, at, errors);
        if (errors.count() > before) {
            return null;
        }
        return new Claim(text, metric, better, axis, List.copyOf(groups.groups()), success, where, groups.threshold(), margin);
    }

    /** {@code compare}: two groups, the favoured first, or one group with a {@code threshold}. */
    private static Groups claimGroups(JsonNode c, String p, YamlLocator at, GridErrors errors) {
        JsonNode cmp = c.get("compare");
        List<String> groups = new ArrayList<>();
        JsonNode th = c.get("threshold");
        if (cmp == null || !cmp.isArray() || cmp.size() < 1 || cmp.size() > 2 || !cmp.get(0).isTextual()
                || (cmp.size() == 2 && !cmp.get(1).isTextual())) {
            errors.add(cmp == null ? at.valueAt(p) : at.valueAt(p + "/compare"),
                    "`compare` must be two axis values, the favoured group first, e.g. [lsgan-binary, gan], or one value with a `threshold`");
            return new Groups(groups, null);
        }
        cmp.forEach(g -> groups.add(g.asText()));
        if (groups.size() == 1 && (th == null || !th.isNumber() || !Double.isFinite(th.asDouble()))) {
            errors.add(th == null ? at.valueAt(p + "/compare") : at.valueAt(p + "/threshold"),
                    "a claim about one group needs `threshold`, the number its values are claimed to exceed (higher) or stay under (lower)");
        } else if (groups.size() == 2 && th != null) {
            errors.add(at.keyAt(p + "/threshold"), "`threshold` goes with one group in `compare`; with two groups use `success` for a success rate");
        } else if (th != null) {
            return new Groups(groups, th.asDouble());
        }
        return new Groups(groups, null);
    }

    /** {@code success}: the threshold a seed must reach, for comparing two groups' success rates; null when absent. */
    private static Double claimSuccess(JsonNode c, int groups, String p, YamlLocator at, GridErrors errors) {
        JsonNode s = c.get("success");
        if (s != null && groups == 1) {
            errors.add(at.keyAt(p + "/success"), "`success` compares two groups' success rates; a claim about one group uses `threshold`");
        } else if (s != null) {
            if (!s.isNumber() || !Double.isFinite(s.asDouble())) {
                errors.add(at.valueAt(p + "/success"), "`success` must be a number (the threshold a seed must reach), got " + GridMessages.describe(s));
            } else {
                return s.asDouble();
            }
        }
        return null;
    }

    /** {@code where}: other axes, each with the one value the claim's trials have. */
    private static Map<String, String> claimWhere(JsonNode c, String p, YamlLocator at, GridErrors errors) {
        Map<String, String> where = new LinkedHashMap<>();
        JsonNode w = c.get("where");
        if (w != null && !w.isObject()) {
            errors.add(at.valueAt(p + "/where"), "`where` must map other axes to one of their values, e.g. {ablation: BN_G}, got " + GridMessages.describe(w));
        } else if (w != null) {
            w.fields().forEachRemaining(f -> where.put(f.getKey(), f.getValue().asText()));
        }
        return where;
    }

    /** {@code margin}: the difference of means within which two groups count as equivalent; null when absent. */
    private static Double claimMargin(JsonNode c, int groups, Double success, String p, YamlLocator at, GridErrors errors) {
        JsonNode mg = c.get("margin");
        if (mg != null && (groups != 2 || success != null)) {
            errors.add(at.keyAt(p + "/margin"), "`margin` (equivalence of two groups' values) goes with two groups in `compare`"
                    + " and no `success`");
        } else if (mg != null && (!mg.isNumber() || !(mg.asDouble() > 0) || !Double.isFinite(mg.asDouble()))) {
            errors.add(at.valueAt(p + "/margin"), "`margin` must be a positive number in the metric's units (the difference of"
                    + " means within which the groups count as equivalent), got " + GridMessages.describe(mg));
        } else if (mg != null) {
            return mg.asDouble();
        }
        return null;
    }

    private static String claimText(JsonNode c, String field, String p, YamlLocator at, GridErrors errors) {
        JsonNode v = c.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            errors.add(v == null ? at.valueAt(p) : at.valueAt(p + "/" + field), "a claim needs `" + field + "` (text), got "
                    + (v == null ? "nothing" : GridMessages.describe(v)));
            return null;
        }
        return v.asText();
    }

    /** The {@code authors:} section: {@code source} and {@code settings} rows of setting, here, authors, why. */
    static AuthorsSettings authors(JsonNode n, YamlLocator at, GridErrors errors) {
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            errors.add(at.valueAt("/authors"), "`authors` must be a mapping with `source` (text) and `settings` (a list of"
                    + " {setting, here, authors, why}), got " + GridMessages.describe(n));
            return null;
        }
        boolean ok = true;
        if (!n.path("source").isTextual()) {
            errors.add(n.has("source") ? at.valueAt("/authors/source") : at.keyAt("/authors"), "`authors.source` must say where the"
                    + " authors' settings come from (text, e.g. a repository and file), got "
                    + (n.has("source") ? GridMessages.describe(n.get("source")) : "nothing"));
            ok = false;
        }
        if (!n.path("settings").isArray()) {
            errors.add(n.has("settings") ? at.valueAt("/authors/settings") : at.keyAt("/authors"), "`authors.settings` must be a list"
                    + " of rows {setting, here, authors, why} (each row starts with `- `), got "
                    + (n.has("settings") ? GridMessages.describe(n.get("settings")) : "nothing"));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        List<AuthorsSettings.Row> rows = new ArrayList<>();
        JsonNode list = n.get("settings");
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String p = "/authors/settings/" + i;
            if (!r.isObject() || !r.has("setting") || !r.has("here") || !r.has("authors")
                    || !r.get("setting").isValueNode() || !r.get("here").isValueNode() || !r.get("authors").isValueNode()) {
                errors.add(at.valueAt(p), "a settings row is {setting, here, authors, why}: each a plain value, got " + GridMessages.describe(r));
                continue;
            }
            String here = r.get("here").asText();
            String theirs = r.get("authors").asText();
            String why = r.path("why").asText("");
            if (!here.equals(theirs) && why.isBlank()) {
                errors.add(at.valueAt(p), "`" + r.get("setting").asText() + "` differs from the authors' (" + here + " against " + theirs
                        + "): say `why`");
                continue;
            }
            rows.add(new AuthorsSettings.Row(r.get("setting").asText(), here, theirs, why));
        }
        return new AuthorsSettings(n.get("source").asText(), List.copyOf(rows));
    }

    /** {@code numerics}: fastest (the default) or portable; null when absent. */
    static String numerics(JsonNode n, YamlLocator at, GridErrors errors) {
        if (n == null) {
            return null;
        }
        if (!n.isTextual() || !(n.asText().equals("fastest") || n.asText().equals("portable"))) {
            errors.add(at.valueAt("/numerics"), "`numerics` must be fastest (the fastest code paths this machine verifies,"
                    + " the default) or portable (AVX2 paths, the same numbers on every processor generation), got "
                    + GridMessages.describe(n));
            return null;
        }
        return n.asText();
    }

    /** {@code paperSteps}: 0 when absent. */
    static int paperSteps(JsonNode n, YamlLocator at, GridErrors errors) {
        if (n == null) {
            return 0;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1) {
            errors.add(at.valueAt("/paperSteps"), "`paperSteps` must be a positive whole number of steps, got " + GridMessages.describe(n));
            return 0;
        }
        return n.asInt();
    }

    static String text(JsonNode root, String field, YamlLocator at, GridErrors errors, boolean required) {
        JsonNode n = root.get(field);
        if (n == null) {
            if (required) {
                errors.add(at.valueAt(""), "missing `" + field + "`");
            }
            return null;
        }
        if (!n.isTextual()) {
            errors.add(at.valueAt("/" + field), "`" + field + "` must be a string, got " + GridMessages.describe(n));
            return null;
        }
        return n.asText();
    }

    /**
     * {@code seeds: {sequential: {first: 5, step: 5, max: 40}}}: seeds in rounds until the claims are decided; null
     * when {@code seeds} is a count or a list (or missing).
     */
    static SequentialSeeds sequential(JsonNode n, YamlLocator at, GridErrors errors, String where) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Location loc = at == null ? Location.commandLine(where) : at.valueAt(where);
        JsonNode s = n.get("sequential");
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!f.equals("sequential")) {
                errors.add(at == null ? loc : at.keyAt(where + "/" + f), "unknown field `" + f + "` in `seeds`: as a mapping, `seeds` is"
                        + " {sequential: {first: 5, step: 5, max: 40}}");
            }
        }
        if (s == null || !s.isObject()) {
            errors.add(loc, "`seeds` as a mapping must be {sequential: {first: 5, step: 5, max: 40}} (seeds in rounds until every"
                    + " claim is decided), got " + GridMessages.describe(n));
            return null;
        }
        int before = errors.count();
        int[] v = new int[3];
        List<String> fields = SequentialSeeds.FIELDS;
        s.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                errors.add(at == null ? loc : at.keyAt(where + "/sequential/" + f), "unknown field `" + f + "` in `seeds.sequential`"
                        + GridMessages.suggest(f, fields) + "; its fields are first, step, max");
            }
        });
        for (int i = 0; i < 3; i++) {
            JsonNode x = s.get(fields.get(i));
            Location xl = at == null ? loc : at.valueAt(where + "/sequential" + (x == null ? "" : "/" + fields.get(i)));
            if (x == null || !x.isIntegralNumber() || !x.canConvertToInt()) {
                errors.add(xl, "`seeds.sequential." + fields.get(i) + "` must be an integer, got "
                        + (x == null ? "nothing" : GridMessages.describe(x)));
            } else {
                v[i] = x.asInt();
            }
        }
        if (errors.count() > before) {
            return null;
        }
        String problem = SequentialSeeds.problem(v[0], v[1], v[2]);
        if (problem != null) {
            errors.add(loc, problem);
            return null;
        }
        return new SequentialSeeds(v[0], v[1], v[2]);
    }

    static List<Long> seeds(JsonNode n, YamlLocator at, GridErrors errors, String where) {
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
            errors.add(loc, "`seeds` must be a count or a non-empty list of integers, got " + GridMessages.describe(n));
            return List.of();
        }
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            Location vl = at == null ? loc : at.valueAt(where + "/" + i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                errors.add(vl, "a seed must be an integer from 0 to " + Long.MAX_VALUE + ", got " + GridMessages.describe(v));
            } else if (s.contains(v.asLong())) {
                errors.add(vl, "seed " + v.asLong() + " is listed twice");
            } else {
                s.add(v.asLong());
            }
        }
        return s;
    }

    static Map<String, ArrayNode> axes(JsonNode n, YamlLocator at, GridErrors errors) {
        Map<String, ArrayNode> axes = new LinkedHashMap<>();
        if (n == null) {
            return axes;
        }
        if (!n.isObject()) {
            errors.add(at.valueAt("/axes"), "`axes` must be a mapping from a dotted path (e.g. loss, training.batchSize) to a list of values, got " + GridMessages.describe(n));
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
                checkBundle(key, (ArrayNode) e.getValue(), at, errors);
                axes.put(key, (ArrayNode) e.getValue());
                continue;
            }
            if (!SECTIONS.contains(head) || key.contains("..") || key.endsWith(".") || key.contains("/")) {
                errors.add(at.keyAt(p), "axis `" + key + "` must be a dotted path into a trial, starting with one of " + String.join(", ", SECTIONS) + GridMessages.suggest(head, SECTIONS)
                        + ", or a bundle axis: a list of mappings from such paths to values, with an optional `label`");
            } else if (!e.getValue().isArray()) {
                errors.add(at.valueAt(p), "axis `" + key + "` must be a list of values, got " + GridMessages.describe(e.getValue()));
            } else if (e.getValue().isEmpty()) {
                errors.add(at.valueAt(p), "axis `" + key + "` is empty: give at least one value, or remove the axis");
            } else {
                axes.put(key, (ArrayNode) e.getValue());
            }
        }
        axes.forEach((key, values) -> distinctLabels(key, values, at, errors));
        return axes;
    }

    /** Each value of a bundle axis maps dotted paths into a trial to values, with an optional `label`. */
    private static void checkBundle(String key, ArrayNode values, YamlLocator at, GridErrors errors) {
        String p = "/axes/" + key;
        for (int i = 0; i < values.size(); i++) {
            for (Iterator<Map.Entry<String, JsonNode>> f = values.get(i).fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> fe = f.next();
                String path = fe.getKey();
                String ph = path.split("\\.", -1)[0];
                if (path.equals("label")) {
                    if (!fe.getValue().isTextual()) {
                        errors.add(at.valueAt(p + "/" + i + "/label"), "`label` must be a string, got " + GridMessages.describe(fe.getValue()));
                    }
                } else if (!SECTIONS.contains(ph) || path.contains("..") || path.endsWith(".")) {
                    errors.add(at.keyAt(p + "/" + i + "/" + path), "in bundle axis `" + key + "`, `" + path
                            + "` must be `label` or a dotted path into a trial starting with one of " + String.join(", ", SECTIONS) + GridMessages.suggest(ph, SECTIONS));
                }
            }
        }
    }

    /**
     * Two values of one axis must name two settings: with the same label (or the same trial-folder name once made
     * safe for a file name) their trials would be averaged as if they were seeds of one setting.
     */
    private static void distinctLabels(String axis, ArrayNode values, YamlLocator at, GridErrors errors) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String label = label(axis, values.get(i));
            String name = sanitize(label);
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                errors.add(at.valueAt("/axes/" + axis + "/" + i), "axis `" + axis + "`: value " + (i + 1) + " is named '" + label
                        + "' like value " + (first + 1) + " ('" + label(axis, values.get(first)) + "'), so their trials could not be told"
                        + " apart; give each value its own `label`, or drop the repeated value");
            }
        }
    }

    static boolean allMappings(JsonNode list) {
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
        if (value.isTextual() && (SECTIONS.contains(axis) || leaf.equals("type"))) { // a plug-in name names itself
            return value.asText();
        }
        return leaf + "=" + scalar(value);
    }

    static void flatten(String prefix, JsonNode node, List<String> out) {
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

    static String scalar(JsonNode v) {
        if (v.isFloatingPointNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    static String sanitize(String s) {
        String clean = s.replace("=", "").replaceAll("[\\s()/,]+", "-").replaceAll("[^A-Za-z0-9._-]", "");
        // Never a hidden folder ('.'), one a shell command reads as an option ('-'), or an empty name.
        clean = clean.replaceAll("^[.-]+", "");
        clean = clean.isEmpty() ? "setting" : clean;
        return clean.length() > 80 ? clean.substring(0, 80) : clean;
    }
}
