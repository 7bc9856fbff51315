package cn.subsidy.application;

import java.util.Optional;

/** What a file really is, by its first bytes, whatever its name or declared type says. */
final class DocumentContent {

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private DocumentContent() {}

  /** {@code application/pdf}, {@code image/jpeg} or {@code image/png}; empty for anything else. */
  static Optional<String> sniff(byte[] content) {
    if (startsWith(content, PDF)) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, JPEG)) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(content, PNG)) {
      return Optional.of("image/png");
    }
    return Optional.empty();
  }

  /** A name that is safe to show and to put in a header: no paths, no control or quote characters. */
  static String displayName(String original, String contentType) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
    if (name.length() > 100) {
      name = name.substring(name.length() - 100);
    }
    if (name.isEmpty() || name.startsWith(".")) {
      name = "document" + name;
    }
    return name.contains(".") ? name : name + extension(contentType);
  }

  static String extension(String contentType) {
    return switch (contentType) {
      case "application/pdf" -> ".pdf";
      case "image/jpeg" -> ".jpg";
      default -> ".png";
    };
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
