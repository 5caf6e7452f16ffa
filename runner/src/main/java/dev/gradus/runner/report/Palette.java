package dev.gradus.runner.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The look of every configuration, the same in every plot of a report: one colour per optimizer (in
 * the order optimizers first appear in the suite), and within an optimizer one dash pattern per
 * configuration, lighter shades once the patterns run out. Sixteen configurations of four
 * optimizers thus read as four colours of four line styles, never as sixteen look-alike hues. A
 * suite of one optimizer (an lr sweep) gives each configuration its own colour.
 */
final class Palette {
  /** Tableau's ten colours, chosen to stay apart from each other and in greyscale print. */
  private static final Color[] COLOURS = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf)
  };

  private static final float[][] DASHES = {
    null, {7f, 3f}, {1.5f, 2.5f}, {7f, 3f, 1.5f, 3f}, {12f, 4f},
  };

  static final float LINE_WIDTH = 1.8f;

  /** How one configuration is drawn. */
  record Style(Color colour, Stroke stroke) {}

  private final Map<String, Integer> optimizerOrder = new LinkedHashMap<>();
  private final Map<Integer, Integer> positionInOptimizer = new TreeMap<>();

  /**
   * A palette for configurations given as (configuration index, optimizer id) pairs; the pairs may
   * repeat and come in any order.
   */
  static Palette of(List<Map.Entry<Integer, String>> configurations) {
    Palette p = new Palette();
    Map<Integer, String> byIndex = new TreeMap<>();
    configurations.forEach(c -> byIndex.putIfAbsent(c.getKey(), c.getValue()));
    Map<String, Integer> counts = new LinkedHashMap<>();
    byIndex.forEach(
        (index, optimizer) -> {
          p.optimizerOrder.putIfAbsent(optimizer, p.optimizerOrder.size());
          int position = counts.merge(optimizer, 1, Integer::sum) - 1;
          p.positionInOptimizer.put(index, position);
        });
    return p;
  }

  /**
   * The style of a configuration; an unknown one gets the first colour, solid. With a single
   * optimizer, colour per optimizer would say nothing: its configurations get the colours instead.
   */
  Style style(String optimizer, int configuration) {
    int colourIndex = optimizerOrder.getOrDefault(optimizer, 0);
    int position = positionInOptimizer.getOrDefault(configuration, 0);
    if (optimizerOrder.size() == 1) {
      colourIndex = position % COLOURS.length;
      position = (position / COLOURS.length) * DASHES.length;
    }
    Color base = COLOURS[colourIndex % COLOURS.length];
    if (colourIndex >= COLOURS.length) {
      base = base.darker();
    }
    int shade = (position / DASHES.length) % 3;
    Color colour = lighter(base, 0.3 * shade);
    float[] dash = DASHES[position % DASHES.length];
    Stroke stroke =
        dash == null
            ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
            : new BasicStroke(
                LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    return new Style(colour, stroke);
  }

  /** The number of distinct optimizers. */
  int optimizers() {
    return optimizerOrder.size();
  }

  private static Color lighter(Color c, double towardsWhite) {
    return new Color(
        blend(c.getRed(), towardsWhite),
        blend(c.getGreen(), towardsWhite),
        blend(c.getBlue(), towardsWhite));
  }

  private static int blend(int channel, double t) {
    return (int) Math.round(channel + (255 - channel) * t);
  }
}
