package org.gansweep.core.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The wording of grid errors: where a value is, what it is, what was probably meant, and YAML problems in words. */
final class GridMessages {
    private GridMessages() {}

    static String path(JsonMappingException e) {
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

    static String friendly(Class<?> t) {
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

    /** The key written just before {@code where} on its line ({@code std} in "std: .nan"), or null. */
    static String fieldBefore(String text, Location where) {
        String[] lines = text.split("\n", -1);
        if (where.line() < 1 || where.line() > lines.length) {
            return null;
        }
        String line = lines[where.line() - 1];
        String head = line.substring(0, Math.min(line.length(), Math.max(0, where.column() - 1)));
        head = head.replaceFirst("[^\\s:{,\\[]*$", ""); // the location may fall inside or after the bad value
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*:\\s*$").matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Jackson's and SnakeYAML's wording turned into what a grid author can act on. */
    static String yamlProblem(String s) {
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
        Matcher nonFinite = Pattern.compile("Malformed numeric value '([^']*)'").matcher(s);
        if (nonFinite.find()) {
            String v = nonFinite.group(1);
            return v.toLowerCase(Locale.ROOT).matches("[-+]?\\.(nan|inf)")
                    ? "`" + v + "` is not a finite number; every setting must be a finite number (write e.g. 0.01)"
                    : "`" + v + "` is not a number YAML can read; write it as e.g. 0.001 or 1e-3";
        }
        return "YAML syntax error: " + yamlText(s);
    }

    /** SnakeYAML's message without its own position lines (the location is already in front). */
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

    static String firstLine(String s) {
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
}
