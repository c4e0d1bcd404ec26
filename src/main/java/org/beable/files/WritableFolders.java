package org.beable.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides whether a script may write a file: only inside the output folder
 * (--out, the current folder by default) or a folder the user allowed with --allow-write. A script
 * from someone else must not reach `/etc` with an absolute path, `../..`, or a symbolic link that
 * points out of the folder, so the check is made on real paths (links resolved), not on the text.
 */
public final class WritableFolders {
    private final Path output;
    private final List<Path> allowed;

    /** Refused: the message names the path, the hint says how to allow it. */
    public static final class Refused extends RuntimeException {
        private final String hint;

        Refused(String message, String hint) {
            super(message, null, false, false);
            this.hint = hint;
        }

        public String hint() { return hint; }
    }

    public WritableFolders(Path output, List<Path> allowed) {
        this.output = output;
        this.allowed = List.copyOf(allowed);
    }

    /**
     * The file a script names, taken from the output folder when relative, once it is known to lie
     * inside the output folder or an allowed one (after following links).
     */
    public Path resolve(String name) {
        Path file = output.resolve(name).toAbsolutePath().normalize();
        Path parent = file.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new Refused("cannot write '" + name + "': folder '" + parent + "' does not exist", null);
        }
        Path real = realLocation(file, name);
        for (Path root : roots()) if (real.startsWith(root)) return file;
        throw new Refused("cannot write '" + name + "': it is outside the output folder '" + shown(output) + "'",
                "scripts write only inside the output folder; choose it with --out DIR, or allow another folder with --allow-write DIR");
    }

    /** Where the bytes would really go: the file itself when it exists (a link is followed), else its folder's real path. */
    private static Path realLocation(Path file, String name) {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                    return file.getParent().toRealPath().resolve(Files.readSymbolicLink(file)).normalize();
                }
                return file.toRealPath();
            }
            return file.getParent().toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            throw new Refused("cannot write '" + name + "': " + e.getMessage(), null);
        }
    }

    private List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        for (Path folder : allowedFolders()) {
            try {
                roots.add(folder.toRealPath());
            } catch (IOException e) {
                // a folder that vanished allows nothing
            }
        }
        return roots;
    }

    private List<Path> allowedFolders() {
        List<Path> folders = new ArrayList<>(allowed);
        folders.add(0, output.toAbsolutePath());
        return folders;
    }

    private static String shown(Path folder) {
        return folder.toString().isEmpty() ? "." : folder.toString();
    }
}
