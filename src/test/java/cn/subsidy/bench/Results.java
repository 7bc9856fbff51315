package cn.subsidy.bench;

import cn.subsidy.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's figures: top-level numbers with their units, and details, written as one JSON object
 * ({@code target/bench/results.json}) and printed as a table.
 */
final class Results {

  static final Path FILE = Path.of("target", "bench", "results.json");

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final Map<String, String> units = new LinkedHashMap<>();
  private final Map<String, Object> details = new LinkedHashMap<>();

  void figure(String key, double value, String unit) {
    figures.put(key, round(value));
    units.put(key, unit);
  }

  void detail(String key, Object value) {
    details.put(key, value);
  }

  static double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : -1;
  }

  /** Writes the JSON now, so that a later failure still leaves the figures measured so far. */
  void write() {
    Map<String, Object> json = new LinkedHashMap<>(figures);
    json.put("units", units);
    json.put("details", details);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String table() {
    StringBuilder table = new StringBuilder("\n==== Benchmark results (" + FILE + ") ====\n");
    table.append(String.format("%-24s %14s  %s%n", "figure", "value", "unit"));
    figures.forEach((key, value) -> table.append(String.format("%-24s %14s  %s%n", key, value, units.get(key))));
    details.forEach((key, value) -> table.append(String.format("  %-22s %s%n", key, Http.write(value))));
    return table.toString();
  }
}
