package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default experiment's report (shortened) as a reader's browser shows it: headless Chromium loads
 * index.html, every image must decode and every relative link must open, and a screenshot is written to
 * {@code target/report-screenshot.png}. Skipped, saying why, where no Chromium is installed.
 */
class ReportInBrowserTest {
    /** Runs in the page after load; writes the problems it found into the body's data-check attribute. */
    private static final String CHECK = """
            <script>
            window.addEventListener('load', () => {
              const bad = [];
              document.querySelectorAll('img').forEach(i => {
                if (!(i.complete && i.naturalWidth > 0)) bad.push('image ' + i.getAttribute('src'));
              });
              document.querySelectorAll('a[href]').forEach(a => {
                const h = a.getAttribute('href');
                if (/^[a-z]+:/i.test(h) || h.startsWith('#')) return;
                const x = new XMLHttpRequest();
                try { x.open('GET', h, false); x.send(); } catch (e) { bad.push('link ' + h + ' (' + e.name + ')'); }
              });
              document.body.setAttribute('data-check', JSON.stringify(bad));
              document.body.setAttribute('data-images', String(document.querySelectorAll('img').length));
            });
            </script>
            """;

    @Test
    void theDefaultReportLoadsWithEveryImageAndLink(@TempDir Path tmp) throws Exception {
        Path chromium = browser();
        assumeTrue(chromium != null, "no Chromium on the PATH (Debian: apt-get install chromium); the report's browser check is skipped");
        Tiny.Result run = Tiny.cli("run", "--out", tmp.toString(), "--workers", "1", "--set", "training.steps=60",
                "--set", "training.evalEvery=20", "--set", "seeds=[1, 2]");
        assertEquals(0, run.code(), run.err());
        Path report = tmp.resolve("ring/report");
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        // A copy of the page with the check appended, beside it so that its relative links resolve the same.
        Path checked = report.resolve("index.browser-check.html");
        Files.writeString(checked, html.replace("</body>", CHECK + "</body>"), StandardCharsets.UTF_8);

        String dom = chromium(chromium, "--dump-dom", checked.toUri().toString());
        Matcher problems = Pattern.compile("data-check=\"([^\"]*)\"").matcher(dom);
        assertTrue(problems.find(), "the check did not run in the page: " + dom.substring(0, Math.min(500, dom.length())));
        assertEquals("[]", problems.group(1).replace("&quot;", "\""), "missing images or broken links in " + report.resolve("index.html"));
        Matcher images = Pattern.compile("data-images=\"(\\d+)\"").matcher(dom);
        assertTrue(images.find() && Integer.parseInt(images.group(1)) >= 3, "the report shows fewer than 3 images");

        Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium(chromium, "--screenshot=" + shot, "--window-size=1280,2400", report.resolve("index.html").toUri().toString());
        assertTrue(Files.size(shot) > 10_000, "no screenshot at " + shot);
    }

    private static Path browser() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String chromium(Path chromium, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--allow-file-access-from-files", "--virtual-time-budget=5000", "--hide-scrollbars"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 2 minutes");
        assertEquals(0, p.exitValue(), "chromium failed: " + String.join(" ", cmd));
        return new String(out, StandardCharsets.UTF_8);
    }
}
