package io.procspec.report;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a check run's progress: on a terminal, one live line drawn by the progressbar library
 * (layer, item, figures, elapsed time); elsewhere (a CI log, a pipe) plain lines, one per event,
 * after the Maven output they belong to.
 */
public abstract class Progress implements AutoCloseable {
    protected final long t0 = System.nanoTime();

    /** A progress event from a layer. */
    public abstract void event(ProgressEvent e);

    /** A line of Maven's output (already written to the log). */
    public abstract void mavenLine(String line);

    /** A plain message that must be seen (layer finished, warnings). */
    public abstract void println(String s);

    @Override
    public abstract void close();

    protected String elapsed() {
        long s = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** One line describing an event, e.g. {@code spec  RunQueue pass  distinct 18,331  (3/16)}. */
    static String describe(ProgressEvent e) {
        StringBuilder sb = new StringBuilder(e.layer);
        switch (e.event) {
            case "start" -> sb.append(": started").append(e.total == null ? "" : ", " + e.total + " to run");
            case "end" -> sb.append(": finished, ").append(e.verdict == null ? "?" : e.verdict);
            default -> {
                if (e.item != null) {
                    sb.append(": ").append(e.item);
                }
                if (e.verdict != null) {
                    sb.append(' ').append(e.verdict);
                }
            }
        }
        if (e.figures != null) {
            for (Map.Entry<String, Object> f : e.figures.entrySet()) {
                sb.append("  ").append(f.getKey()).append(' ')
                        .append(f.getValue() instanceof Number n ? HtmlReport.num(n) : String.valueOf(f.getValue()));
            }
        }
        if (e.done != null) {
            sb.append("  (").append(e.done).append(e.total == null ? "" : "/" + e.total).append(')');
        }
        if (e.message != null) {
            sb.append("  ").append(e.message);
        }
        return sb.toString();
    }

    /** Plain lines: Maven's output streamed as it comes, each progress event as a readable line. */
    public static final class Plain extends Progress {
        private final PrintStream out;
        private final boolean streamMaven;

        public Plain(PrintStream out, boolean streamMaven) {
            this.out = out;
            this.streamMaven = streamMaven;
        }

        @Override
        public void event(ProgressEvent e) {
            out.println("[procspec " + elapsed() + "] " + describe(e));
        }

        @Override
        public void mavenLine(String line) {
            if (streamMaven) {
                out.println(line);
            }
        }

        @Override
        public void println(String s) {
            out.println(s);
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /**
     * A live line on a terminal, drawn by the progressbar library alone (no escape codes of ours):
     * nothing else is printed while it runs; finished layers and Maven's errors are kept and printed
     * when it closes.
     */
    public static final class Terminal extends Progress {
        private final ProgressBar bar;
        private final PrintStream out;
        private final java.util.List<String> held = new java.util.ArrayList<>();
        private long max;

        public Terminal(PrintStream out, int layers) {
            this.out = out;
            this.max = layers;
            this.bar = new ProgressBarBuilder().setTaskName("procspec check").setInitialMax(layers)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
                    .continuousUpdate().setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                    .build();
        }

        @Override
        public synchronized void event(ProgressEvent e) {
            switch (e.event) {
                case "start" -> {
                    if (e.total != null && e.total > 0) {
                        max += e.total;
                        bar.maxHint(max);
                    }
                }
                case "item" -> bar.step();
                case "end" -> {
                    bar.step();
                    println("  " + describe(e));
                }
                default -> { }
            }
            bar.setExtraMessage(shorten(describe(e), 70));
        }

        @Override
        public synchronized void mavenLine(String line) {
            if (line.startsWith("[INFO] Building ") && line.contains("[")) {
                // which module Maven is on (display only; results come from the summaries)
                bar.setExtraMessage(shorten(line.substring(7), 70));
            } else if (line.startsWith("[ERROR]") && held.size() < 40) {
                held.add(line);
            }
        }

        @Override
        public synchronized void println(String s) {
            held.add(s);
        }

        @Override
        public synchronized void close() {
            bar.close();
            for (String s : held) {
                out.println(s);
            }
            held.clear();
        }

        private static String shorten(String s, int n) {
            return s.length() <= n ? s : s.substring(0, n - 1) + "…";
        }
    }
}
