package org.linli.forum.persistence;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: a fresh cluster from the machine's own PostgreSQL
 * binaries (Debian's postgresql package, which .ci/run installs), listening on a free loopback
 * port, trusted local access, removed again on {@link #close()}. PostgreSQL refuses to run as
 * root, so under root it runs as the postgres user.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path binaries, Path directory, int port, boolean asPostgresUser) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path binaries = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Path.of(run(root, List.of("mktemp", "-d", "/tmp/linli-pg-XXXXXX")).strip());
        int port = freePort();
        PostgresServer server = new PostgresServer(binaries, directory, port, root);
        server.exec(List.of(binaries.resolve("initdb").toString(), "-D", directory.resolve("data").toString(),
                "-U", "linli", "-A", "trust", "-E", "UTF8", "--no-locale"));
        server.resume();
        return server;
    }

    /** Stops the server (a fast shutdown: sessions are ended, as in a restart or fail-over); {@link #resume()} brings it back on the same data. */
    public void pause() throws IOException, InterruptedException {
        exec(List.of(binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    }

    /** Starts the server on its data, on the same port. */
    public void resume() throws IOException, InterruptedException {
        exec(List.of(binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
                "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
    }

    /** The loopback port it listens on (database postgres, user linli, no password needed). */
    public int port() {
        return port;
    }

    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("linli");
        return dataSource;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(directory.resolve("data/postmaster.pid"))) {
                pause();
            }
        } finally {
            run(asPostgresUser, List.of("rm", "-rf", directory.toString()));
        }
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        run(asPostgresUser, command);
    }

    private static String run(boolean asPostgresUser, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed:\n" + output);
        }
        return output;
    }

    private static Path findBinaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.map(v -> v.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries under " + debian
                + ": install Debian's postgresql package (apt-get install postgresql), as .ci/run does.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
