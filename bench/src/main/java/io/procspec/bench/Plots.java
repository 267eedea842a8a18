package io.procspec.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plots of a results folder, drawn with JFreeChart as PNG files. */
final class Plots {
    private Plots() {}

    static final int W = 900;
    static final int H = 520;

    /** Draws every plot the rows allow; returns the files written. */
    static List<Path> draw(Report rep, Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Path p;
            if ((p = steal(rep, dir, "steal.moved", "steal-moved.png", "Gs moved by thieves per µs")) != null) {
                out.add(p);
            }
            if ((p = steal(rep, dir, "steal.owner", "steal-owner.png", "owner operations per µs")) != null) {
                out.add(p);
            }
            if ((p = spawn(rep, dir)) != null) {
                out.add(p);
            }
            if ((p = bars(rep, dir, "owner", "owner.png", "Owner operations, one thread (put 128, get 128)", "ops/µs")) != null) {
                out.add(p);
            }
            if ((p = bars(rep, dir, "gfree", "gfree.png", "Free lists: gfget/gfput cycles", "ops/µs (all threads)")) != null) {
                out.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Path steal(Report rep, Path dir, String group, String file, String yLabel) throws IOException {
        List<Report.Row> rows = rep.group(group);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Report.Row r : rows) {
            series.computeIfAbsent(r.name(), XYSeries::new).add(r.x(), r.median());
        }
        XYSeriesCollection ds = new XYSeriesCollection();
        series.values().forEach(ds::addSeries);
        JFreeChart c = ChartFactory.createXYLineChart("Stealing: one owner, N thieves (" + rows.get(0).jdk() + ", "
                        + rep.machine.path("cores").asInt() + " cores)", "thieves", yLabel, ds,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = c.getXYPlot();
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(ren);
        LogAxis x = new LogAxis("thieves (log scale)");
        x.setBase(2);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDomainAxis(x);
        style(c);
        Path p = dir.resolve(file);
        ChartUtils.saveChartAsPNG(p.toFile(), c, W, H);
        return p;
    }

    private static Path spawn(Report rep, Path dir) throws IOException {
        List<Report.Row> rows = rep.group("spawn");
        if (rows.isEmpty()) {
            return null;
        }
        DefaultBoxAndWhiskerCategoryDataset ds = new DefaultBoxAndWhiskerCategoryDataset();
        for (Report.Row r : rows) {
            List<Double> v = new ArrayList<>();
            for (double d : r.samples()) {
                v.add(d);
            }
            String label = r.name().equals("go") ? r.jdk() : r.name() + " (JDK " + Machine.feature(r.jdk()) + ")";
            ds.add(v, "ms per tree", label);
        }
        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        LogAxis y = new LogAxis("ms per tree (log scale, lower is better)");
        y.setBase(10);
        y.setSmallestValue(1);
        BoxAndWhiskerRenderer ren = new BoxAndWhiskerRenderer();
        ren.setMeanVisible(false);
        ren.setFillBox(true);
        ren.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(ds, x, y, ren);
        JFreeChart c = new JFreeChart("Spawn tree, " + String.format("%,d", rows.get(0).tasks()) + " tasks ("
                + rep.machine.path("cores").asInt() + " cores): median, quartiles, range", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        style(c);
        Path p = dir.resolve("spawn.png");
        ChartUtils.saveChartAsPNG(p.toFile(), c, W, H + 80);
        return p;
    }

    private static Path bars(Report rep, Path dir, String group, String file, String title, String yLabel) throws IOException {
        List<Report.Row> rows = rep.group(group);
        if (rows.isEmpty()) {
            return null;
        }
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Report.Row r : rows) {
            String series = group.equals("gfree") ? r.x() + (r.x() == 1 ? " thread" : " threads") : "median";
            ds.addValue(r.median(), series, r.name());
        }
        JFreeChart c = ChartFactory.createBarChart(title + " (" + rows.get(0).jdk() + ")", null, yLabel, ds,
                PlotOrientation.VERTICAL, group.equals("gfree"), false, false);
        c.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        style(c);
        Path p = dir.resolve(file);
        ChartUtils.saveChartAsPNG(p.toFile(), c, W, H);
        return p;
    }

    private static void style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
    }
}
