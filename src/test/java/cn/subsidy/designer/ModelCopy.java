package cn.subsidy.designer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A copy of the project's models in a scratch folder, laid out as in the project, to break on purpose. */
final class ModelCopy {

  private ModelCopy() {}

  static Path of(Path target) {
    try {
      for (String folder : List.of("processes", "forms")) {
        Files.createDirectories(target.resolve(folder));
        try (Stream<Path> files = Files.list(Path.of(folder))) {
          for (Path file : files.toList()) {
            Files.copy(file, target.resolve(folder).resolve(file.getFileName()));
          }
        }
      }
      Path processesXml = target.resolve(ModelConventions.PROCESSES_XML);
      Files.createDirectories(processesXml.getParent());
      Files.copy(Path.of(ModelConventions.PROCESSES_XML), processesXml);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every match of {@code regex} in one file; fails if there is none, so a test cannot pass vacuously. */
  static void replace(Path root, String file, String regex, String replacement) {
    try {
      Path path = root.resolve(file);
      String text = Files.readString(path, StandardCharsets.UTF_8);
      if (!Pattern.compile(regex).matcher(text).find()) {
        throw new AssertionError(file + " has no " + regex + " to break");
      }
      Files.writeString(path, text.replaceAll(regex, replacement), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
