package cn.subsidy.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's pictures of the models cannot drift: each {@code docs/models/<name>.svg} is rendered
 * from its model by {@code npm run render-models} and records the SHA-256 of the model file it was
 * drawn from. A model changed without rendering its picture again fails the build here, without a
 * browser; {@code npm run check:pictures} renders again and compares the whole picture.
 */
class ModelPicturesTest {

  private static final Pattern SOURCE = Pattern.compile("<!-- rendered from (\\S+) sha256:([0-9a-f]{64}) ");

  @Test
  void everyModelHasAPictureRenderedFromItsCurrentFile() throws IOException {
    List<String> stale = new ArrayList<>();
    for (Path model : files(Path.of("processes"), ".bpmn", ".dmn")) {
      String name = model.getFileName().toString().replaceFirst("\\.(bpmn|dmn)$", "");
      Path picture = Path.of("docs", "models", name + ".svg");
      if (!Files.exists(picture)) {
        stale.add(picture + " is missing");
        continue;
      }
      Matcher source = SOURCE.matcher(Files.readString(picture, StandardCharsets.UTF_8));
      if (!source.find() || !source.group(1).equals("processes/" + model.getFileName())) {
        stale.add(picture + " does not say which model it was rendered from");
      } else if (!source.group(2).equals(sha256(model))) {
        stale.add(picture + " shows an older version of " + model);
      }
    }
    assertThat(stale).as("Pictures out of date; run `npm ci && npm run render-models` and commit docs/models:\n"
        + String.join("\n", stale)).isEmpty();
  }

  @Test
  void everyPictureHasItsModel() throws IOException {
    for (Path picture : files(Path.of("docs", "models"), ".svg")) {
      String name = picture.getFileName().toString().replace(".svg", "");
      assertThat(Files.exists(Path.of("processes", name + ".bpmn")) || Files.exists(Path.of("processes", name + ".dmn")))
          .as(picture + " shows a model that no longer exists; delete it").isTrue();
    }
  }

  private static List<Path> files(Path folder, String... suffixes) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> Stream.of(suffixes).anyMatch(s -> f.toString().endsWith(s))).sorted().toList();
    }
  }

  /** Of the text with Unix line ends, so that a checkout with Windows line ends still matches. */
  private static String sha256(Path file) throws IOException {
    byte[] text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
