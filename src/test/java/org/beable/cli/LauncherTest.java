package org.beable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `beable` launcher script, run in a copy of the repository with stand-ins for `java` and `mvn`
 * that record how they were called (the real build is not the point here, and would be slow).
 */
class LauncherTest {
    static final Path LAUNCHER = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "beable");

    @TempDir
    Path dir;
    Path repo;
    Path bin;

    @BeforeEach
    void copyOfTheRepository() throws IOException {
        repo = Files.createDirectories(dir.resolve("repo"));
        Files.copy(LAUNCHER, repo.resolve("beable"));
        executable(repo.resolve("beable"));
        bin = Files.createDirectories(dir.resolve("fake-bin"));
        script(bin.resolve("java"), "echo \"java $*\" >> \"" + dir.resolve("calls") + "\"");
        script(bin.resolve("mvn"), "echo \"mvn $* in $PWD\" >> \"" + dir.resolve("calls") + "\"; printf '\\033[0m\\033[0m'; mkdir -p target; touch target/beable.jar");
    }

    @Test
    void aSymbolicLinkToTheLauncherRunsTheRepositorysJar() throws Exception {
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/beable.jar"), "");
        Path link = Files.createDirectories(dir.resolve("home/bin")).resolve("beable");
        Files.createSymbolicLink(link, repo.resolve("beable"));
        assertEquals(0, run(link, "-e", "1"));
        String calls = calls();
        assertTrue(calls.contains("-jar " + repo.toRealPath().resolve("target/beable.jar") + " -e 1"), calls);
        assertTrue(!calls.contains("mvn"), calls);
    }

    @Test
    void theBuildSendsNoColourCodesToAStderrThatIsNotATerminal() throws Exception {
        assertEquals(0, run(repo.resolve("beable"), "-e", "1"));
        String calls = calls();
        assertTrue(calls.contains("mvn -q -B -Dstyle.color=never"), calls);
        String err = Files.readString(dir.resolve("err"));
        assertTrue(err.contains("building") && !err.contains("\u001b"), err);
    }

    private int run(Path launcher, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = launcher.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return pb.start().waitFor();
    }

    private String calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readString(calls) : "(no calls) " + Files.readString(dir.resolve("err"));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n", StandardCharsets.UTF_8);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
