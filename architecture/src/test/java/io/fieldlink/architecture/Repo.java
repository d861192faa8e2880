package io.fieldlink.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the repository root and the build outputs of its modules. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("fieldlink.root");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("build/portable-signatures.txt"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (build/portable-signatures.txt)");
        }
        return dir;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The compiled main classes of a module, e.g. {@code "firmware/core"}. */
    static Path mainClasses(String module) {
        Path classes = root().resolve(module).resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("module " + module + " is not compiled: " + classes + " is missing");
        }
        return classes;
    }
}
