package org.linli.forum.e2e;

import org.linli.forum.persistence.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The forum as an operator runs it, in a WildFly of its own that a test may kill like a power
 * cut takes a process (SIGKILL, no shutdown hook) and start again on the same data. It runs on a
 * private copy of the provisioned configuration, with its own port offset and data directory,
 * and the default database (the embedded H2 file), so what it tests is what a newcomer gets.
 */
final class ForumProcess implements AutoCloseable {

    private final Path wildfly;
    private final Path base;
    private final Path data;
    private final int offset;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process launcher;

    ForumProcess(Path wildfly, Path base, Path data, int offset) {
        this.wildfly = wildfly;
        this.base = base;
        this.data = data;
        this.offset = offset;
        this.log = base.resolve("server.out");
    }

    /** A fresh server folder with the packaged EAR, and an empty data directory. */
    void prepare(Path ear) throws IOException {
        deleteTree(base);
        deleteTree(data);
        copyTree(wildfly.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(ear, base.resolve("deployments").resolve(ear.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(data);
    }

    /** The settings (for {@link #start}) that put the forum's database on {@code postgres}. */
    static String[] onPostgres(PostgresServer postgres) {
        return new String[] {"-Dlinli.db.driver=postgresql",
                "-Dlinli.db.url=jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
                "-Dlinli.db.user=linli", "-Dlinli.db.password=unused"};
    }

    /** Starts the server (with {@code settings}, more -D options) and waits until the home page answers. */
    void start(Duration patience, String... settings) throws IOException, InterruptedException {
        launch(settings);
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + log);
            }
            if (status("/") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not answer within " + patience + "; see " + log);
    }

    private void launch(String... settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(wildfly.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Dlinli.data.dir=" + data,
                "-Dlinli.mode=demo",
                "-Dlinli.flood.interval=0",
                // No SMTP server here: notifications wait in the outbox.
                "-Dlinli.smtp.port=1"));
        command.addAll(List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_OPTS", "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true");
        // As the load benchmark: standalone.sh's default serialization filter refuses the
        // Chinese analyzer's dictionaries.
        environment.put("JDK_SERIAL_FILTER", "maxbytes=10485760;maxdepth=128;maxarray=500000;maxrefs=300000");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        launcher = builder.start();
    }

    /**
     * Starts a server that has no forum, such as the cluster's load balancer
     * ({@code -c standalone-load-balancer.xml} among {@code settings}), and waits until its HTTP
     * port answers at all.
     */
    void startWithoutForum(Duration patience, String... settings) throws IOException, InterruptedException {
        launch(settings);
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + log);
            }
            if (status("/") != -1) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not answer within " + patience + "; see " + log);
    }

    /**
     * The readiness WildFly reports on the management interface: its status (200 ready, 503 not)
     * and the checks' report; empty when the server does not answer.
     */
    Optional<HttpResponse<String>> readiness() {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (9990 + offset) + "/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The server JVM's CPU time so far (user and system), for CPU per request. */
    Duration cpu() {
        return launcher == null ? Duration.ZERO : launcher.descendants()
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** SIGKILL to the server's JVM (and the script that started it): no shutdown, no flush. */
    void kill() throws InterruptedException {
        if (launcher == null) {
            return;
        }
        List<ProcessHandle> processes = Stream.concat(launcher.descendants(), Stream.of(launcher.toHandle())).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().join();
        }
        launcher = null;
    }

    /** Runs one management command through WildFly's CLI (local authentication, as the server's own user); returns its output. */
    String cli(String command) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(wildfly.resolve("bin/jboss-cli.sh").toString(),
                "--controller=127.0.0.1:" + (9990 + offset), "--connect", "--command=" + command)
                .redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!cli.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || cli.exitValue() != 0) {
            throw new IOException("jboss-cli " + command + " failed:\n" + output);
        }
        return output;
    }

    String url(String path) {
        return "http://127.0.0.1:" + (8080 + offset) + path;
    }

    int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String get(String path) throws IOException, InterruptedException {
        return find(path).orElseThrow(() -> new IOException(path + " was not found"));
    }

    /** The page at {@code path}; empty when it answers 404; any other status but 200 is an error. */
    Optional<String> find(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return Optional.of(response.body());
    }

    Path data() {
        return data;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                try {
                    Path target = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
