package cn.subsidy.notice;

import cn.subsidy.county.Counties;
import cn.subsidy.person.Masking;
import cn.subsidy.web.InvalidRequestException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public notice (公示) of each county, with masked personal data, and objections to it. Both are
 * public: anyone may read the notice and raise an objection while it runs.
 */
@RestController
class NoticeController {

  /** One line of a county's notice. */
  record NoticeEntry(String applicationNo, String name, String idNumber, String type, BigDecimal amount,
      Instant noticeStartsAt, Instant noticeEndsAt) {}

  private final JdbcClient jdbc;
  private final Counties counties;
  private final ObjectionService objections;
  private final Clock clock;

  NoticeController(JdbcClient jdbc, Counties counties, ObjectionService objections, Clock clock) {
    this.jdbc = jdbc;
    this.counties = counties;
    this.objections = objections;
    this.clock = clock;
  }

  @GetMapping("/api/notices")
  Map<String, Object> notices(@RequestParam(name = "countyCode", required = false) String countyCode) {
    if (countyCode == null || !countyCode.matches("\\d{6}") || counties.find(countyCode).isEmpty()) {
      throw new InvalidRequestException("countyCode", "请提供本系统受理的县代码（6位数字）/ Give the code of a county served"
          + " here (six digits).");
    }
    List<NoticeEntry> entries = jdbc.sql("""
        select application_no, name, id_number, type, amount, notice_starts_at, notice_ends_at from application
        where county_code = ? and status = 'PUBLIC_NOTICE' and notice_ends_at > ? order by notice_starts_at, application_no
        """).params(countyCode, Timestamp.from(clock.instant()))
        .query((rs, n) -> new NoticeEntry(rs.getString("application_no"), Masking.name(rs.getString("name")),
            Masking.idNumber(rs.getString("id_number")),
            "TRAINING".equals(rs.getString("type")) ? "职业培训补贴" : "一次性交通补助", rs.getBigDecimal("amount"),
            rs.getTimestamp("notice_starts_at").toInstant(), rs.getTimestamp("notice_ends_at").toInstant()))
        .list();
    return Map.of("countyCode", countyCode, "county", counties.find(countyCode).get().name(), "entries", entries);
  }

  @PostMapping("/api/applications/{applicationNo}/objections")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> object(@PathVariable String applicationNo, @RequestBody(required = false) Map<String, Object> body) {
    Object reason = body == null ? null : body.get("reason");
    Object contact = body == null ? null : body.get("contact");
    if (reason != null && !(reason instanceof String) || contact != null && !(contact instanceof String)) {
      throw new InvalidRequestException("reason", "异议理由应为文字 / reason must be text.");
    }
    long id = objections.raise(applicationNo, (String) reason, (String) contact);
    return Map.of("objectionId", id, "applicationNo", applicationNo,
        "message", "异议已受理，县级将在5个工作日内处理 / The objection is received; the county decides within 5 working days.");
  }
}
