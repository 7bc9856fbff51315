package cn.subsidy.tasklist;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationReader;
import cn.subsidy.application.ApplicationType;
import cn.subsidy.application.ApplicationView;
import cn.subsidy.application.Applications;
import cn.subsidy.county.Counties;
import cn.subsidy.county.County;
import cn.subsidy.notice.Objections;
import cn.subsidy.notification.MailLog;
import cn.subsidy.person.IdNumber;
import cn.subsidy.person.Masking;
import cn.subsidy.registry.Registry;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code ${prepareCaseFile}}, on creating each official's task: puts the application's case file in a
 * task-local JSON variable {@code caseFile}, which the task forms display. The identity number, phone
 * and account are masked; officials open the documents through links. The columns of the Tasklist
 * filters (application number, applicant, amount) are copied onto the task too: officials may read
 * their tasks but not whole process instances, so the process's own variables stay hidden from them.
 */
@Component("prepareCaseFile")
class CaseFileListener implements TaskListener {

  static final String VARIABLE = "caseFile";
  /** The task-local variables this listener writes: copies for the form and the Tasklist's columns. */
  static final Set<String> TASK_COPIES = Set.of(VARIABLE, "applicationNo", "applicantName", "amount");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Applications applications;
  private final ApplicationReader reader;
  private final Counties counties;
  private final Registry registry;
  private final Objections objections;
  private final MailLog mails;
  private final Clock clock;

  CaseFileListener(Applications applications, ApplicationReader reader, Counties counties, Registry registry,
      Objections objections, MailLog mails, Clock clock) {
    this.mails = mails;
    this.applications = applications;
    this.reader = reader;
    this.counties = counties;
    this.registry = registry;
    this.objections = objections;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Application a = applications.find(task.getExecution().getProcessBusinessKey()).orElseThrow();
    task.setVariableLocal(VARIABLE, Variables.objectValue(build(a, task))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    task.setVariableLocal("applicationNo", a.applicationNo());
    task.setVariableLocal("applicantName", a.name());
    task.setVariableLocal("amount", a.amount() == null ? "" : a.amount().toPlainString());
  }

  CaseFile build(Application a, DelegateTask task) {
    ApplicationView view = reader.view(a, true);
    String county = counties.find(a.countyCode()).map(County::name).orElse(a.countyCode());
    return new CaseFile(a.applicationNo(), a.type().chinese(), county + "（" + a.countyCode() + "）",
        a.status().chinese(), applicant(a), details(a), eligibility(view),
        a.amount() == null ? "—" : a.amount().toPlainString() + " 元", a.amountDetail(),
        view.documents().stream().map(d -> new CaseFile.Document(label(d.kind()), d.fileName(),
            time(d.uploadedAt()), d.url())).toList(),
        view.requiredDocuments().stream().map(r -> new CaseFile.Line(r.label(), r.uploaded() ? "已上传" : "未上传"))
            .toList(),
        view.history().stream().map(s -> new CaseFile.Event(time(s.at()), s.stepText(), s.actor(),
            s.decision() == null ? "" : s.decision(), s.comment() == null ? "" : s.comment())).toList(),
        mails.of(a.applicationNo()).stream().map(m -> new CaseFile.Mail(time(m.createdAt()), m.subject(),
            Masking.email(m.recipient()), mailStatus(m.status()))).toList(),
        "/officials/application.html?no=" + a.applicationNo(),
        notes(a, task));
  }

  private static String mailStatus(String status) {
    return switch (status) {
      case "SENT" -> "已发送 / sent";
      case "FAILED" -> "发送失败 / failed";
      default -> "待发送 / pending";
    };
  }

  private List<CaseFile.Line> applicant(Application a) {
    IdNumber id = new IdNumber(a.idNumber());
    List<CaseFile.Line> lines = new ArrayList<>();
    lines.add(new CaseFile.Line("姓名", a.name()));
    lines.add(new CaseFile.Line("身份证号码", Masking.idNumber(a.idNumber())));
    lines.add(new CaseFile.Line("性别 / 年龄", (id.isMale() ? "男" : "女") + " / " + id.ageOn(LocalDate.now(clock)) + "岁"));
    lines.add(new CaseFile.Line("台账类别", registry.find(a.countyCode(), a.idNumber())
        .map(e -> e.category().label()).orElse("不在台账中")));
    lines.add(new CaseFile.Line("联系电话", a.phone() == null ? "—" : Masking.tail(a.phone())));
    lines.add(new CaseFile.Line("收款账户", a.bank() + " " + Masking.tail(a.accountNumber())));
    lines.add(new CaseFile.Line("申请方式", switch (a.channel()) {
      case ONLINE -> "本人网上申请";
      case CLERK -> a.filedBy();
      case BATCH -> "县级批量导入（" + a.filedBy() + "）";
    }));
    lines.add(new CaseFile.Line("申请日期", a.applicationDate().toString()));
    return lines;
  }

  private static List<CaseFile.Line> details(Application a) {
    if (a.type() == ApplicationType.TRAINING) {
      return List.of(new CaseFile.Line("培训职业", a.occupation()),
          new CaseFile.Line("证书", a.level().chinese() + "，编号 " + a.certificateNo()),
          new CaseFile.Line("发证日期", a.certificateDate().toString()),
          new CaseFile.Line("培训天数", a.trainingDays() + " 天"));
    }
    return List.of(new CaseFile.Line("补助年度", String.valueOf(a.transportYear())),
        new CaseFile.Line("务工地", a.band().chinese() + "：" + String.join(" ", nonNull(a.workProvince(),
            a.workPrefecture(), a.workCounty()))),
        new CaseFile.Line("就业单位", a.employer()),
        new CaseFile.Line("务工开始日期", a.employmentStart().toString()),
        new CaseFile.Line("车费", a.fare() == null ? "—" : a.fare().toPlainString() + " 元"));
  }

  private static String eligibility(ApplicationView view) {
    return view.history().stream().filter(s -> s.step().equals("ELIGIBILITY_CHECK")).reduce((x, y) -> y)
        .map(s -> "ELIGIBLE".equals(s.decision())
            ? "自动资格审查全部通过（身份证号码、年龄、台账、承诺书，及本补贴的专项条件）"
            : "自动资格审查未通过：" + String.join("；", view.reasons()))
        .orElse("尚未审查");
  }

  private List<CaseFile.Line> notes(Application a, DelegateTask task) {
    List<CaseFile.Line> notes = new ArrayList<>();
    Object returned = task.getVariable("provinceComment");
    if ("RETURN".equals(task.getVariable("provinceDecision")) && returned != null
        && task.getTaskDefinitionKey().equals("Task_CountyReview")) {
      notes.add(new CaseFile.Line("省级退回理由", returned.toString()));
    }
    Object changes = task.getVariable("supplementChanges");
    if (changes != null && task.getTaskDefinitionKey().equals("Task_CountyReview")) {
      notes.add(new CaseFile.Line("申请人补正内容", changes.toString()));
    }
    Object objectionId = task.getVariable("objectionId");
    if (objectionId instanceof Number id) {
      objections.find(id.longValue()).ifPresent(o -> notes.add(new CaseFile.Line("异议内容（" + time(o.raisedAt())
          + "）", o.reason())));
    }
    return notes;
  }

  private String label(String kind) {
    return cn.subsidy.application.DocumentKind.valueOf(kind).chinese();
  }

  private String time(java.time.Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
  }

  private static List<String> nonNull(String... values) {
    List<String> list = new ArrayList<>();
    for (String v : values) {
      if (v != null) {
        list.add(v);
      }
    }
    return list;
  }
}
