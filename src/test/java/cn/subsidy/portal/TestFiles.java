package cn.subsidy.portal;

import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/** Files as a phone's camera or a scanner makes them, for the upload fields. */
final class TestFiles {

  private TestFiles() {}

  /** A small photo of a card (JPEG). */
  static FilePayload photo(String name) {
    return new FilePayload(name, "image/jpeg", jpeg(640, 400, false));
  }

  /**
   * A full-size camera photo: 4000 x 3000 pixels with sensor grain, a few megabytes, as phones take
   * them. The page scales it down before uploading.
   */
  static FilePayload cameraPhoto(String name) {
    return new FilePayload(name, "image/jpeg", jpeg(4000, 3000, true));
  }

  static FilePayload pdf(String name) {
    String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    return new FilePayload(name, "application/pdf", pdf.getBytes(StandardCharsets.US_ASCII));
  }

  /** A CSV file as an office saves it from Excel: UTF-8 with a byte-order mark. */
  static FilePayload csv(String name, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return new FilePayload(name, "text/csv", withBom);
  }

  private static byte[] jpeg(int width, int height, boolean grain) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xE8EEF6));
    g.fillRect(0, 0, width, height);
    if (grain) {
      Random random = new Random(42);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int base = 120 + (x * 100 / width) + (y * 30 / height);
          int r = Math.min(255, base + random.nextInt(64));
          int gr = Math.min(255, base + random.nextInt(64));
          int b = Math.min(255, base + 20 + random.nextInt(64));
          image.setRGB(x, y, (r << 16) | (gr << 8) | b);
        }
      }
    }
    g.setColor(new Color(0x1D2430));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 8));
    g.drawString("ID 5325", width / 10, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
