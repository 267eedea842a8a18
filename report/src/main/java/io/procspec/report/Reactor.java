package io.procspec.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
