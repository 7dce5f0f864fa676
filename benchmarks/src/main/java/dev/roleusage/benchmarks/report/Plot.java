package dev.roleusage.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/** A log-log line chart drawn with java.awt (headless), so the plot needs nothing but the JDK. */
final class Plot {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 640;
  private static final int LEFT = 90;
  private static final int RIGHT = 330;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf), new Color(0x000000), new Color(0x393b79),
  };

  private Plot() {}

  /** Draws one line per entry of {@code lines} (n → µs) to {@code file}. */
  static void write(Path file, String title, Map<String, TreeMap<Integer, Double>> lines) throws IOException {
    System.setProperty("java.awt.headless", "true");
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (TreeMap<Integer, Double> line : lines.values()) {
      for (Map.Entry<Integer, Double> p : line.entrySet()) {
        minX = Math.min(minX, p.getKey());
        maxX = Math.max(maxX, p.getKey());
        minY = Math.min(minY, p.getValue());
        maxY = Math.max(maxY, p.getValue());
      }
    }
    if (lines.isEmpty()) {
      minX = 1e4;
      maxX = 1e6;
      minY = 1;
      maxY = 1e6;
    }
    minY = Math.min(minY, 50); // keep the 50 µs warm-page target in view
    double x0 = Math.floor(Math.log10(minX));
    double x1 = Math.max(x0 + 1, Math.ceil(Math.log10(maxX)));
    double y0 = Math.floor(Math.log10(minY));
    double y1 = Math.max(y0 + 1, Math.ceil(Math.log10(maxY)));

    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;

    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();

    Stroke thin = new BasicStroke(1f);
    Stroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);
    for (double e = y0; e <= y1 + 1e-9; e++) {
      int y = TOP + plotH - (int) Math.round((e - y0) / (y1 - y0) * plotH);
      g.setColor(new Color(0xdddddd));
      g.setStroke(thin);
      g.drawLine(LEFT, y, LEFT + plotW, y);
      g.setColor(Color.BLACK);
      String label = time(Math.pow(10, e));
      g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + 4);
    }
    for (double e = x0; e <= x1 + 1e-9; e++) {
      int x = LEFT + (int) Math.round((e - x0) / (x1 - x0) * plotW);
      g.setColor(new Color(0xdddddd));
      g.drawLine(x, TOP, x, TOP + plotH);
      g.setColor(Color.BLACK);
      String label = "n=" + Report.human((long) Math.pow(10, e));
      g.drawString(label, x - fm.stringWidth(label) / 2, TOP + plotH + 18);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.drawString("members in the role (log)", LEFT + plotW / 2 - 70, HEIGHT - 18);
    g.rotate(-Math.PI / 2);
    g.drawString("time per request (log)", -(TOP + plotH / 2 + 60), 20);
    g.rotate(Math.PI / 2);

    // The 50 µs warm-page target.
    int target = TOP + plotH - (int) Math.round((Math.log10(50) - y0) / (y1 - y0) * plotH);
    g.setColor(new Color(0x999999));
    g.setStroke(dashed);
    g.drawLine(LEFT, target, LEFT + plotW, target);
    g.drawString("50 µs (warm target)", LEFT + 6, target - 4);

    int i = 0;
    int legendY = TOP + 10;
    for (Map.Entry<String, TreeMap<Integer, Double>> line : lines.entrySet()) {
      Color color = COLORS[i % COLORS.length];
      g.setColor(color);
      g.setStroke(new BasicStroke(2.2f));
      int px = -1;
      int py = -1;
      for (Map.Entry<Integer, Double> p : line.getValue().entrySet()) {
        int x = LEFT + (int) Math.round((Math.log10(p.getKey()) - x0) / (x1 - x0) * plotW);
        int y = TOP + plotH - (int) Math.round((Math.log10(p.getValue()) - y0) / (y1 - y0) * plotH);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        marker(g, i, x, y);
        px = x;
        py = y;
      }
      marker(g, i, LEFT + plotW + 20, legendY - 4);
      g.setColor(Color.BLACK);
      g.drawString(line.getKey(), LEFT + plotW + 32, legendY);
      legendY += 20;
      i++;
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void marker(Graphics2D g, int kind, int x, int y) {
    g.setColor(COLORS[kind % COLORS.length]);
    switch (kind % 3) {
      case 0:
        g.fillOval(x - 4, y - 4, 9, 9);
        break;
      case 1:
        g.fillRect(x - 4, y - 4, 8, 8);
        break;
      default:
        g.fillPolygon(new int[] {x - 5, x + 5, x}, new int[] {y + 4, y + 4, y - 5}, 3);
    }
  }

  private static String time(double micros) {
    if (micros >= 1e6) {
      return String.format(java.util.Locale.ROOT, "%.0f s", micros / 1e6);
    }
    if (micros >= 1e3) {
      return String.format(java.util.Locale.ROOT, "%.0f ms", micros / 1e3);
    }
    if (micros >= 1) {
      return String.format(java.util.Locale.ROOT, "%.0f µs", micros);
    }
    return String.format(java.util.Locale.ROOT, "%.0f ns", micros * 1e3);
  }
}
