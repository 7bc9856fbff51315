package cn.subsidy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU goes during a phase, from Linux {@code /proc}: the server process (and the part
 * of it spent by the JIT compiler's threads), PostgreSQL (its backends, live or ended) and the benchmark's
 * own JVM (the HTTP client, or the bare engine with its driver). On 2 cores every phase is bound by CPU,
 * so these times per completed application explain a throughput figure: the sum is about the CPU one
 * application costs the machine.
 */
final class CpuMeter {

  /** Linux's USER_HZ: the unit of /proc's CPU times, 100 on every architecture Java runs on. */
  private static final double TICKS_PER_SECOND = 100;
  private static final Path PROC = Path.of("/proc");

  /** CPU seconds used so far; the JIT compiler's per thread, since the JVM starts and ends such threads. */
  record Sample(double server, Map<String, Double> serverJit, double postgres, double benchmark) {

    /** The compiler threads' CPU since {@code before}; a thread that ended in between is not counted. */
    double jitSince(Sample before) {
      return serverJit.entrySet().stream()
          .mapToDouble(thread -> thread.getValue() - before.serverJit().getOrDefault(thread.getKey(), 0.0)).sum();
    }
  }

  private final long serverPid;
  private final long postmasterPid;

  /** {@code serverPid} below 0: no server process to measure (the bare engine's phase). */
  CpuMeter(long serverPid, long postmasterPid) {
    this.serverPid = serverPid;
    this.postmasterPid = postmasterPid;
  }

  Sample sample() {
    double server = serverPid < 0 ? 0 : seconds(stat(serverPid), false);
    Map<String, Double> jit = serverPid < 0 ? Map.of() : compilerThreads();
    double postgres = seconds(stat(postmasterPid), true);
    for (long child : children(postmasterPid)) {
      postgres += seconds(stat(child), false);
    }
    return new Sample(server, jit, postgres, seconds(PROC.resolve("self").resolve("stat"), false));
  }

  /** Milliseconds of CPU per completed unit (application or instance) between two samples. */
  static Map<String, Object> perUnit(Sample before, Sample after, int completed) {
    Map<String, Object> perUnit = new LinkedHashMap<>();
    if (after.server() > 0) {
      perUnit.put("server", ms(after.server() - before.server(), completed));
      perUnit.put("server_jit_compiler", ms(after.jitSince(before), completed));
    }
    perUnit.put("postgres", ms(after.postgres() - before.postgres(), completed));
    perUnit.put("benchmark_jvm", ms(after.benchmark() - before.benchmark(), completed));
    perUnit.put("total", ms(after.server() - before.server() + after.postgres() - before.postgres()
        + after.benchmark() - before.benchmark(), completed));
    return perUnit;
  }

  private static double ms(double seconds, int completed) {
    return Results.round(seconds * 1000 / completed);
  }

  /** CPU seconds of each live thread of the JIT compiler ("C1 CompilerThre", "C2 CompilerThre"), by thread id. */
  private Map<String, Double> compilerThreads() {
    Map<String, Double> threads = new LinkedHashMap<>();
    try (Stream<Path> tasks = Files.list(PROC.resolve(Long.toString(serverPid)).resolve("task"))) {
      for (Path task : tasks.toList()) {
        String stat = read(task.resolve("stat"));
        if (stat.contains("(C1 CompilerThre)") || stat.contains("(C2 CompilerThre)")) {
          threads.put(task.getFileName().toString(), times(stat, false));
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return threads;
  }

  private static List<Long> children(long parent) {
    try (Stream<Path> processes = Files.list(PROC)) {
      return processes.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
          .filter(pid -> {
            String stat = read(PROC.resolve(pid).resolve("stat"));
            return !stat.isEmpty() && Long.parseLong(fields(stat)[1]) == parent;
          }).map(Long::parseLong).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Path stat(long pid) {
    return PROC.resolve(Long.toString(pid)).resolve("stat");
  }

  /** utime + stime of a process or thread, with its ended children's when asked (ended backends). */
  private static double seconds(Path stat, boolean withEndedChildren) {
    String text = read(stat);
    return text.isEmpty() ? 0 : times(text, withEndedChildren);
  }

  private static double times(String stat, boolean withEndedChildren) {
    String[] fields = fields(stat);
    // Fields after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    if (withEndedChildren) {
      ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
    return ticks / TICKS_PER_SECOND;
  }

  /** The fields after the command name, which is in parentheses and may itself contain spaces. */
  private static String[] fields(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
