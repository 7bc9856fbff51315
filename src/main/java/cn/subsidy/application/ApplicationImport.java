package cn.subsidy.application;

import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.Role;
import cn.subsidy.security.Staff;
import cn.subsidy.web.CsvUpload;
import cn.subsidy.web.FieldProblem;
import cn.subsidy.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications/import}: county staff file many applications at once from a CSV file,
 * one per row, with the same checks as one application. Each row is submitted on its own, so a bad
 * row changes nothing and the good ones go ahead; the answer says what happened to every row.
 */
@RestController
class ApplicationImport {

  /** What happened to one row. */
  record RowResult(long line, String applicationNo, ApplicationStatus status, List<FieldProblem> errors) {}

  /** The answer to an import. */
  record ImportResult(int submitted, int rejected, List<RowResult> rows) {}

  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    column("type", "类型");
    column("idNumber", "身份证号码");
    column("name", "姓名");
    column("phone", "电话");
    column("email", "邮箱");
    column("countyCode", "县代码");
    column("bank", "开户银行");
    column("accountNumber", "账号");
    column("pledge", "承诺书");
    column("occupation", "培训职业");
    column("level", "证书等级");
    column("certificateNo", "证书编号");
    column("certificateDate", "发证日期");
    column("trainingDays", "培训天数");
    column("year", "补助年度");
    column("workProvince", "务工省份");
    column("workPrefecture", "务工地市");
    column("workCounty", "务工县区");
    column("employer", "就业单位");
    column("employmentStart", "务工开始日期");
    column("band", "务工地类别");
    column("fare", "车费");
  }

  private static void column(String name, String chinese) {
    COLUMNS.put(name, List.of(name, chinese));
  }

  private final ApplicationService service;

  ApplicationImport(ApplicationService service) {
    this.service = service;
  }

  @PostMapping(path = "/api/applications/import",
      consumes = {"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  ImportResult importCsv(@RequestBody byte[] body, Staff staff) {
    if (!staff.hasRole(Role.REVIEWER) && !staff.hasRole(Role.SUPERVISOR)) {
      throw new AccessDeniedException("只有县级工作人员可以批量导入申请 / Only county staff may import applications.");
    }
    List<RowResult> rows = new ArrayList<>();
    CsvUpload.read(CsvUpload.decode(body), COLUMNS, line -> rows.add(submit(line, staff)));
    int submitted = (int) rows.stream().filter(r -> r.applicationNo() != null).count();
    return new ImportResult(submitted, rows.size() - submitted, rows);
  }

  private RowResult submit(CsvUpload.Line line, Staff staff) {
    String county = line.get("countyCode");
    if (!county.isEmpty() && !staff.mayManageRegistry(county)) {
      return new RowResult(line.number(), null, null, List.of(new FieldProblem("countyCode",
          "无权为" + county + "县提交申请 / You may not file applications for county " + county + ".")));
    }
    try {
      ApplicationService.Submitted submitted = service.submit(request(line), Channel.BATCH, staff.userId());
      return new RowResult(line.number(), submitted.applicationNo(), submitted.status(), List.of());
    } catch (InvalidRequestException e) {
      return new RowResult(line.number(), null, null, e.problems());
    }
  }

  static ApplicationRequest request(CsvUpload.Line l) {
    String type = l.get("type").toUpperCase();
    return new ApplicationRequest(type,
        new ApplicationRequest.Applicant(l.get("idNumber"), l.get("name"), l.get("phone"), l.get("email")),
        l.get("countyCode"), new ApplicationRequest.Account(l.get("bank"), l.get("accountNumber")),
        pledge(l.get("pledge")), null,
        type.equals("TRAINING") ? new ApplicationRequest.Training(l.get("occupation"), l.get("level"),
            l.get("certificateNo"), l.get("certificateDate"), l.get("trainingDays")) : null,
        type.equals("TRANSPORT") ? new ApplicationRequest.Transport(l.get("year"), l.get("workProvince"),
            l.get("workPrefecture"), l.get("workCounty"), l.get("employer"), l.get("employmentStart"), l.get("band"),
            l.get("fare")) : null);
  }

  /** 是/Y/yes/true/1 all mean the pledge is signed. */
  private static String pledge(String text) {
    return switch (text.strip().toLowerCase()) {
      case "是", "y", "yes", "true", "1", "已签" -> "true";
      default -> "false";
    };
  }

  /** An empty import file with every column, and one example row per subsidy. */
  @GetMapping(path = "/api/applications/import/template.csv", produces = "text/csv;charset=UTF-8")
  String template() {
    return String.join(",", COLUMNS.keySet()) + "\n"
        + "TRAINING,<身份证号码>,<姓名>,13800138000,,532527,农业银行,6228480012345678901,是,电工,PRIMARY,C2026001,"
        + "2026-05-10,20,,,,,,,,\n"
        + "TRANSPORT,<身份证号码>,<姓名>,13800138000,,532527,农业银行,6228480012345678901,是,,,,,,2026,广东省,深圳市,,"
        + "某电子厂,2026-02-01,OTHER_PROVINCE,\n";
  }
}
