package cn.subsidy.bench;

import cn.subsidy.support.Http;
import cn.subsidy.support.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A county list of 100,000 people imported as staff do it ({@code POST /api/registry/import}, CSV), then
 * the same file again (which must change nothing): the time of each, as the server answers.
 */
final class RegistryLoad {

  private RegistryLoad() {}

  /** The CSV: {@code lines} valid people over the demo counties, both categories. */
  static byte[] csv(int lines) {
    StringBuilder csv = new StringBuilder(lines * 48).append("idNumber,name,countyCode,category\n");
    for (int i = 0; i < lines; i++) {
      // One person per county and birthday, so that no two lines share an identity number.
      String county = AppLifecycle.COUNTIES.get(i % AppLifecycle.COUNTIES.size());
      LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(i / AppLifecycle.COUNTIES.size());
      csv.append(Ids.of(county, birth)).append(",名单").append(i % 1000).append(',').append(county)
          .append(i % 10 == 0 ? ",监测对象\n" : ",脱贫人口\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Seconds until the server answered, after checking it imported every line. */
  static double importOnce(Http admin, byte[] csv, int lines) {
    long start = System.nanoTime();
    Http.Response response = admin.post("/api/registry/import", "text/csv; charset=utf-8", csv);
    double seconds = (System.nanoTime() - start) / 1e9;
    JsonNode result = response.json();
    if (response.status() != 200 || result.get("imported").asInt() != lines || !result.get("rejected").isEmpty()) {
      throw new AssertionError("registry import: " + response.status() + " " + response.body());
    }
    return seconds;
  }
}
