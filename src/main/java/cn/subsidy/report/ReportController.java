package cn.subsidy.report;

import cn.subsidy.county.Counties;
import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.Staff;
import cn.subsidy.web.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports}: the officials' reports, scoped to the caller (county staff: their county;
 * approvers: their province; administrators: everything; anyone else: 403), as JSON for the page and
 * as CSV or Excel files for every table.
 */
@RestController
class ReportController {

  /** Rows of the application list sent to the page; the exports have all of them. */
  static final int PAGE_LIMIT = 200;
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Reports reports;
  private final Counties counties;
  private final Clock clock;

  ReportController(Reports reports, Counties counties, Clock clock) {
    this.reports = reports;
    this.counties = counties;
    this.clock = clock;
  }

  /** Every table, with the key figures the page shows first. */
  @GetMapping("/api/reports")
  Map<String, Object> all(Staff staff, @RequestParam(required = false) String countyCode,
      @RequestParam(required = false) String type, @RequestParam(required = false) String status,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    ReportScope scope = ReportScope.of(staff);
    ReportFilter filter = filter(scope, countyCode, type, status, from, to);
    List<ReportTable> tables = reports.all(scope, filter, PAGE_LIMIT);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("generatedAt", clock.instant());
    answer.put("scope", scope);
    answer.put("filter", filter);
    answer.put("summary", summary(tables));
    answer.put("tables", tables);
    return answer;
  }

  @GetMapping("/api/reports/{table:[a-z-]+}")
  ReportTable table(Staff staff, @PathVariable String table, @RequestParam(required = false) String countyCode,
      @RequestParam(required = false) String type, @RequestParam(required = false) String status,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    ReportScope scope = ReportScope.of(staff);
    return reports.table(table, scope, filter(scope, countyCode, type, status, from, to), PAGE_LIMIT);
  }

  @GetMapping("/api/reports/{table:[a-z-]+}.csv")
  ResponseEntity<byte[]> csv(Staff staff, @PathVariable String table,
      @RequestParam(required = false) String countyCode, @RequestParam(required = false) String type,
      @RequestParam(required = false) String status, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
    ReportScope scope = ReportScope.of(staff);
    ReportTable result = reports.table(table, scope, filter(scope, countyCode, type, status, from, to), null);
    return file(new ReportExport(clock.getZone(), lang).csv(result), new MediaType("text", "csv", StandardCharsets.UTF_8),
        table + ".csv");
  }

  @GetMapping("/api/reports/{table:[a-z-]+}.xlsx")
  ResponseEntity<byte[]> xlsx(Staff staff, @PathVariable String table,
      @RequestParam(required = false) String countyCode, @RequestParam(required = false) String type,
      @RequestParam(required = false) String status, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
    ReportScope scope = ReportScope.of(staff);
    ReportFilter filter = filter(scope, countyCode, type, status, from, to);
    List<ReportTable> tables = table.equals("all") ? reports.all(scope, filter, null)
        : List.of(reports.table(table, scope, filter, null));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ReportExport(clock.getZone(), lang).xlsx(tables, out);
    return file(out.toByteArray(), XLSX, table + ".xlsx");
  }

  private ReportFilter filter(ReportScope scope, String countyCode, String type, String status, String from,
      String to) {
    ReportFilter filter = ReportFilter.parse(countyCode, type, status, from, to);
    if (filter.countyCode() != null) {
      if (counties.find(filter.countyCode()).isEmpty()) {
        throw new InvalidRequestException("countyCode", "县代码" + filter.countyCode() + "不是本系统受理的县 / "
            + filter.countyCode() + " is not a county served here.");
      }
      if (!scope.covers(filter.countyCode())) {
        throw new AccessDeniedException("无权查看该县的数据 / You may not see data of county " + filter.countyCode() + ".");
      }
    }
    return filter;
  }

  /** The figures at the top of the page: totals of the county table, payment times, late reviews. */
  private static Map<String, Object> summary(List<ReportTable> tables) {
    Map<String, Object> summary = new LinkedHashMap<>();
    List<Map<String, Object>> byCounty = find(tables, "by-county").rows();
    for (String key : List.of("applications", "inProgress", "approved", "paid")) {
      summary.put(key, byCounty.stream().mapToLong(r -> (Long) r.get(key)).sum());
    }
    for (String key : List.of("amountApproved", "amountPaid")) {
      summary.put(key, byCounty.stream().map(r -> (BigDecimal) r.get(key)).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    List<Map<String, Object>> times = find(tables, "payment-time").rows();
    Map<String, Object> all = times.isEmpty() ? Map.of() : times.get(times.size() - 1);
    summary.put("averageDaysToPayment", all.get("averageDays"));
    summary.put("p95DaysToPayment", all.get("p95Days"));
    summary.put("overdueReviews", find(tables, "overdue-reviews").rows().size());
    return summary;
  }

  private static ReportTable find(List<ReportTable> tables, String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
    String fileName = "report-" + name.replace(".", "-" + LocalDate.now(clock) + ".");
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content);
  }
}
