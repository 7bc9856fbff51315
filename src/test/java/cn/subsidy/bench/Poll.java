package cn.subsidy.bench;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an asynchronous step (job executor, outbox) with short sleeps. */
final class Poll {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Poll() {}

  static <T> T until(String what, Supplier<T> probe) {
    return until(what, TIMEOUT, probe);
  }

  static <T> T until(String what, Duration timeout, Supplier<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long sleep = 2;
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep = Math.min(sleep * 2, 50);
    }
  }
}
