package org.beable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beable.golden.InProcess;
import org.beable.golden.InProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What FILE may be: UTF-8 text (with or without a byte-order mark); anything else is named, not a Java exception. */
class ScriptFileTest {
    @TempDir
    Path dir;

    @Test
    void aBinaryFileIsNotATextFileAtTheFirstBadByte() throws IOException {
        Path file = Files.write(dir.resolve("bin.beable"), new byte[] {'p', 'r', 'i', 'n', 't', ' ', '1', '\n', (byte) 0xff, (byte) 0xfe, 0});
        Result r = InProcess.run(file.toString());
        assertEquals(Main.SCRIPT_ERROR, r.exit(), r::describe);
        assertEquals(List.of(file + ": not a text file (invalid UTF-8 at byte 8)", "hint: a Beable script is UTF-8 text"), r.errLines());
        assertEquals("", r.out(), "nothing runs");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path file = Files.write(dir.resolve("bom.beable"), new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'p', 'r', 'i', 'n', 't', ' ', '4', '2', '\n'});
        Result r = InProcess.run(file.toString());
        assertEquals(0, r.exit(), r::describe);
        assertEquals("42\n", r.out());
    }

    @Test
    void aFolderIsNamedAsAFolder() {
        Result r = InProcess.run(dir.toString());
        assertEquals(Main.USAGE, r.exit(), r::describe);
        assertEquals("beable: cannot read '" + dir + "': it is a folder, not a script file\n", r.err());
    }

    @Test
    void aDeviceIsNamedAsSuch() {
        Result r = InProcess.run("/dev/null");
        assertEquals(Main.USAGE, r.exit(), r::describe);
        assertEquals("beable: cannot read '/dev/null': it is a device or another special file, not a script file\n", r.err());
    }

    @Test
    void controlCharactersAreEscapedWhenALineIsEchoed() throws IOException {
        Path file = Files.writeString(dir.resolve("ctl.beable"), "print 1 \u001b[2J + nope\n");
        Result r = InProcess.run(file.toString());
        assertEquals(Main.SCRIPT_ERROR, r.exit(), r::describe);
        assertFalse(r.err().contains("\u001b"), r::describe);
        assertEquals(List.of(file + ":1:9: unexpected character '\\x1b'", "  print 1 \\x1b[2J + nope", "          ^~~~"), r.errLines().subList(0, 3));
    }
}
