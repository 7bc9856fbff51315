package cn.subsidy.bench;

import static cn.subsidy.bench.AppLifecycle.expect;

import cn.subsidy.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * 10,000 approved applications of one county waiting for a batch, then county finance's three steps:
 * create the batch, export the bank file, upload the bank's result (all PAID). Seeding: the applications
 * are rows written in SQL; the payment process ({@code subsidyPayment}) of the first is started through
 * {@code /engine-rest}, which writes its instruction with the product's own code; {@link RowCloner}
 * copies that instance's rows and the instruction for the rest, so the bank result moves 10,000 real
 * process instances on.
 */
final class PaymentLoad {

  static final String COUNTY = "620823";
  static final String PREFIX = COUNTY + "-2020-";
  private static final String NUMBER = "'" + PREFIX + "' || lpad(g::text, 6, '0')";

  private final Users users;
  private final DataSource database;
  private final Map<String, Object> details = new LinkedHashMap<>();

  PaymentLoad(Users users, DataSource database) {
    this.users = users;
    this.database = database;
  }

  Map<String, Object> details() {
    return details;
  }

  void seed(int applications) {
    long start = System.nanoTime();
    Sql.update(database, """
        insert into application (application_no, type, county_code, id_number, name, phone, bank, account_number,
          pledge, channel, submitted_at, application_date, status, amount, transport_year, work_province,
          work_prefecture, work_county, employer, employment_start, band)
        select %s, 'TRANSPORT', '%s', '%s1990' || lpad(g::text, 8, '0'), '张测', '13800138000', '中国农业银行',
          '6228480012345678901', true, 'ONLINE', now(), current_date, 'APPROVED', 500.00, 2020, '广东省', '深圳市',
          '宝安区', '深圳某电子有限公司', date '2020-01-01', 'OTHER_PROVINCE'
        from generate_series(1, %d) g""".formatted(NUMBER, COUNTY, COUNTY, applications));
    String first = PREFIX + "000001";
    JsonNode started = expect(users.as("admin").postJson("/engine-rest/process-definition/key/subsidyPayment/start",
        Map.of("businessKey", first, "variables", Map.of("applicationNo", Map.of("value", first),
            "countyCode", Map.of("value", COUNTY), "provinceCode", Map.of("value", COUNTY.substring(0, 2)),
            "type", Map.of("value", "TRANSPORT")))), 200, "start payment").json();
    String instance = "'" + started.get("id").asText() + "'";
    String where = "t.proc_inst_id_ = " + instance;
    String copyNumber = "'" + PREFIX + "' || lpad((g + 1)::text, 6, '0')";
    Map<String, Integer> rows = new RowCloner(database)
        .rows("act_ru_execution", where).rows("act_ru_event_subscr", where).rows("act_ru_variable", where)
        .rows("act_hi_procinst", where).rows("act_hi_actinst", where).rows("act_hi_varinst", where)
        .rows("act_hi_detail", where)
        .override("business_key_", "case when t.business_key_ is null then null else " + copyNumber + " end")
        .override("act_ru_variable", "text_", "case when t.name_ = 'applicationNo' then " + copyNumber
            + " else t.text_ end")
        .copy(applications - 1);
    int instructions = Sql.update(database, """
        insert into payment_instruction (application_no, county_code, name, bank, account_number, amount, status,
          attempts, created_at, updated_at)
        select %s, county_code, name, bank, account_number, amount, status, attempts, created_at, updated_at
        from payment_instruction t, generate_series(2, %d) g where t.application_no = '%s'"""
        .formatted(NUMBER, applications, first));
    long open = Sql.number(database, "select count(*) from payment_instruction where county_code = '" + COUNTY
        + "' and status = 'OPEN'");
    long waiting = Sql.number(database, "select count(*) from act_ru_event_subscr s join act_ru_execution e"
        + " on e.id_ = s.proc_inst_id_ where s.event_name_ = 'BankResult' and e.business_key_ like '" + PREFIX + "%'");
    if (open != applications || waiting != applications) {
      throw new AssertionError("seeded " + open + " open instructions and " + waiting + " waiting processes");
    }
    details.put("seed_s", Results.round((System.nanoTime() - start) / 1e9));
    details.put("seed_method", "application rows in SQL; subsidyPayment of the first started through /engine-rest;"
        + " its rows copied in SQL: " + rows + ", payment_instruction=" + (instructions + 1));
  }

  /** Times the three steps; returns their sum in seconds. */
  double pay(int applications) {
    Http finance = users.as("finance" + COUNTY);
    long t0 = System.nanoTime();
    JsonNode batch = expect(finance.postJson("/api/payments/batches", Map.of("countyCode", COUNTY)), 201, "batch")
        .json();
    long t1 = System.nanoTime();
    long id = batch.get("id").asLong();
    String file = expect(finance.get("/api/payments/batches/" + id + "/file"), 200, "bank file").body();
    long t2 = System.nanoTime();
    StringBuilder result = new StringBuilder("applicationNo,result,reason\n");
    batch.get("instructions").forEach(line -> result.append(line.get("applicationNo").asText()).append(",PAID,\n"));
    long t3 = System.nanoTime();
    expect(finance.post("/api/payments/batches/" + id + "/result", "text/csv",
        result.toString().getBytes(StandardCharsets.UTF_8)), 200, "bank result");
    long t4 = System.nanoTime();
    long paid = Sql.number(database, "select count(*) from application where application_no like '" + PREFIX
        + "%' and status = 'PAID'");
    details.put("batch_instructions", batch.get("instructions").size());
    details.put("bank_file_lines", file.lines().count());
    details.put("batch_create_s", seconds(t1 - t0));
    details.put("bank_file_export_s", seconds(t2 - t1));
    details.put("result_upload_s", seconds(t4 - t3));
    details.put("paid_when_upload_answered", paid);
    if (batch.get("instructions").size() != applications || paid != applications) {
      throw new AssertionError("batch of " + batch.get("instructions").size() + ", " + paid + " PAID");
    }
    awaitProcessesEnded(applications, t4);
    return seconds(t1 - t0) + seconds(t2 - t1) + seconds(t4 - t3);
  }

  /** The outbox moves each payment process on after the upload; how long until all have ended (capped). */
  private void awaitProcessesEnded(int applications, long uploadAnswered) {
    Duration cap = Duration.ofSeconds(30);
    long running;
    do {
      sleep();
      running = Sql.number(database, "select count(*) from act_ru_execution where business_key_ like '" + PREFIX
          + "%'");
    } while (running > 0 && System.nanoTime() - uploadAnswered < cap.toNanos());
    double elapsed = seconds(System.nanoTime() - uploadAnswered);
    details.put("processes_ended_after_upload", applications - running);
    details.put("processes_ended_within_s", Results.round(elapsed));
    details.put("processes_ended_per_s", Results.round((applications - running) / elapsed));
  }

  private static double seconds(long nanos) {
    return Results.round(nanos / 1e9);
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
