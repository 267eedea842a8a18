package io.procspec.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The modules the root pom lists: a layer's module must be one to be run with {@code -pl}. */
public final class Reactor {
    private Reactor() {}

    public static Set<String> modules(Path root) {
        Set<String> out = new TreeSet<>();
        try {
            String pom = Files.readString(root.resolve("pom.xml"));
            pom = pom.replaceAll("(?s)<!--.*?-->", "");
            Matcher m = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(pom);
            while (m.find()) {
                out.add(m.group(1));
            }
        } catch (IOException e) {
            // no root pom: no module can run
        }
        return out;
    }

    /**
     * The reactor modules that {@code mvn -pl MODULES -am} builds besides {@code modules}: those they
     * depend on, directly or not, through {@code procspec-<module>} dependencies in their poms. Maven
     * runs their tests too, so a layer among them runs although it was not selected.
     */
    public static Set<String> alsoBuilt(Path root, Set<String> modules) {
        Set<String> reactor = modules(root);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(modules);
        Pattern dep = Pattern.compile("(?s)<dependency>.*?<artifactId>\\s*procspec-([\\w-]+)\\s*</artifactId>.*?</dependency>");
        while (!todo.isEmpty()) {
            String m = todo.pop();
            String pom;
            try {
                pom = Files.readString(root.resolve(m).resolve("pom.xml")).replaceAll("(?s)<!--.*?-->", "");
            } catch (IOException e) {
                continue;
            }
            Matcher d = dep.matcher(pom);
            while (d.find()) {
                String other = d.group(1);
                if (reactor.contains(other) && !modules.contains(other) && seen.add(other)) {
                    todo.push(other);
                }
            }
        }
        return seen;
    }
}
