package org.beable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.golden.InProcess;
import org.beable.golden.InProcess.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A script from someone else writes only inside the output folder (--out) or a folder given with --allow-write. */
class FileSafetyTest {
    @TempDir
    Path root;
    Path out;
    Path outside;

    @BeforeEach
    void folders() throws IOException {
        out = Files.createDirectories(root.resolve("a/b/out"));
        outside = Files.createDirectories(root.resolve("outside"));
    }

    Result export(String name, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "-e";
        args[1] = "row x = 1, y = 2; export results to \"" + name + "\"";
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return InProcess.run(args);
    }

    @Test
    void aPlainNameIsWrittenInsideTheOutputFolder() {
        Result r = export("t.csv");
        assertEquals(0, r.exit(), r::describe);
        assertTrue(Files.isRegularFile(out.resolve("t.csv")));
    }

    @Test
    void aSubfolderOfTheOutputFolderIsInside() throws IOException {
        Files.createDirectories(out.resolve("sub"));
        Result r = export("sub/../sub/t.json");
        assertEquals(0, r.exit(), r::describe);
        assertTrue(Files.isRegularFile(out.resolve("sub/t.json")));
    }

    @Test
    void anAbsolutePathOutsideIsRefused() {
        Path target = outside.resolve("x.csv");
        Result r = export(target.toString());
        assertRefused(r, target.toString());
        assertFalse(Files.exists(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.csv", "../../../outside/x.csv", "../../../../../../../../../../tmp/beable-escape-test.csv"})
    void dotDotThatLeavesTheFolderIsRefused(String name) {
        assertRefused(export(name), name);
        assertFalse(Files.exists(out.resolve(name).normalize()));
    }

    @Test
    void aLinkedFolderPointingOutCountsAsLeaving() throws IOException {
        Files.createSymbolicLink(out.resolve("link"), outside);
        assertRefused(export("link/x.csv"), "link/x.csv");
        assertFalse(Files.exists(outside.resolve("x.csv")));
    }

    @Test
    void aLinkedFilePointingOutIsNotWrittenThrough() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim.csv"), "keep me");
        Files.createSymbolicLink(out.resolve("v.csv"), victim);
        assertRefused(export("v.csv"), "v.csv");
        assertEquals("keep me", Files.readString(victim));
    }

    @Test
    void aDanglingLinkPointingOutIsRefused() throws IOException {
        Files.createSymbolicLink(out.resolve("d.csv"), outside.resolve("new.csv"));
        assertRefused(export("d.csv"), "d.csv");
        assertFalse(Files.exists(outside.resolve("new.csv")));
    }

    @Test
    void allowWriteOpensAnotherFolder() {
        Path target = outside.resolve("x.csv");
        Result r = export(target.toString(), "--allow-write", outside.toString());
        assertEquals(0, r.exit(), r::describe);
        assertTrue(Files.isRegularFile(target));
    }

    @Test
    void allowWriteMustNameAFolder() {
        Result r = export("t.csv", "--allow-write", root.resolve("nope").toString());
        assertEquals(Main.USAGE, r.exit(), r::describe);
        assertTrue(r.err().contains("--allow-write") && r.err().contains("is not a folder"), r::describe);
    }

    @Test
    void plotToAFileFollowsTheSameRule() {
        Path target = outside.resolve("p.svg");
        Result r = InProcess.run("-e", "row x = 1, y = 2; row x = 2, y = 3; plot y vs x to \"" + target + "\"", "--out", out.toString());
        assertRefused(r, target.toString());
        assertFalse(Files.exists(target));
    }

    private static void assertRefused(Result r, String name) {
        assertEquals(Main.SCRIPT_ERROR, r.exit(), r::describe);
        assertTrue(r.errLines().get(0).contains("cannot write '" + name + "': it is outside the output folder"), r::describe);
        assertTrue(r.err().contains("hint: scripts write only inside the output folder"), r::describe);
        assertFalse(r.err().contains("Exception"), r::describe);
    }
}
