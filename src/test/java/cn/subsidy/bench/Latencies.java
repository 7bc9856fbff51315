package cn.subsidy.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** Durations of calls by type, thread-safe, with percentiles in milliseconds. */
final class Latencies {

  private final Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();

  <T> T time(String type, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      record(type, System.nanoTime() - start);
    }
  }

  void time(String type, Runnable call) {
    time(type, () -> {
      call.run();
      return null;
    });
  }

  void record(String type, long nanos) {
    samples.computeIfAbsent(type, t -> new ConcurrentLinkedQueue<>()).add(nanos);
  }

  /** The p-th percentile (nearest rank) of a type, in ms. */
  double percentile(String type, double p) {
    List<Long> sorted = new ArrayList<>(samples.getOrDefault(type, new ConcurrentLinkedQueue<>()));
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  int count(String type) {
    return samples.getOrDefault(type, new ConcurrentLinkedQueue<>()).size();
  }

  /** For each type: count, p50, p95, p99 (ms). */
  Map<String, Object> summary() {
    Map<String, Object> summary = new TreeMap<>();
    for (String type : samples.keySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("count", count(type));
      row.put("p50_ms", Results.round(percentile(type, 50)));
      row.put("p95_ms", Results.round(percentile(type, 95)));
      row.put("p99_ms", Results.round(percentile(type, 99)));
      summary.put(type, row);
    }
    return summary;
  }
}
