package cn.subsidy.report;

import static cn.subsidy.report.ReportTable.column;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.application.ApplicationType;
import cn.subsidy.county.Counties;
import cn.subsidy.county.County;
import cn.subsidy.report.ReportTable.Column;
import cn.subsidy.report.ReportTable.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officials' reports (统计报表): applications by county, subsidy, status and month, amounts
 * approved and paid, days from submission to payment, late county reviews, and the list of
 * applications. Read-only queries over the applications and their history ({@code application_event}).
 */
@Service
class Reports {

  /** The tables, in the order the page shows them. */
  static final List<String> TABLES = List.of("by-county", "by-subsidy", "by-status", "by-month", "payment-time",
      "overdue-reviews", "breakdown", "applications");

  static final List<String> IN_PROGRESS = List.of("SUBMITTED", "UNDER_REVIEW", "SUPPLEMENT_REQUIRED", "PUBLIC_NOTICE",
      "AWAITING_PROVINCE");
  /** Approved by the province, whether paid yet or not. */
  static final List<String> APPROVED = List.of("APPROVED", "PAYING", "PAID", "PAYMENT_FAILED");

  /** The counts and amounts of the by-county and by-subsidy tables. */
  private static final String MEASURES = """
      count(app.application_no) as applications,
      count(*) filter (where app.status in (%s)) as in_progress,
      count(*) filter (where app.status = 'REJECTED') as rejected,
      count(*) filter (where app.status = 'WITHDRAWN') as withdrawn,
      count(*) filter (where app.status in (%s)) as approved,
      count(*) filter (where app.status = 'PAID') as paid,
      coalesce(sum(app.amount) filter (where app.status in (%s)), 0) as amount_approved,
      coalesce(sum(app.amount) filter (where app.status = 'PAID'), 0) as amount_paid
      """.formatted(quoted(IN_PROGRESS), quoted(APPROVED), quoted(APPROVED));

  private static final List<Column> MEASURE_COLUMNS = List.of(
      column("applications", "申请数 / Applications", Kind.COUNT),
      column("inProgress", "办理中 / In progress", Kind.COUNT),
      column("rejected", "未通过 / Rejected", Kind.COUNT),
      column("withdrawn", "已撤回 / Withdrawn", Kind.COUNT),
      column("approved", "已批准 / Approved", Kind.COUNT),
      column("paid", "已支付 / Paid", Kind.COUNT),
      column("amountApproved", "批准金额（元） / Amount approved (yuan)", Kind.MONEY),
      column("amountPaid", "支付金额（元） / Amount paid (yuan)", Kind.MONEY));

  private final JdbcClient jdbc;
  private final Counties counties;
  private final ReviewDeadlines reviewDeadlines;
  private final Clock clock;

  Reports(JdbcClient jdbc, Counties counties, ReviewDeadlines reviewDeadlines, Clock clock) {
    this.jdbc = jdbc;
    this.counties = counties;
    this.reviewDeadlines = reviewDeadlines;
    this.clock = clock;
  }

  /** One table by name; {@code limit} caps the rows of the application list (null: all of them). */
  @Transactional(readOnly = true)
  public ReportTable table(String name, ReportScope scope, ReportFilter filter, Integer limit) {
    ReportQuery query = new ReportQuery(scope, filter, clock.getZone());
    return table(name, query, filter, limit, lateReviews(query));
  }

  /** Every table; the late reviews, which two tables need, are looked up once. */
  @Transactional(readOnly = true)
  public List<ReportTable> all(ReportScope scope, ReportFilter filter, Integer limit) {
    ReportQuery query = new ReportQuery(scope, filter, clock.getZone());
    Supplier<List<ReviewDeadlines.LateReview>> late = lateReviews(query);
    return TABLES.stream().map(name -> table(name, query, filter, limit, late)).toList();
  }

  private ReportTable table(String name, ReportQuery query, ReportFilter filter, Integer limit,
      Supplier<List<ReviewDeadlines.LateReview>> late) {
    return switch (name) {
      case "by-county" -> byCounty(query, late.get());
      case "by-subsidy" -> bySubsidy(query);
      case "by-status" -> byStatus(query);
      case "by-month" -> byMonth(query, filter);
      case "payment-time" -> paymentTime(query);
      case "overdue-reviews" -> overdueReviews(late.get());
      case "breakdown" -> breakdown(query);
      case "applications" -> applications(query, limit);
      default -> throw new cn.subsidy.web.NotFoundException("没有这个报表 / No report table '" + name + "'. Tables: "
          + String.join(", ", TABLES));
    };
  }

  /** The late reviews of the query, looked up on first use. */
  private Supplier<List<ReviewDeadlines.LateReview>> lateReviews(ReportQuery query) {
    List<List<ReviewDeadlines.LateReview>> found = new ArrayList<>();
    return () -> {
      if (found.isEmpty()) {
        found.add(reviewDeadlines.lateReviews(query));
      }
      return found.get(0);
    };
  }

  private ReportTable byCounty(ReportQuery q, List<ReviewDeadlines.LateReview> lateReviews) {
    List<Column> columns = new ArrayList<>(List.of(
        column("countyCode", "县代码 / County code", Kind.TEXT),
        column("county", "县 / County", Kind.TEXT),
        column("province", "省 / Province", Kind.TEXT)));
    columns.addAll(MEASURE_COLUMNS);
    columns.add(column("overdueReviews", "超期审核 / Late reviews", Kind.COUNT));
    Map<String, Long> late = lateReviews.stream()
        .collect(Collectors.groupingBy(ReviewDeadlines.LateReview::countyCode, Collectors.counting()));
    List<Map<String, Object>> rows = jdbc.sql(q.with() + """
        select c.code, c.name, c.province_name, %s
        from county c left join app on app.county_code = c.code
        where %s
        group by c.code, c.name, c.province_name order by c.code
        """.formatted(MEASURES, q.countyCondition()))
        .params(q.params())
        .query((rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("countyCode", rs.getString("code"));
          row.put("county", rs.getString("name"));
          row.put("province", rs.getString("province_name"));
          measures(rs, row);
          row.put("overdueReviews", late.getOrDefault(rs.getString("code"), 0L));
          return row;
        }).list();
    return new ReportTable("by-county", "按县统计 / By county", columns, rows);
  }

  private ReportTable bySubsidy(ReportQuery q) {
    List<Column> columns = new ArrayList<>(List.of(
        column("type", "补贴代码 / Subsidy code", Kind.TEXT),
        column("subsidy", "补贴 / Subsidy", Kind.LABEL)));
    columns.addAll(MEASURE_COLUMNS);
    List<Map<String, Object>> rows = jdbc.sql(q.with() + """
        select t.type, %s
        from (values ('TRAINING'), ('TRANSPORT')) as t(type) left join app on app.type = t.type
        group by t.type order by t.type
        """.formatted(MEASURES))
        .params(q.params())
        .query((rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("type", rs.getString("type"));
          row.put("subsidy", subsidy(rs.getString("type")));
          measures(rs, row);
          return row;
        }).list();
    return new ReportTable("by-subsidy", "按补贴统计 / By subsidy", columns, rows);
  }

  private ReportTable byStatus(ReportQuery q) {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, BigDecimal> amounts = new HashMap<>();
    jdbc.sql(q.with() + "select status, count(*) as n, coalesce(sum(amount), 0) as amount from app group by status")
        .params(q.params())
        .query((ResultSet rs) -> {
          counts.put(rs.getString("status"), new long[] {rs.getLong("n")});
          amounts.put(rs.getString("status"), money(rs.getBigDecimal("amount")));
        });
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ApplicationStatus status : ApplicationStatus.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("status", status.name());
      row.put("statusText", status.chinese() + " / " + status.english());
      row.put("applications", counts.getOrDefault(status.name(), new long[] {0})[0]);
      row.put("amount", amounts.getOrDefault(status.name(), money(BigDecimal.ZERO)));
      rows.add(row);
    }
    return new ReportTable("by-status", "按状态统计 / By status", List.of(
        column("status", "状态代码 / Status code", Kind.TEXT),
        column("statusText", "状态 / Status", Kind.LABEL),
        column("applications", "申请数 / Applications", Kind.COUNT),
        column("amount", "核定金额（元） / Amount determined (yuan)", Kind.MONEY)), rows);
  }

  /**
   * Per month: applications submitted, approved by the province and paid, by the month each happened
   * (the first approval and the first payment in the history). The months run without gaps, so that
   * the chart shows quiet months too.
   */
  private ReportTable byMonth(ReportQuery q, ReportFilter filter) {
    Map<String, Map<String, Object>> months = new TreeMap<>();
    Function<String, Map<String, Object>> month = m -> months.computeIfAbsent(m, Reports::emptyMonth);
    jdbc.sql(q.with() + """
        , firsts as (
          select e.application_no,
            min(e.occurred_at) filter (where e.status = 'APPROVED') as approved_at,
            min(e.occurred_at) filter (where e.status = 'PAID') as paid_at
          from application_event e join app on app.application_no = e.application_no
          where e.status in ('APPROVED', 'PAID')
          group by e.application_no
        )
        select 'submitted' as kind, app.month, count(*) as n, coalesce(sum(app.amount), 0) as amount
          from app group by app.month
        union all
        select 'approved', to_char(f.approved_at at time zone :zone, 'YYYY-MM'), count(*), coalesce(sum(app.amount), 0)
          from firsts f join app on app.application_no = f.application_no where f.approved_at is not null
          group by 2
        union all
        select 'paid', to_char(f.paid_at at time zone :zone, 'YYYY-MM'), count(*), coalesce(sum(app.amount), 0)
          from firsts f join app on app.application_no = f.application_no where f.paid_at is not null
          group by 2
        """)
        .params(q.params())
        .query((ResultSet rs) -> {
          Map<String, Object> row = month.apply(rs.getString("month"));
          String kind = rs.getString("kind");
          row.put(kind, rs.getLong("n"));
          if (!kind.equals("submitted")) {
            row.put(kind.equals("approved") ? "amountApproved" : "amountPaid", money(rs.getBigDecimal("amount")));
          }
        });
    fillGaps(months, filter);
    return new ReportTable("by-month", "按月统计 / By month", List.of(
        column("month", "月份 / Month", Kind.TEXT),
        column("submitted", "提交 / Submitted", Kind.COUNT),
        column("approved", "批准 / Approved", Kind.COUNT),
        column("amountApproved", "批准金额（元） / Amount approved (yuan)", Kind.MONEY),
        column("paid", "支付 / Paid", Kind.COUNT),
        column("amountPaid", "支付金额（元） / Amount paid (yuan)", Kind.MONEY)), new ArrayList<>(months.values()));
  }

  private static Map<String, Object> emptyMonth(String month) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("month", month);
    row.put("submitted", 0L);
    row.put("approved", 0L);
    row.put("amountApproved", money(BigDecimal.ZERO));
    row.put("paid", 0L);
    row.put("amountPaid", money(BigDecimal.ZERO));
    return row;
  }

  private static void fillGaps(Map<String, Map<String, Object>> months, ReportFilter filter) {
    if (months.isEmpty() && (filter.from() == null || filter.to() == null)) {
      return;
    }
    YearMonth first = filter.from() != null ? filter.from() : YearMonth.parse(months.keySet().iterator().next());
    YearMonth last = months.isEmpty() ? filter.to() : YearMonth.parse(((TreeMap<String, ?>) months).lastKey());
    if (filter.to() != null && filter.to().isAfter(last)) {
      last = filter.to();
    }
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.computeIfAbsent(m.toString(), Reports::emptyMonth);
    }
  }

  /**
   * Days from submission to payment (calendar days, from the history's SUBMITTED step to the first
   * PAID status), per county and in all: how many were paid, the average and the 95th percentile.
   */
  private ReportTable paymentTime(ReportQuery q) {
    Map<String, String> names = countyNames();
    List<Map<String, Object>> rows = jdbc.sql(q.with() + """
        , times as (
          select e.application_no,
            min(e.occurred_at) filter (where e.step = 'SUBMITTED') as submitted_at,
            min(e.occurred_at) filter (where e.status = 'PAID') as paid_at
          from application_event e join app on app.application_no = e.application_no
          where e.step = 'SUBMITTED' or e.status = 'PAID'
          group by e.application_no
        ), days as (
          select app.county_code, extract(epoch from (t.paid_at - t.submitted_at)) / 86400.0 as days
          from times t join app on app.application_no = t.application_no
          where t.paid_at is not null and t.submitted_at is not null
        )
        select county_code, count(*) as paid, avg(days) as average,
          percentile_cont(0.95) within group (order by days) as p95, max(days) as longest
        from days group by rollup (county_code) order by county_code nulls last
        """)
        .params(q.params())
        .query((rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          String code = rs.getString("county_code");
          row.put("countyCode", code == null ? "" : code);
          row.put("county", code == null ? "合计 / All" : names.getOrDefault(code, code));
          row.put("paid", rs.getLong("paid"));
          row.put("averageDays", days(rs.getBigDecimal("average")));
          row.put("p95Days", days(rs.getBigDecimal("p95")));
          row.put("longestDays", days(rs.getBigDecimal("longest")));
          return row;
        }).list();
    return new ReportTable("payment-time", "从提交到支付的天数 / Days from submission to payment", List.of(
        column("countyCode", "县代码 / County code", Kind.TEXT),
        column("county", "县 / County", Kind.LABEL),
        column("paid", "已支付申请数 / Applications paid", Kind.COUNT),
        column("averageDays", "平均天数 / Average days", Kind.DAYS),
        column("p95Days", "95%分位天数 / 95th percentile days", Kind.DAYS),
        column("longestDays", "最长天数 / Longest days", Kind.DAYS)), rows);
  }

  private ReportTable overdueReviews(List<ReviewDeadlines.LateReview> lateReviews) {
    Map<String, String> names = countyNames();
    List<Map<String, Object>> rows = lateReviews.stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("applicationNo", r.applicationNo());
      row.put("countyCode", r.countyCode());
      row.put("county", names.getOrDefault(r.countyCode(), r.countyCode()));
      row.put("subsidy", subsidy(r.type()));
      row.put("state", r.decidedAt() == null ? "审核中 / still open" : "已审核 / decided late");
      row.put("startedAt", r.startedAt());
      row.put("deadline", r.deadline());
      row.put("decidedAt", r.decidedAt());
      row.put("workingDays", r.workingDays());
      row.put("overdueWorkingDays", r.overdueWorkingDays());
      return row;
    }).toList();
    return new ReportTable("overdue-reviews", "超期的县级审核 / County reviews past their deadline", List.of(
        column("applicationNo", "申请编号 / Application no.", Kind.TEXT),
        column("countyCode", "县代码 / County code", Kind.TEXT),
        column("county", "县 / County", Kind.TEXT),
        column("subsidy", "补贴 / Subsidy", Kind.LABEL),
        column("state", "情况 / State", Kind.LABEL),
        column("startedAt", "开始审核 / Review started", Kind.TIME),
        column("deadline", "审核期限 / Deadline", Kind.TIME),
        column("decidedAt", "审核完成 / Decided", Kind.TIME),
        column("workingDays", "用时（工作日） / Working days taken", Kind.COUNT),
        column("overdueWorkingDays", "超期（工作日） / Working days late", Kind.COUNT)), rows);
  }

  private ReportTable breakdown(ReportQuery q) {
    Map<String, String> names = countyNames();
    List<Map<String, Object>> rows = jdbc.sql(q.with() + """
        select county_code, type, month, status, count(*) as n, coalesce(sum(amount), 0) as amount
        from app group by county_code, type, month, status order by county_code, type, month, status
        """)
        .params(q.params())
        .query((rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("countyCode", rs.getString("county_code"));
          row.put("county", names.getOrDefault(rs.getString("county_code"), rs.getString("county_code")));
          row.put("subsidy", subsidy(rs.getString("type")));
          row.put("month", rs.getString("month"));
          row.put("status", rs.getString("status"));
          row.put("statusText", statusText(rs.getString("status")));
          row.put("applications", rs.getLong("n"));
          row.put("amount", money(rs.getBigDecimal("amount")));
          return row;
        }).list();
    return new ReportTable("breakdown", "按县、补贴、月份和状态 / By county, subsidy, month and status", List.of(
        column("countyCode", "县代码 / County code", Kind.TEXT),
        column("county", "县 / County", Kind.TEXT),
        column("subsidy", "补贴 / Subsidy", Kind.LABEL),
        column("month", "提交月份 / Month submitted", Kind.TEXT),
        column("statusText", "状态 / Status", Kind.LABEL),
        column("applications", "申请数 / Applications", Kind.COUNT),
        column("amount", "核定金额（元） / Amount determined (yuan)", Kind.MONEY)), rows);
  }

  private ReportTable applications(ReportQuery q, Integer limit) {
    Map<String, String> names = countyNames();
    long total = jdbc.sql(q.with() + "select count(*) from app").params(q.params()).query(Long.class).single();
    List<Map<String, Object>> rows = jdbc.sql(q.with() + """
        select application_no, county_code, type, status, name, submitted_at, amount from app
        order by submitted_at desc, application_no desc
        """ + (limit == null ? "" : " limit " + Math.max(0, limit)))
        .params(q.params())
        .query((rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("applicationNo", rs.getString("application_no"));
          row.put("countyCode", rs.getString("county_code"));
          row.put("county", names.getOrDefault(rs.getString("county_code"), rs.getString("county_code")));
          row.put("subsidy", subsidy(rs.getString("type")));
          row.put("name", rs.getString("name"));
          row.put("status", rs.getString("status"));
          row.put("statusText", statusText(rs.getString("status")));
          row.put("submittedAt", rs.getTimestamp("submitted_at").toInstant());
          row.put("amount", rs.getBigDecimal("amount") == null ? null : money(rs.getBigDecimal("amount")));
          return row;
        }).list();
    return new ReportTable("applications", "申请列表 / Applications", List.of(
        column("applicationNo", "申请编号 / Application no.", Kind.TEXT),
        column("county", "县 / County", Kind.TEXT),
        column("subsidy", "补贴 / Subsidy", Kind.LABEL),
        column("name", "申请人 / Applicant", Kind.TEXT),
        column("statusText", "状态 / Status", Kind.LABEL),
        column("submittedAt", "提交时间 / Submitted", Kind.TIME),
        column("amount", "核定金额（元） / Amount (yuan)", Kind.MONEY)), rows, (int) total);
  }

  private static void measures(ResultSet rs, Map<String, Object> row) throws SQLException {
    row.put("applications", rs.getLong("applications"));
    row.put("inProgress", rs.getLong("in_progress"));
    row.put("rejected", rs.getLong("rejected"));
    row.put("withdrawn", rs.getLong("withdrawn"));
    row.put("approved", rs.getLong("approved"));
    row.put("paid", rs.getLong("paid"));
    row.put("amountApproved", money(rs.getBigDecimal("amount_approved")));
    row.put("amountPaid", money(rs.getBigDecimal("amount_paid")));
  }

  private Map<String, String> countyNames() {
    return counties.all().stream().collect(Collectors.toMap(County::code, County::name));
  }

  private static String subsidy(String type) {
    ApplicationType t = ApplicationType.valueOf(type);
    return t.chinese() + " / " + t.english();
  }

  private static String statusText(String status) {
    ApplicationStatus s = ApplicationStatus.valueOf(status);
    return s.chinese() + " / " + s.english();
  }

  private static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal days(BigDecimal days) {
    return days == null ? null : days.setScale(1, RoundingMode.HALF_UP);
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }
}
