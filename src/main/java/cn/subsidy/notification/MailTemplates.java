package cn.subsidy.notification;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mail templates: Mustache files, Chinese first and English below, plain text and HTML, in
 * {@code mail/} of the product or, to change them without a release, in the configured template folder.
 */
@Component
class MailTemplates {

  /** A rendered mail. */
  record Rendered(String subject, String text, String html) {}

  private static final String SUBJECT = "Subject:";

  private final MailSettings settings;
  private final Mustache.Compiler textCompiler = Mustache.compiler().escapeHTML(false).defaultValue("");
  private final Mustache.Compiler htmlCompiler = Mustache.compiler().escapeHTML(true).defaultValue("");

  MailTemplates(MailSettings settings) {
    this.settings = settings;
  }

  Rendered render(MailEvent event, Map<String, Object> model) {
    String text = textCompiler.compile(source(event.template() + ".txt")).execute(model);
    String html = htmlCompiler.compile(source(event.template() + ".html")).execute(model);
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    if (!first.startsWith(SUBJECT)) {
      throw new IllegalStateException("The first line of mail template " + event.template()
          + ".txt must start with '" + SUBJECT + "'");
    }
    String subject = first.substring(SUBJECT.length()).strip();
    return new Rendered(subject.length() > 300 ? subject.substring(0, 300) : subject,
        end < 0 ? "" : text.substring(end + 1), html);
  }

  private String source(String name) {
    try {
      Path override = settings.templateDirectory() == null ? null : settings.templateDirectory().resolve(name);
      if (override != null && Files.isRegularFile(override)) {
        return Files.readString(override, StandardCharsets.UTF_8);
      }
      try (InputStream in = getClass().getResourceAsStream("/mail/" + name)) {
        if (in == null) {
          throw new IllegalStateException("No mail template " + name);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks that every template exists and renders; called at start so a broken edit shows at once. */
  void verifyAll() {
    for (MailEvent event : MailEvent.values()) {
      render(event, Map.of());
    }
  }

}
