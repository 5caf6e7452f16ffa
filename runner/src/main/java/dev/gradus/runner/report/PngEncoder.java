package dev.gradus.runner.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG encoder for the plots' RGB images: every row with the "Up" filter (plots are mostly rows
 * alike, so the differences are mostly zero) and fast deflate. ImageIO's encoder tries every filter
 * on every row, which was a tenth of a report's time.
 */
final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int UP = 2;

  private PngEncoder() {}

  /**
   * The PNG of an image.
   *
   * @throws IllegalArgumentException unless the image is {@link BufferedImage#TYPE_INT_RGB}
   */
  static byte[] encode(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("only TYPE_INT_RGB images, got type " + image.getType());
    }
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 4);
      out.write(SIGNATURE);
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(header);
      h.writeInt(width);
      h.writeInt(height);
      h.writeByte(8); // bits per channel
      h.writeByte(2); // RGB
      h.writeByte(0); // deflate
      h.writeByte(0); // adaptive filtering, each row naming its filter
      h.writeByte(0); // no interlace
      chunk(out, "IHDR", header.toByteArray());
      ByteArrayOutputStream data = new ByteArrayOutputStream(width * height / 8);
      Deflater deflater = new Deflater(Deflater.BEST_SPEED);
      try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater, 1 << 16)) {
        byte[] row = new byte[1 + 3 * width];
        row[0] = UP;
        for (int y = 0; y < height; y++) {
          int at = y * width;
          for (int x = 0; x < width; x++) {
            int p = pixels[at + x];
            int above = y == 0 ? 0 : pixels[at - width + x];
            row[1 + 3 * x] = (byte) ((p >> 16) - (above >> 16));
            row[2 + 3 * x] = (byte) ((p >> 8) - (above >> 8));
            row[3 + 3 * x] = (byte) (p - above);
          }
          z.write(row);
        }
      } finally {
        deflater.end();
      }
      chunk(out, "IDAT", data.toByteArray());
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(name);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
