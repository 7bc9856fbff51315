package cn.subsidy.application;

import cn.subsidy.county.Counties;
import cn.subsidy.person.IdNumber;
import cn.subsidy.web.FieldProblem;
import cn.subsidy.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks that an application is complete and well-formed, naming every bad field at once in words a
 * clerk understands. Whether the applicant is eligible is the eligibility step's business, not this.
 */
@Component
class ApplicationValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$");
  private static final Pattern ACCOUNT = Pattern.compile("^\\d{10,30}$");
  private static final int MAX_TEXT = 50;

  private final Counties counties;
  private final Clock clock;

  ApplicationValidator(Counties counties, Clock clock) {
    this.counties = counties;
    this.clock = clock;
  }

  /** The typed application, or an {@link InvalidRequestException} listing every problem. */
  NewApplication validate(ApplicationRequest request, Channel channel, String filedBy) {
    Problems p = new Problems();
    if (request == null) {
      throw new InvalidRequestException("body", "请求内容为空 / The body is empty.");
    }
    LocalDate today = LocalDate.now(clock);
    ApplicationType type = p.enumValue("type", request.type(), ApplicationType.class,
        "申请类型应为 TRAINING（职业培训补贴）或 TRANSPORT（交通补助）/ type must be TRAINING or TRANSPORT");

    ApplicationRequest.Applicant applicant = request.applicant();
    String idNumber = null;
    String name = null;
    String phone = null;
    String email = null;
    if (applicant == null) {
      p.add("applicant", "请填写申请人信息 / The applicant is missing.");
    } else {
      List<String> idProblems = IdNumber.problems(applicant.idNumber(), today);
      idProblems.forEach(message -> p.add("applicant.idNumber", message));
      idNumber = idProblems.isEmpty() ? applicant.idNumber().trim().toUpperCase() : null;
      name = p.text("applicant.name", applicant.name(), "申请人姓名 / the applicant's name", true, MAX_TEXT);
      phone = p.matching("applicant.phone", applicant.phone(), PHONE,
          "手机号码应为11位，或带区号的座机号码 / The phone number must be 11 digits (mobile) or a landline with area code.");
      email = p.matching("applicant.email", applicant.email(), EMAIL,
          "电子邮箱格式不正确，例如 zhang@example.com / The email address is malformed (e.g. zhang@example.com).");
    }

    String countyCode = null;
    if (request.countyCode() == null || request.countyCode().isBlank()) {
      p.add("countyCode", "请填写申请所在县的代码 / The county code is missing.");
    } else if (counties.find(request.countyCode().trim()).isEmpty()) {
      p.add("countyCode", "县代码" + request.countyCode() + "不是本系统受理的县 / " + request.countyCode()
          + " is not a county served here.");
    } else {
      countyCode = request.countyCode().trim();
    }

    String bank = null;
    String accountNumber = null;
    if (request.account() == null) {
      p.add("account", "请填写收款账户（社保卡或本人银行账户）/ The account to pay into is missing.");
    } else {
      bank = p.text("account.bank", request.account().bank(), "开户银行 / the bank", true, 100);
      String number = request.account().number() == null ? "" : request.account().number().replace(" ", "");
      if (number.isEmpty()) {
        p.add("account.number", "请填写账号 / The account number is missing.");
      } else if (!ACCOUNT.matcher(number).matches()) {
        p.add("account.number", "账号应为10到30位数字 / The account number must be 10 to 30 digits.");
      } else {
        accountNumber = number;
      }
    }

    boolean pledge = "true".equalsIgnoreCase(request.pledge() == null ? "" : request.pledge().trim());
    if (!pledge) {
      p.add("pledge", "申请人须签署承诺书（所填信息真实，本人不是公职人员）/ The applicant must sign the pledge (the data"
          + " is true; not a public employee).");
    }

    if (channel == Channel.CLERK) {
      ApplicationRequest.Agent agent = request.agent();
      if (agent == null) {
        p.add("agent", "代办时请填写代办人 / The clerk filing on the applicant's behalf is missing.");
      } else {
        p.text("agent.name", agent.name(), "代办人姓名 / the clerk's name", true, MAX_TEXT);
        p.text("agent.organization", agent.organization(), "代办单位（村或乡镇）/ the clerk's village or township",
            true, 100);
      }
    }

    NewApplication.TrainingDetails training = null;
    NewApplication.TransportDetails transport = null;
    if (type == ApplicationType.TRAINING) {
      training = training(request.training(), today, p);
    } else if (type == ApplicationType.TRANSPORT) {
      transport = transport(request.transport(), today, p);
    }

    if (!p.list.isEmpty()) {
      throw new InvalidRequestException(p.list);
    }
    return new NewApplication(type, countyCode, idNumber, name, phone, email, bank, accountNumber, true,
        channel, filedBy, training, transport);
  }

  private NewApplication.TrainingDetails training(ApplicationRequest.Training t, LocalDate today, Problems p) {
    if (t == null) {
      p.add("training", "培训补贴申请须填写培训信息 / A training application needs the training details.");
      return null;
    }
    String occupation = p.text("training.occupation", t.occupation(), "培训职业（工种）/ the occupation", true, MAX_TEXT);
    TrainingLevel level = p.enumValue("training.level", t.level(), TrainingLevel.class,
        "证书等级应为 PRIMARY（初级）、INTERMEDIATE（中级）、ADVANCED（高级）、SPECIAL_ABILITY（专项职业能力）"
            + "或 COMPLETION（培训合格）/ level must be PRIMARY, INTERMEDIATE, ADVANCED, SPECIAL_ABILITY or COMPLETION");
    String certificateNo = p.text("training.certificateNo", t.certificateNo(), "证书编号 / the certificate number",
        true, MAX_TEXT);
    LocalDate certificateDate = p.date("training.certificateDate", t.certificateDate(), "发证日期 / the certificate date");
    if (certificateDate != null && certificateDate.isAfter(today)) {
      p.add("training.certificateDate", "发证日期不能晚于今天 / The certificate date cannot be in the future.");
    }
    Integer days = p.integer("training.trainingDays", t.trainingDays(), "培训天数 / the training days", 0, 366);
    if (occupation == null || level == null || certificateNo == null || certificateDate == null || days == null) {
      return null;
    }
    return new NewApplication.TrainingDetails(occupation, level, certificateNo, certificateDate, days);
  }

  private NewApplication.TransportDetails transport(ApplicationRequest.Transport t, LocalDate today, Problems p) {
    if (t == null) {
      p.add("transport", "交通补助申请须填写务工信息 / A transport application needs the work details.");
      return null;
    }
    Integer year = p.integer("transport.year", t.year(), "补助年度 / the subsidy year", 2000, 2100);
    if (year != null && year > today.getYear()) {
      p.add("transport.year", "补助年度不能晚于今年 / The subsidy year cannot be after this year.");
    }
    String province = p.text("transport.workProvince", t.workProvince(), "务工省份 / the province of work", true,
        MAX_TEXT);
    String prefecture = p.text("transport.workPrefecture", t.workPrefecture(), "务工地市 / the prefecture of work",
        false, MAX_TEXT);
    String county = p.text("transport.workCounty", t.workCounty(), "务工县区 / the county of work", false, MAX_TEXT);
    String employer = p.text("transport.employer", t.employer(), "就业单位 / the employer", true, 100);
    LocalDate start = p.date("transport.employmentStart", t.employmentStart(), "务工开始日期 / the employment start");
    if (start != null && start.isAfter(today)) {
      p.add("transport.employmentStart", "务工开始日期不能晚于今天 / The employment start cannot be in the future.");
    }
    TransportBand band = p.enumValue("transport.band", t.band(), TransportBand.class,
        "务工地类别应为 OTHER_PROVINCE（跨省）、OTHER_PREFECTURE（省内跨市）或 OTHER_COUNTY（市内跨县）/ band must be"
            + " OTHER_PROVINCE, OTHER_PREFECTURE or OTHER_COUNTY");
    if (band == TransportBand.OTHER_PREFECTURE && prefecture == null) {
      p.add("transport.workPrefecture", "请填写务工地市 / The prefecture of work is missing.");
    }
    if (band == TransportBand.OTHER_COUNTY && county == null) {
      p.add("transport.workCounty", "请填写务工县区 / The county of work is missing.");
    }
    BigDecimal fare = p.money("transport.fare", t.fare(), "车费 / the fare");
    if (year == null || province == null || employer == null || start == null || band == null) {
      return null;
    }
    return new NewApplication.TransportDetails(year, province, prefecture, county, employer, start, band, fare);
  }

  /** Collects problems while reading fields. */
  private static final class Problems {
    final List<FieldProblem> list = new ArrayList<>();

    void add(String field, String message) {
      list.add(new FieldProblem(field, message));
    }

    String text(String field, String value, String label, boolean required, int maxLength) {
      String v = value == null ? "" : value.strip();
      if (v.isEmpty()) {
        if (required) {
          add(field, missing(label));
        }
        return null;
      }
      if (v.length() > maxLength) {
        add(field, say(label, "不能超过" + maxLength + "个字", "must be at most " + maxLength + " characters"));
        return null;
      }
      if (v.chars().anyMatch(c -> Character.isISOControl(c))) {
        add(field, say(label, "含有不可见的控制字符", "contains control characters"));
        return null;
      }
      return v;
    }

    String matching(String field, String value, Pattern pattern, String message) {
      String v = value == null ? "" : value.strip();
      if (v.isEmpty()) {
        return null;
      }
      if (v.length() > 254 || !pattern.matcher(v).matches()) {
        add(field, message);
        return null;
      }
      return v;
    }

    LocalDate date(String field, String value, String label) {
      String v = value == null ? "" : value.strip();
      if (v.isEmpty()) {
        add(field, missing(label));
        return null;
      }
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        add(field, say(label, "应为有效日期，格式如 2026-05-10",
            "must be a real date like 2026-05-10, not '" + shorten(v) + "'"));
        return null;
      }
    }

    Integer integer(String field, String value, String label, int min, int max) {
      String v = value == null ? "" : value.strip();
      if (v.isEmpty()) {
        add(field, missing(label));
        return null;
      }
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          add(field, say(label, "应在" + min + "到" + max + "之间", "must be between " + min + " and " + max));
          return null;
        }
        return n;
      } catch (NumberFormatException e) {
        add(field, say(label, "应为整数", "must be a whole number, not '" + shorten(v) + "'"));
        return null;
      }
    }

    BigDecimal money(String field, String value, String label) {
      String v = value == null ? "" : value.strip();
      if (v.isEmpty()) {
        return null;
      }
      try {
        BigDecimal amount = new BigDecimal(v);
        if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(BigDecimal.valueOf(100_000)) > 0) {
          add(field, say(label, "应为0到100000之间、最多两位小数的金额",
              "must be an amount from 0 to 100000 with at most two decimals"));
          return null;
        }
        return amount.setScale(2);
      } catch (NumberFormatException e) {
        add(field, say(label, "应为金额，例如 420.00", "must be an amount like 420.00, not '" + shorten(v) + "'"));
        return null;
      }
    }

    <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, String message) {
      String v = value == null ? "" : value.strip();
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(v)) {
          return constant;
        }
      }
      add(field, message);
      return null;
    }

    /** "请填写开户银行 / The bank is missing." from the label "开户银行 / the bank". */
    private static String missing(String label) {
      return "请填写" + say(label, "", "is missing.");
    }

    /** A sentence about a field in both languages, from its label "中文 / english". */
    private static String say(String label, String chinese, String english) {
      String[] parts = label.split(" / ", 2);
      String name = parts.length > 1 ? parts[1] : parts[0];
      return parts[0] + chinese + " / " + Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + english;
    }

    private static String shorten(String v) {
      return v.length() > 30 ? v.substring(0, 30) + "…" : v;
    }
  }
}
