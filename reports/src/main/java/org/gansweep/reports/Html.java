package org.gansweep.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Escaping and table markup for the report's HTML, Markdown and CSV. */
public final class Html {
    private Html() {}

    /**
     * The report page's style, report.css beside this class: one rule a line there, joined without line breaks here
     * so that the page has the one-line style it always had.
     */
    public static String stylesheet() {
        try (InputStream in = Html.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the reports jar");
            }
            return String.join("", new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static String table(List<String> header, List<List<String>> rows) {
        return markupTable(header, rows.stream().map(r -> r.stream().map(Html::escape).toList()).toList());
    }

    /** A table whose cells are markup already (links); the header is text. */
    public static String markupTable(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table>\n<tr>");
        header.forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            r.forEach(c -> sb.append("<td>").append(c).append("</td>"));
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** A link to a relative path, each segment percent-encoded where a trial label could put an unsafe character. */
    public static String link(String path, String text) {
        return "<a href=\"" + escape(encodePath(path)) + "\">" + escape(text) + "</a>";
    }

    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "/._~-".indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    public static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("| ");
        sb.append(String.join(" | ", header.stream().map(Html::md).toList())).append(" |\n|");
        header.forEach(h -> sb.append(" --- |"));
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r.stream().map(Html::md).toList())).append(" |\n");
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }
}
