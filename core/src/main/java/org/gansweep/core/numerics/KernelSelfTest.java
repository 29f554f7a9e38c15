package org.gansweep.core.numerics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.DigestUtils;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.store.AtomicFiles;
import org.gansweep.core.store.CacheFolder;
import org.gansweep.core.train.CpuInfo;

/**
 * Verifies an instruction-set level on this machine: runs the {@link KernelProbe} in a process of its own with the
 * level's variables and {@code ONEDNN_VERBOSE=1}, names the oneDNN implementation behind each family from the
 * trace, and caches the verdicts per processor model and flags, library versions, level and thread count, so the
 * check costs seconds once per machine type. A failed level is cached as failed: gansweep never trains on it.
 */
public final class KernelSelfTest {
    /** Bump when a check changes, so that cached verdicts are made again. */
    public static final String VERSION = "2";
    private static final long TIMEOUT_SECONDS = 300;

    /** Starts the probe: a JVM running {@code gansweep doctor --probe} with these variables added. */
    public interface ProbeStarter {
        Process start(Map<String, String> env) throws IOException;
    }

    private final ProbeStarter starter;
    private final boolean cached;

    public KernelSelfTest(ProbeStarter starter) {
        this(starter, true);
    }

    /** With {@code cached} false, every verdict is a fresh probe's and none is stored. */
    public KernelSelfTest(ProbeStarter starter, boolean cached) {
        this.starter = starter;
        this.cached = cached;
    }

    /** The cached verdicts for this level, or a fresh probe's (cached unless a fault is injected). */
    public SelfTestReport verify(String level, Map<String, String> env) throws IOException {
        return verify(level, env, false);
    }

    /** As {@link #verify(String, Map)}; {@code fresh} probes again even where a verdict is cached. */
    public SelfTestReport verify(String level, Map<String, String> env, boolean fresh) throws IOException {
        String inject = CodePaths.get(KernelProbe.INJECT);
        String key = key(env);
        Path cached = CacheFolder.root().resolve("selftest").resolve(key + ".json");
        boolean store = this.cached && inject == null;
        if (store && !fresh && Files.isRegularFile(cached)) {
            try {
                return Yaml.json().readValue(cached.toFile(), SelfTestReport.class);
            } catch (IOException e) {
                // unreadable (cut off, another version): probe again and replace it
            }
        }
        SelfTestReport report = probe(key, level, env);
        if (store) {
            Files.createDirectories(cached.getParent());
            AtomicFiles.write(cached, Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        }
        return report;
    }

    private SelfTestReport probe(String key, String level, Map<String, String> env) throws IOException {
        long start = System.nanoTime();
        Map<String, String> withTrace = new LinkedHashMap<>(env);
        withTrace.put("ONEDNN_VERBOSE", "1");
        Process p = starter.start(withTrace);
        p.getOutputStream().close();
        List<FamilyResult> results = new ArrayList<>();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> read(p.getInputStream(), results, tail), "selftest-probe-reader");
        reader.setDaemon(true);
        reader.start();
        boolean ended;
        try {
            ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("the kernel self-test was interrupted");
        }
        List<FamilyResult> all;
        synchronized (results) {
            all = new ArrayList<>(results);
        }
        if (!ended || p.exitValue() != 0 || all.isEmpty()) {
            String why = !ended ? "the probe did not finish within " + TIMEOUT_SECONDS + " s"
                    : "the probe exited with " + p.exitValue();
            String last;
            synchronized (tail) {
                last = String.join(" | ", tail);
            }
            all.add(new FamilyResult("probe", "any", false, "gansweep doctor --probe", why + "; its last lines: " + last, 0));
        }
        double seconds = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
        return new SelfTestReport(key, level, env, machine().get("model name"), libraries(), all,
                Instant.now().toString(), seconds);
    }

    /** Reads the probe's output: its result lines, with the oneDNN implementations traced between each pair of marks. */
    private static void read(InputStream in, List<FamilyResult> results, Deque<String> tail) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> traced = new LinkedHashSet<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(KernelProbe.MARK + "begin ")) {
                    traced.clear();
                } else if (line.startsWith(KernelProbe.MARK + "result ")) {
                    FamilyResult fr = Yaml.json().readValue(line.substring((KernelProbe.MARK + "result ").length()), FamilyResult.class);
                    if (!traced.isEmpty()) {
                        fr = fr.withLibrary("onednn " + String.join(", ", traced));
                    }
                    synchronized (results) {
                        results.add(fr);
                    }
                } else if (line.startsWith("onednn_verbose,")) {
                    String impl = implementation(line);
                    if (impl != null) {
                        traced.add(impl);
                    }
                } else {
                    synchronized (tail) {
                        tail.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                        if (tail.size() > 8) {
                            tail.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            synchronized (tail) {
                tail.addLast("reading the probe failed: " + e);
            }
        }
    }

    /**
     * "brgconv_strided:avx2 backward_data" from a trace line
     * {@code onednn_verbose,v1,primitive,exec,cpu,convolution,IMPL,PROP,...}; null for reorders and other lines.
     */
    static String implementation(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i + 3 < f.length; i++) {
            if (f[i].equals("exec") && f[i + 1].equals("cpu")) {
                String kind = f[i + 2];
                if (kind.equals("reorder")) {
                    return null;
                }
                return (kind.equals("convolution") ? "" : kind + " ") + f[i + 3] + " " + f[i + 4];
            }
        }
        return null;
    }

    /** The cache key: the checks' version, the processor, the libraries, the variables and the thread count. */
    static String key(Map<String, String> env) {
        StringBuilder sb = new StringBuilder("selftest v").append(VERSION).append('\n');
        machine().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append("libraries=").append(libraries()).append('\n');
        new TreeMap<>(env).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append("threads=").append(System.getProperty("ai.djl.pytorch.num_threads", "default"))
                .append('/').append(CodePaths.get("OMP_NUM_THREADS")).append('\n');
        return DigestUtils.sha256Hex(sb.toString()).substring(0, 16);
    }

    /** The first processor's identity and flags from /proc/cpuinfo (flags sorted, so their order never matters). */
    public static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of("vendor_id", "cpu family", "model", "stepping", "model name", "flags")) {
            m.put(k, "unknown");
        }
        Map<String, String> first = CpuInfo.here();
        if (first.isEmpty()) {
            // not Linux: the key then holds "unknown" and the JVM's view of the architecture
            m.put("model name", System.getProperty("os.arch"));
        }
        for (String k : m.keySet()) {
            String v = first.get(k);
            if (v != null) {
                m.put(k, k.equals("flags") ? String.join(" ", new TreeSet<>(List.of(v.split("\\s+")))) : v);
            }
        }
        return m;
    }

    /** The processor's feature flags. */
    public static Set<String> cpuFlags() {
        return new TreeSet<>(List.of(machine().get("flags").split(" ")));
    }

    /** libtorch's, the JNI's and DJL's versions, as their jars state them. */
    public static String libraries() {
        StringBuilder sb = new StringBuilder();
        for (String[] r : new String[][] {{"native/lib/pytorch.properties", "version", "flavor"},
                {"jnilib/pytorch.properties", "jni_version", null}, {"pytorch-engine.properties", "djl_version", null}}) {
            Properties p = new Properties();
            try (InputStream in = KernelSelfTest.class.getClassLoader().getResourceAsStream(r[0])) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // absent: "unknown" below
            }
            sb.append(sb.length() == 0 ? "" : " ").append(r[1]).append('=').append(p.getProperty(r[1], "unknown"));
            if (r[2] != null) {
                sb.append('-').append(p.getProperty(r[2], "unknown"));
            }
        }
        // A local libtorch is known by what it is (its flavor and version, and its kernels' file by size), not
        // where it sits: the same library in another folder shares its verdicts.
        String local = CodePaths.get(LocalLibtorch.PATH);
        if (local != null) {
            Path cpu = Path.of(local, "libtorch_cpu.so");
            long size;
            try {
                size = Files.size(cpu);
            } catch (IOException e) {
                size = -1;
            }
            sb.append(" local_libtorch_cpu_bytes=").append(size);
        }
        for (String v : List.of(LocalLibtorch.VERSION, LocalLibtorch.FLAVOR)) {
            String x = CodePaths.get(v);
            if (x != null) {
                sb.append(' ').append(v).append('=').append(x);
            }
        }
        return sb.toString();
    }
}
