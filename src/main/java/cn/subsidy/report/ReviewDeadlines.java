package cn.subsidy.report;

import cn.subsidy.calendar.Deadlines;
import cn.subsidy.calendar.WorkingDayCalendar;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * County reviews past their deadline: reviews still open after the county-review deadline
 * ({@code subsidy.deadlines.working-days.county-review}, counted in working days with the published
 * holidays), and reviews that were decided after it. Each review round counts on its own: a review
 * starts when the application reaches {@code Task_CountyReview} and ends with the county's decision.
 */
@Component
class ReviewDeadlines {

  /** One late review. {@code decidedAt} is null while it is still open. */
  record LateReview(String applicationNo, String countyCode, String type, Instant startedAt, Instant deadline,
      Instant decidedAt, int workingDays, int overdueWorkingDays) {}

  static final String DEADLINE = "county-review";

  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;
  private final Clock clock;

  ReviewDeadlines(JdbcClient jdbc, WorkingDayCalendar calendar, Deadlines deadlines, Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  List<LateReview> lateReviews(ReportQuery q) {
    int days = deadlines.workingDays(DEADLINE);
    Instant now = clock.instant();
    Map<String, Object> params = new HashMap<>(q.params());
    params.put("now", Timestamp.from(now));
    params.put("days", days);
    // n working days are at least n calendar days: only rounds longer than that can be late, and the
    // database leaves out the rest before the calendar decides.
    return jdbc.sql(q.with() + """
        , rounds as (
          select s.application_no, app.county_code, app.type, app.status, s.occurred_at as started_at,
            (select min(d.occurred_at) from application_event d
              where d.application_no = s.application_no and d.id > s.id and d.step = 'COUNTY_REVIEW') as decided_at,
            not exists (select 1 from application_event later
              where later.application_no = s.application_no and later.id > s.id
                and later.step = 'Task_CountyReview') as latest
          from application_event s join app on app.application_no = s.application_no
          where s.step = 'Task_CountyReview'
        )
        select application_no, county_code, type, started_at, decided_at from rounds
        where (decided_at is not null or (latest and status = 'UNDER_REVIEW'))
          and coalesce(decided_at, :now) > started_at + make_interval(days => :days)
        order by started_at, application_no
        """)
        .params(params)
        .query((rs, n) -> {
          Instant started = rs.getTimestamp("started_at").toInstant();
          Timestamp decided = rs.getTimestamp("decided_at");
          return late(rs.getString("application_no"), rs.getString("county_code"), rs.getString("type"), started,
              decided == null ? null : decided.toInstant(), now, days);
        })
        .list().stream().filter(r -> r != null).toList();
  }

  private LateReview late(String applicationNo, String county, String type, Instant started, Instant decided,
      Instant now, int days) {
    Instant deadline = calendar.plusWorkingDays(started, days);
    Instant end = decided == null ? now : decided;
    if (!end.isAfter(deadline)) {
      return null;
    }
    return new LateReview(applicationNo, county, type, started, deadline, decided,
        calendar.workingDaysBetween(date(started), date(end)), calendar.workingDaysBetween(date(deadline), date(end)));
  }

  private LocalDate date(Instant instant) {
    return instant.atZone(clock.getZone()).toLocalDate();
  }
}
