package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL in a real terminal: tmux runs `beable` on a pseudo-terminal, types into it and
 * presses Ctrl-C. Skipped when tmux is not installed. Uses its own tmux server socket.
 */
class TmuxCtrlCTest {
    private final String socket = "beable-test-" + ProcessHandle.current().pid();
    private final String session = "repl";

    @TempDir Path dir;

    @Test
    @Timeout(90)
    void ctrlCCancelsARunningEntryAndTheSessionGoesOn() throws Exception {
        assumeTrue(tmuxAvailable(), "tmux is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", quote(java), "-cp", quote(System.getProperty("java.class.path")),
                "-D" + Repl.HISTORY_PROPERTY + "=" + quote(dir.resolve("history").toString()),
                "org.beable.cli.Main", "; echo EXIT=$?; sleep 60");
        tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command);
        await("beable>");
        keys("let kept = 5", "Enter");
        // The entry prints "looping" (not a text typed on the screen) once it runs.
        keys("let n = 0; print \"loop\" + \"ing\"; while true { n = n + 1 }", "Enter");
        await("looping");
        Thread.sleep(300);
        keys("C-c");
        await("cancelled");
        keys("kept * 2 + 1", "Enter");
        await("11");
        String screen = screen(true);
        assertTrue(screen.matches("(?s).*\u001b\\[[0-9;]*m(let)\u001b.*"), "keywords are coloured:\n" + screen);
        keys("C-d");
        await("EXIT=0");
    }

    @AfterEach
    void stopTmux() throws Exception {
        if (tmuxAvailable()) run(List.of("tmux", "-L", socket, "kill-server"));
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private String screen(boolean escapes) throws Exception {
        return escapes ? tmux("capture-pane", "-p", "-e", "-t", session) : tmux("capture-pane", "-p", "-t", session);
    }

    private void await(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!screen(false).contains(text)) {
            if (System.nanoTime() > deadline) throw new AssertionError("never saw '" + text + "' on:\n" + screen(false));
            Thread.sleep(100);
        }
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    private static boolean tmuxAvailable() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
