package io.fieldlink.architecture;

import de.thetaphi.forbiddenapis.Checker;
import de.thetaphi.forbiddenapis.ForbiddenApiException;
import de.thetaphi.forbiddenapis.Logger;
import de.thetaphi.forbiddenapis.ParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs forbiddenapis with the repository's portable signatures over a directory of class files,
 * the same check the build's {@code portable} profile runs, and returns what it reports.
 */
final class PortableApiGate {
    private PortableApiGate() {
    }

    static List<String> violations(Path classes) throws IOException, ParseException {
        List<String> messages = new ArrayList<>();
        Logger logger = new Logger() {
            @Override
            public void error(String msg) {
                messages.add(msg);
            }

            @Override
            public void warn(String msg) {
            }

            @Override
            public void info(String msg) {
            }

            @Override
            public void debug(String msg) {
            }
        };
        Checker checker = new Checker(logger, ClassLoader.getSystemClassLoader(),
                Checker.Option.FAIL_ON_VIOLATION, Checker.Option.IGNORE_SIGNATURES_OF_MISSING_CLASSES);
        checker.parseSignaturesFile(Repo.file("build/portable-signatures.txt").toFile());
        List<String> classFiles;
        try (Stream<Path> walk = Files.walk(classes)) {
            classFiles = walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString())
                    .toList();
        }
        checker.addClassesToCheck(classes.toFile(), classFiles);
        try {
            checker.run();
            return List.of();
        } catch (ForbiddenApiException e) {
            return messages.isEmpty() ? List.of(e.getMessage()) : messages;
        }
    }
}
