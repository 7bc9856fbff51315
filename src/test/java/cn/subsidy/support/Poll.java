package cn.subsidy.support;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for an asynchronous step (job executor, outbox, a server coming back) with short, growing
 * sleeps: the probe's first non-null answer. A probe that throws (a server restarting refuses the
 * connection) is tried again; the last such failure is the cause of the timeout.
 */
public final class Poll {

  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Poll() {}

  public static <T> T until(String what, Supplier<T> probe) {
    return until(what, TIMEOUT, probe);
  }

  public static <T> T until(String what, Duration timeout, Supplier<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long sleep = 2;
    RuntimeException last = null;
    while (true) {
      try {
        T value = probe.get();
        if (value != null) {
          return value;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
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
