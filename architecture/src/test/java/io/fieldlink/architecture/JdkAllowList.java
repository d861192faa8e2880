package io.fieldlink.architecture;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * The portable code's JDK class allow-list, checked with jdeps: every JDK class a class file
 * references must be on the list. Reports each offending reference as {@code from -> jdk class}.
 */
final class JdkAllowList {
    private final Set<String> allowed;

    private JdkAllowList(Set<String> allowed) {
        this.allowed = allowed;
    }

    static JdkAllowList load(Path file) throws IOException {
        Set<String> allowed = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                allowed.add(entry);
            }
        }
        return new JdkAllowList(allowed);
    }

    /** The references from classes under {@code classes} (a directory or jar) to JDK classes off the list. */
    List<String> violations(Path classes) {
        List<String> violations = new ArrayList<>();
        for (String[] dependency : jdkDependencies(classes)) {
            if (!allowed.contains(dependency[1])) {
                violations.add(dependency[0] + " -> " + dependency[1]);
            }
        }
        return violations;
    }

    private static List<String[]> jdkDependencies(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("jdeps is not in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:class", "-filter:none", classes.toString());
        if (status != 0) {
            throw new IllegalStateException("jdeps failed on " + classes + ": " + err + out);
        }
        List<String[]> dependencies = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            // "   io.fieldlink.x.Foo    -> java.lang.String    java.base"
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 4 && parts[1].equals("->") && (parts[3].startsWith("java.") || parts[3].startsWith("jdk."))) {
                dependencies.add(new String[] {parts[0], parts[2]});
            }
        }
        return dependencies;
    }
}
