package io.fieldlink.architecture;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * Compiles a sample from {@code architecture/src/test/resources/samples} with the release the
 * build uses for that kind of code, so the gates can be run on code that breaks the rules.
 */
final class SampleCompiler {
    /** What javac said, and where the class files went. */
    record Result(boolean compiled, String diagnostics, Path classes) {
    }

    private SampleCompiler() {
    }

    /**
     * @param samples   file names under samples/, e.g. {@code UsesLambda.java.txt}; a file's class is the part before the first dot
     * @param release   the {@code --release} value
     * @param classpath extra class path entries
     */
    static Result compile(List<String> samples, String release, Path workDir, Path... classpath) throws IOException {
        List<String> sourceFiles = new ArrayList<>();
        for (String sample : samples) {
            Path source = Repo.file("architecture/src/test/resources/samples/" + sample);
            String packageDir = packageOf(Files.readString(source)).replace('.', '/');
            Path sourceFile = workDir.resolve("src").resolve(packageDir).resolve(sample.substring(0, sample.indexOf('.')) + ".java");
            Files.createDirectories(sourceFile.getParent());
            Files.copy(source, sourceFile);
            sourceFiles.add(sourceFile.toString());
        }
        Path classes = Files.createDirectories(workDir.resolve("classes"));

        List<String> args = new ArrayList<>(List.of("--release", release, "-Xlint:-options", "-d", classes.toString()));
        if (classpath.length > 0) {
            List<String> entries = new ArrayList<>();
            for (Path entry : classpath) {
                entries.add(entry.toString());
            }
            args.add("-cp");
            args.add(String.join(File.pathSeparator, entries));
        }
        args.addAll(sourceFiles);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, args.toArray(new String[0]));
        return new Result(status == 0, diagnostics.toString(StandardCharsets.UTF_8), classes);
    }

    private static String packageOf(String source) {
        for (String line : source.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("package ")) {
                return trimmed.substring("package ".length(), trimmed.indexOf(';')).strip();
            }
        }
        return "";
    }
}
