package io.procspec.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the PlusCal translator ({@code pcal.trans}) on a copy of a module and returns the
 * translated text, so that the committed translation can be compared with a fresh one.
 */
public final class PlusCalTranslator {
    public static final String BEGIN = "\\* BEGIN TRANSLATION";
    public static final String END = "\\* END TRANSLATION";

    private PlusCalTranslator() {}

    /** Translates a copy of {@code module} inside {@code scratch}; returns the whole translated module. */
    public static String translate(Path module, Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path copy = scratch.resolve(module.getFileName());
            Files.copy(module, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Jvm.Result r = Jvm.run(Jvm.command(List.of(), "pcal.trans", List.of("-nocfg", copy.getFileName().toString())),
                    scratch, Duration.ofMinutes(2));
            if (r.exitCode() != 0 || !r.output().contains("Translation completed")) {
                throw new IllegalStateException("pcal.trans failed on " + module.getFileName()
                        + " (exit " + r.exitCode() + "):\n" + r.output());
            }
            return Files.readString(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text between the BEGIN TRANSLATION and END TRANSLATION lines (exclusive). */
    public static String translationBlock(String text) {
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < 0 || e < b) {
            throw new IllegalArgumentException("no translation markers");
        }
        int from = text.indexOf('\n', b) + 1;
        return text.substring(from, e);
    }
}
