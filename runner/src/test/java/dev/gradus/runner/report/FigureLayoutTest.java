package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the renderer puts things: text on the page and off the plot, lines inside it. */
class FigureLayoutTest {
  /** A text as drawn: its box on the page. */
  record Placed(String text, double left, double right, double top, double bottom) {
    boolean overlaps(double l, double t, double r, double b) {
      return left < r && l < right && top < b && t < bottom;
    }
  }

  /** Records texts and the plot areas (clips); draws nothing. */
  static final class Recording implements Canvas {
    final List<Placed> texts = new ArrayList<>();
    final List<double[]> clips = new ArrayList<>();
    int legendSamples;

    @Override
    public void fillRect(double x, double y, double w, double h, Color c) {}

    @Override
    public void strokeRect(double x, double y, double w, double h, Color c, double lw) {}

    @Override
    public void polyline(double[] x, double[] y, int n, Color c, double lw, float[] dash) {}

    @Override
    public void marker(Marker m, double x, double y, Color c) {}

    @Override
    public void text(
        String text, double x, double y, TextStyle s, Color c, Anchor anchor, boolean upright) {
      double w = s.width(text);
      double start = anchor.startOffset(w);
      texts.add(
          upright
              ? new Placed(text, x + start, x + start + w, y - s.ascent(), y)
              : new Placed(text, x - s.ascent(), x, y - start - w, y - start));
    }

    @Override
    public void clip(double x, double y, double w, double h) {
      clips.add(new double[] {x, y, x + w, y + h});
    }

    @Override
    public void unclip() {}
  }

  private static Figure.Panel panel(String title, int configurations, String labelTail) {
    List<Figure.Line> lines = new ArrayList<>();
    for (int k = 0; k < configurations; k++) {
      double[] x = {0, 500, 1000, 1500};
      double[] y = {1e3, 1, 1e-4, 1e-8};
      lines.add(new Figure.Line("adam lr=" + k + labelTail, "adam", k, Figure.Kind.MAIN, x, y));
    }
    lines.add(
        new Figure.Line("start", null, -1, Figure.Kind.START, new double[] {1}, new double[] {1}));
    return new Figure.Panel(
        title,
        new Figure.Axis("iterations", Figure.Scale.LINEAR, 0, 1500, true),
        new Figure.Axis("f - f*", Figure.Scale.LOG10, 1e-8, 1e3, false),
        lines,
        "lines: median over repeats");
  }

  private static Recording draw(Figure figure, int configurations) {
    List<Map.Entry<Integer, String>> looks = new ArrayList<>();
    for (int k = 0; k < configurations; k++) {
      looks.add(Map.entry(k, "adam"));
    }
    Recording canvas = new Recording();
    new FigureRenderer(Palette.of(looks)).draw(figure, canvas);
    return canvas;
  }

  private static void assertOnThePageAndOffThePlots(Figure figure, Recording canvas) {
    int[] size = FigureRenderer.size(figure);
    assertFalse(canvas.texts.isEmpty());
    for (Placed t : canvas.texts) {
      assertTrue(
          t.left() >= 0 && t.right() <= size[0] && t.top() >= 0 && t.bottom() <= size[1],
          t + " leaves the " + size[0] + "x" + size[1] + " page");
      for (double[] plot : canvas.clips) {
        assertFalse(
            t.overlaps(plot[0], plot[1], plot[2], plot[3]), t + " is drawn over a plot area");
      }
    }
  }

  @Test
  void aSinglePanelKeepsTitleTicksAndLegendOffThePlot() {
    Figure figure = new Figure("rosenbrock: f - f* by iterations", List.of(panel("", 18, "")));
    Recording canvas = draw(figure, 18);
    assertOnThePageAndOffThePlots(figure, canvas);
    assertEquals(1, canvas.clips.size());
    // the legend is right of the plot: 18 configurations and the start
    double plotRight = canvas.clips.get(0)[2];
    long legend =
        canvas.texts.stream()
            .filter(t -> t.text().startsWith("adam") || t.text().equals("start"))
            .peek(t -> assertTrue(t.left() > plotRight, t + " is not right of the plot"))
            .count();
    assertEquals(19, legend);
  }

  @Test
  void longLegendLabelsAreCutRatherThanSqueezingThePlot() {
    String tail = " betas=[0.9, 0.999] eps=1e-8 weight_decay=0.01 amsgrad=true maximize=false";
    Figure figure = new Figure("f", List.of(panel("", 3, tail)));
    Recording canvas = draw(figure, 3);
    assertOnThePageAndOffThePlots(figure, canvas);
    double[] plot = canvas.clips.get(0);
    assertTrue(plot[2] - plot[0] > 0.55 * FigureRenderer.SINGLE_WIDTH, "the plot was squeezed");
    assertTrue(canvas.texts.stream().anyMatch(t -> t.text().endsWith("\u2026")));
  }

  @Test
  void smallMultiplesKeepEachLegendUnderItsOwnPanel() {
    List<Figure.Panel> panels = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      panels.add(panel("optimizer " + p, 4, " momentum=0.9"));
    }
    Figure figure = new Figure("beale: f - f* by iterations", panels);
    Recording canvas = draw(figure, 4);
    assertOnThePageAndOffThePlots(figure, canvas);
    assertEquals(5, canvas.clips.size());
  }

  @Test
  void aGridSweepsLegendsAreSummedUpBeforeTheySqueezeThePlots() {
    // lr × momentum, 10 × 6, under each of two panels; and 300 configurations beside one plot
    Figure grid = new Figure("f", List.of(panel("gd", 60, " momentum=0.9"), panel("adam", 60, "")));
    Recording below = draw(grid, 60);
    assertOnThePageAndOffThePlots(grid, below);
    for (double[] plot : below.clips) {
      assertTrue(
          plot[3] - plot[1] >= 0.4 * FigureRenderer.PANEL_HEIGHT,
          "a plot " + (plot[3] - plot[1]) + " high");
    }
    assertTrue(below.texts.stream().anyMatch(t -> t.text().matches("\\+\\d+ more")));
    Figure many = new Figure("f", List.of(panel("", 300, "")));
    Recording beside = draw(many, 300);
    assertOnThePageAndOffThePlots(many, beside);
    double[] plot = beside.clips.get(0);
    assertTrue(plot[2] - plot[0] > 0.55 * FigureRenderer.SINGLE_WIDTH);
    String more =
        beside.texts.stream()
            .map(Placed::text)
            .filter(t -> t.matches("\\+\\d+ more"))
            .findFirst()
            .orElseThrow();
    long shown = beside.texts.stream().filter(t -> t.text().startsWith("adam lr=")).count();
    // every configuration and the start is either shown or counted
    assertEquals(301, shown + Long.parseLong(more.replaceAll("\\D", "")));
    for (Placed t : beside.texts) {
      if (t.text().startsWith("adam lr=")) {
        assertTrue(t.right() - t.left() >= 20, t + " is cut to nothing");
      }
    }
  }

  @Test
  void tickLabelsOfAnAxisDoNotOverlap() {
    Figure figure = new Figure("f", List.of(panel("", 1, "")));
    Recording canvas = draw(figure, 1);
    double[] plot = canvas.clips.get(0);
    List<Placed> under =
        canvas.texts.stream()
            .filter(t -> t.top() > plot[3] && t.bottom() < plot[3] + 20)
            .sorted(java.util.Comparator.comparingDouble(Placed::left))
            .toList();
    assertTrue(under.size() >= 5, "x tick labels: " + under);
    for (int i = 1; i < under.size(); i++) {
      assertTrue(
          under.get(i - 1).right() < under.get(i).left(),
          under.get(i - 1) + " meets " + under.get(i));
    }
  }
}
