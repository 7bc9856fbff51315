package cn.subsidy.bench;

import cn.subsidy.support.AppProcess;
import cn.subsidy.support.StandalonePostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileScratchTest {
  static Map<String, String> env(StandalonePostgres postgres) {
    var env = new java.util.HashMap<>(postgres.environment("subsidy"));
    env.put("JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions:stackdepth=400");
    return env;
  }
  @Test
  void profile() throws Exception {
    int threads = Integer.getInteger("threads", 4);
    int per = Integer.getInteger("per", 16);
    try (StandalonePostgres postgres = StandalonePostgres.start("profile")) {
      postgres.createDatabase("subsidy");
      try (AppProcess app = AppProcess.start("profile", env(postgres), Map.of(
          "subsidy.mail.embedded-smtp-port", "0", "subsidy.mail.embedded-imap-port", "0"), Duration.ofMinutes(3))) {
        Users users = new Users(app.port());
        AppLifecycle driver = new AppLifecycle(users, new Latencies());
        driver.importPeople(threads * per * 3 / AppLifecycle.COUNTIES.size() + 40);
        driver.round(2, 6);
        Latencies measured = new Latencies();
        AppLifecycle timed = driver.recordingInto(measured);
        String jfr = System.getProperty("jfr", "");
        if (!jfr.isEmpty()) {
          new ProcessBuilder("jcmd", Long.toString(app.pid()), "JFR.start", "name=p", "settings=profile").inheritIO().start().waitFor();
        }
        for (int r = 0; r < 2; r++) {
          long start = System.nanoTime();
          int done = timed.round(threads, per).size();
          System.out.printf("ROUND %d threads: %.2f/s%n", threads, done / ((System.nanoTime() - start) / 1e9));
        }
        if (!jfr.isEmpty()) {
          new ProcessBuilder("jcmd", Long.toString(app.pid()), "JFR.dump", "name=p", "filename=" + Path.of(jfr).toAbsolutePath()).inheritIO().start().waitFor();
        }
        System.out.println("LAT " + measured.summary());
      }
    }
  }
}
