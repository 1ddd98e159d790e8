package rdmloadtest.merge;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdmloadtest.config.ConfigSource;
import rdmloadtest.config.Settings;
import rdmloadtest.run.LoadTestConfig;
import rdmloadtest.slo.Slo;

/** k8s/ validated offline: every manifest parsed into fabric8's typed model, no field unknown to Kubernetes. */
class InjectorManifestsTest {
    private static final Path K8S = Path.of("k8s");
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<?>> KINDS = Map.of(
            "Job",
            Job.class,
            "ConfigMap",
            ConfigMap.class,
            "PersistentVolumeClaim",
            PersistentVolumeClaim.class,
            "Pod",
            Pod.class);

    @TempDir
    Path tmp;

    @Test
    void everyManifestIsAKnownKindWithoutUnknownFields() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(K8S)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(
                List.of("collect-pod.yaml", "configmap.yaml", "job.yaml", "pvc.yaml"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            Object o = parse(f, Object.class);
            List<String> unknown = new ArrayList<>();
            unknownFields(o, f.getFileName().toString(), unknown);
            assertEquals(
                    List.of(),
                    unknown,
                    f + ": fields Kubernetes does not know (a typo is silently dropped by the API)");
        }
    }

    @Test
    void jobIsIndexedAndTellsEachPodItsShare() throws IOException {
        Job job = parse(K8S.resolve("job.yaml"), Job.class);
        assertEquals("Indexed", job.getSpec().getCompletionMode());
        int n = job.getSpec().getCompletions();
        assertTrue(n >= 2, "a Job of one injector needs no merge");
        assertEquals(n, job.getSpec().getParallelism(), "every injector must run at the same time");
        assertEquals(0, job.getSpec().getBackoffLimit(), "a retried injector would send its share twice");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy());
        Container c = injector(pod);

        List<String> args = c.getArgs();
        assertTrue(args.contains("-Dinjector.index=$(JOB_COMPLETION_INDEX)"), args.toString());
        assertTrue(args.contains("-Dinjector.count=$(INJECTOR_COUNT)"), args.toString());
        assertEquals(String.valueOf(n), env(c, "INJECTOR_COUNT").getValue(), "INJECTOR_COUNT must equal completions");
        assertTrue(args.contains("-Drun.id=$(RUN_ID)"), args.toString());
        EnvVar runId = env(c, "RUN_ID");
        assertEquals(
                "rdm-loadtest-config", runId.getValueFrom().getConfigMapKeyRef().getName());
        assertEquals("run.id", runId.getValueFrom().getConfigMapKeyRef().getKey());
        // Kubernetes leaves $(X) as it is when X is not in the container's env: the flag would be the literal text.
        Matcher m = Pattern.compile("\\$\\(([A-Z_]+)\\)").matcher(String.join(" ", args));
        while (m.find()) {
            String var = m.group(1);
            assertTrue(
                    var.equals("JOB_COMPLETION_INDEX")
                            || c.getEnv().stream().anyMatch(e -> e.getName().equals(var)),
                    "$(" + var + ") in args but not in the container's env");
        }

        assertTrue(args.contains("-Dprofile.file=/config/profile.properties"), args.toString());
        assertTrue(args.contains("-Dslo.file=/config/slo.json"), args.toString());
        Volume config = volumeAt(pod, c, "/config");
        assertEquals("rdm-loadtest-config", config.getConfigMap().getName());
        assertEquals(
                List.of("profile.properties", "slo.json"),
                config.getConfigMap().getItems().stream().map(i -> i.getPath()).toList());
        assertTrue(args.contains("-Dslo.enforce=false"), "one injector's 1/N share must not fail on its own: " + args);

        Volume results = volumeAt(pod, c, "/results");
        assertEquals("rdm-loadtest-results", results.getPersistentVolumeClaim().getClaimName());
        assertEquals("/results", env(c, "RESULTS_DIR").getValue());
        assertFalse(mount(c, "/results").map(VolumeMount::getReadOnly).orElse(false), "results must be writable");

        for (String r : List.of("cpu", "memory")) {
            assertNotNull(c.getResources().getRequests().get(r), "resources.requests." + r);
            assertNotNull(c.getResources().getLimits().get(r), "resources.limits." + r);
        }
    }

    @Test
    void tokensComeOnlyFromTheSecret() throws IOException {
        Container c = injector(parse(K8S.resolve("job.yaml"), Job.class)
                .getSpec()
                .getTemplate()
                .getSpec());
        List<EnvVar> tokens =
                c.getEnv().stream().filter(e -> e.getName().contains("TOKEN")).toList();
        assertEquals(
                List.of("INVENIO_TOKEN", "INVENIO_TOKENS"),
                tokens.stream().map(EnvVar::getName).toList());
        for (EnvVar e : tokens) {
            assertNull(e.getValue(), e.getName() + " has a literal value");
            assertEquals(
                    "rdm-loadtest-token", e.getValueFrom().getSecretKeyRef().getName(), e.getName());
        }
        assertTrue(
                c.getArgs().stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).contains("token")),
                c.getArgs().toString());
        ConfigMap cm = parse(K8S.resolve("configmap.yaml"), ConfigMap.class);
        for (Map.Entry<String, String> d : cm.getData().entrySet()) {
            if (d.getKey().equals("slo.json")) continue;
            assertFalse(
                    (d.getKey() + d.getValue()).toLowerCase(Locale.ROOT).contains("token"),
                    "the ConfigMap mentions a token in " + d.getKey());
        }
    }

    @Test
    void configMapHoldsAValidProfileAndSloFile() throws IOException {
        ConfigMap cm = parse(K8S.resolve("configmap.yaml"), ConfigMap.class);
        Map<String, String> data = cm.getData();
        assertTrue(data.get("run.id").matches("[A-Za-z0-9._-]+"), "run.id names a folder: " + data.get("run.id"));
        assertTrue(data.get("simulation").startsWith("rdmloadtest.simulations."), data.get("simulation"));
        assertDoesNotThrow(() -> Class.forName(data.get("simulation")));
        Path profile = Files.writeString(tmp.resolve("profile.properties"), data.get("profile.properties"));
        Settings s = new Settings(ConfigSource.ofMap(Map.of(
                "profile",
                data.get("profile"),
                "profile.file",
                profile.toString(),
                "injector.index",
                "1",
                "injector.count",
                "4")));
        LoadTestConfig cfg = LoadTestConfig.from(s, Map.of());
        assertTrue(cfg.baseUrl().isPresent(), "the ConfigMap's profile names the instance under test");
        Path slo = Files.writeString(tmp.resolve("slo.json"), data.get("slo.json"));
        assertFalse(Slo.read(slo.toString()).groups().isEmpty());
    }

    @Test
    void volumeIsSharedAndTheCollectPodReadsIt() throws IOException {
        PersistentVolumeClaim pvc = parse(K8S.resolve("pvc.yaml"), PersistentVolumeClaim.class);
        assertEquals("rdm-loadtest-results", pvc.getMetadata().getName());
        assertEquals(List.of("ReadWriteMany"), pvc.getSpec().getAccessModes(), "all injector pods write at once");
        Pod collect = parse(K8S.resolve("collect-pod.yaml"), Pod.class);
        Container c = collect.getSpec().getContainers().get(0);
        Volume v = volumeAt(collect.getSpec(), c, "/results");
        assertEquals("rdm-loadtest-results", v.getPersistentVolumeClaim().getClaimName());
        assertTrue(mount(c, "/results").orElseThrow().getReadOnly(), "collecting must not change the results");
        assertNotNull(c.getResources().getLimits().get("memory"));
    }

    @Test
    void imageShipsBuiltClassesAndItsEntrypointRunsGatlingWithoutMaven() throws Exception {
        // Under target/, not a JUnit @TempDir: that one warns about every link to a jar outside it.
        Path tmp = Files.createTempDirectory(
                Files.createDirectories(Path.of("target").toAbsolutePath()), "injector-image");
        String docker = Files.readString(Path.of("Dockerfile"));
        assertTrue(docker.contains("COPY k8s/entrypoint.sh /usr/local/bin/rdm-loadtest-injector"), docker);
        assertTrue(docker.contains("ENTRYPOINT [\"/usr/local/bin/rdm-loadtest-injector\"]"), docker);
        assertFalse(docker.substring(docker.lastIndexOf("FROM ")).contains("mvn"), "the run-time stage has no Maven");

        // The image's layout, from this build: classes, test-classes, lib/*.jar and data, under APP_HOME.
        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.createSymbolicLink(
                app.resolve("classes"), Path.of("target/classes").toAbsolutePath());
        Files.createSymbolicLink(
                app.resolve("test-classes"), Path.of("target/test-classes").toAbsolutePath());
        Files.createSymbolicLink(app.resolve("data"), Path.of("data").toAbsolutePath());
        Path lib = Files.createDirectories(app.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(jar)) {
                Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        // A PATH with no mvn on it: only what the script itself calls.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("sh", "ls", "mkdir")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/bin", tool));
        }
        Path results = tmp.resolve("results");
        ProcessBuilder pb = new ProcessBuilder(
                        bin.resolve("sh").toString(),
                        K8S.resolve("entrypoint.sh").toAbsolutePath().toString(),
                        "-Dsimulation=rdmloadtest.simulations.SearchSimulation",
                        "-Dprofile=smoke")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("console.txt").toFile());
        pb.environment().clear();
        pb.environment()
                .putAll(Map.of(
                        "PATH",
                        bin.toString(),
                        "RUN_ID",
                        "r1",
                        "JOB_COMPLETION_INDEX",
                        "1",
                        "RESULTS_DIR",
                        results.toString(),
                        "APP_HOME",
                        app.toString(),
                        "JAVA",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the injector run did not end");
        String console = Files.readString(tmp.resolve("console.txt"));
        assertEquals(0, p.exitValue(), console);
        try (Stream<Path> runs = Files.list(results.resolve("r1/injector-1"))) {
            assertTrue(
                    runs.anyMatch(d -> d.getFileName().toString().startsWith("searchsimulation-")
                            && Files.isRegularFile(d.resolve("simulation.log"))),
                    console);
        }
    }

    private static <T> T parse(Path f, Class<T> type) throws IOException {
        JsonNode tree = YAML.readTree(f.toFile());
        Class<?> cls = KINDS.get(tree.path("kind").asText());
        assertNotNull(cls, f + ": unexpected kind " + tree.path("kind"));
        Class<?> target = type == Object.class ? cls : type;
        return type.cast(YAML.treeToValue(tree, target));
    }

    private static Container injector(PodSpec pod) {
        assertEquals(1, pod.getContainers().size());
        return pod.getContainers().get(0);
    }

    private static EnvVar env(Container c, String name) {
        return c.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static Optional<VolumeMount> mount(Container c, String path) {
        return c.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(path))
                .findFirst();
    }

    private static Volume volumeAt(PodSpec pod, Container c, String path) {
        VolumeMount m = mount(c, path).orElseThrow(() -> new AssertionError("nothing mounted at " + path));
        return pod.getVolumes().stream()
                .filter(v -> v.getName().equals(m.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("mount " + m.getName() + " names no volume"));
    }

    /** fabric8 keeps fields it does not know in additionalProperties instead of failing: collect them all. */
    private static void unknownFields(Object o, String path, List<String> out) {
        if (o == null) return;
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) unknownFields(e, path + "[" + i++ + "]", out);
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, out));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) return;
        for (Method g : o.getClass().getMethods()) {
            if (g.getParameterCount() != 0
                    || Modifier.isStatic(g.getModifiers())
                    || !g.getName().startsWith("get")
                    || g.getDeclaringClass() == Object.class) continue;
            try {
                Object v = g.invoke(o);
                if (g.getName().equals("getAdditionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) out.add(path + ": " + extra.keySet());
                    continue;
                }
                unknownFields(v, path + "." + g.getName().substring(3), out);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(path + "." + g.getName(), e);
            }
        }
    }
}
