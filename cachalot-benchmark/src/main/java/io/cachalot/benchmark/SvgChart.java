package io.cachalot.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal grouped bar chart as a standalone SVG: one group of bars per row label, one bar per series,
 * on a linear or logarithmic axis. Missing values (NaN) are left out.
 */
final class SvgChart {

    private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    private static final int LABEL_WIDTH = 230;
    private static final int PLOT_WIDTH = 560;
    private static final int BAR = 9;
    private static final int GROUP_GAP = 10;

    private SvgChart() {
    }

    /**
     * @param values values[group][series]
     * @param log whether the axis is logarithmic (values must be positive)
     */
    static String bars(String title, String axis, List<String> groups, List<String> series, double[][] values, boolean log) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double[] row : values) {
            for (double value : row) {
                if (!Double.isNaN(value) && value > 0) {
                    max = Math.max(max, value);
                    min = Math.min(min, value);
                }
            }
        }
        if (max == 0) {
            max = 1;
            min = 1;
        }
        double low = log ? Math.pow(10, Math.floor(Math.log10(min))) : 0;
        double high = log ? Math.pow(10, Math.ceil(Math.log10(max))) : niceCeiling(max);
        if (log && high <= low) {
            high = low * 10;
        }
        int legendHeight = 18 * ((series.size() + 2) / 3);
        int top = 40 + legendHeight;
        int groupHeight = series.size() * BAR + GROUP_GAP;
        int height = top + groups.size() * groupHeight + 40;
        int width = LABEL_WIDTH + PLOT_WIDTH + 70;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", escape(title)));
        for (int s = 0; s < series.size(); s++) {
            int x = 10 + (s % 3) * 260;
            int y = 30 + (s / 3) * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y, COLORS[s % COLORS.length], x + 16, y + 9, escape(series.get(s))));
        }
        int plotBottom = top + groups.size() * groupHeight;
        for (double tick : ticks(low, high, log)) {
            double x = LABEL_WIDTH + scale(tick, low, high, log) * PLOT_WIDTH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    x, top - 4, x, plotBottom, x, plotBottom + 14, format(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s</text>%n",
                LABEL_WIDTH + PLOT_WIDTH / 2, plotBottom + 30, escape(axis)));
        for (int g = 0; g < groups.size(); g++) {
            int groupTop = top + g * groupHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 6, groupTop + (series.size() * BAR) / 2 + 4, escape(groups.get(g))));
            for (int s = 0; s < series.size(); s++) {
                double value = values[g][s];
                if (Double.isNaN(value) || (log && value <= 0)) {
                    continue;
                }
                double w = Math.max(1, scale(value, low, high, log) * PLOT_WIDTH);
                int y = groupTop + s * BAR;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s, %s: %s</title></rect>%n", LABEL_WIDTH, y, w, BAR - 1, COLORS[s % COLORS.length],
                        escape(groups.get(g)), escape(series.get(s)), format(value)));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"8\" fill=\"#333\">%s</text>%n",
                        LABEL_WIDTH + w + 3, y + BAR - 2, format(value)));
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double scale(double value, double low, double high, boolean log) {
        double clamped = Math.max(low, Math.min(high, value));
        return log ? (Math.log10(clamped) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
                : (clamped - low) / (high - low);
    }

    private static double[] ticks(double low, double high, boolean log) {
        if (log) {
            int from = (int) Math.round(Math.log10(low));
            int to = (int) Math.round(Math.log10(high));
            double[] ticks = new double[to - from + 1];
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Math.pow(10, from + i);
            }
            return ticks;
        }
        double[] ticks = new double[6];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = low + (high - low) * i / 5;
        }
        return ticks;
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
