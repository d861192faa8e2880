package io.fieldlink.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads class file major versions (51 = Java 7, 61 = Java 17). */
final class ClassFileVersion {
    private ClassFileVersion() {
    }

    static int of(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + classFile);
            }
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }

    /** The highest major version of the class files under a directory; 0 when there are none. */
    static int highestIn(Path classes) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        int highest = 0;
        for (Path file : files) {
            highest = Math.max(highest, of(file));
        }
        return highest;
    }
}
