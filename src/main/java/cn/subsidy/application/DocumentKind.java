package cn.subsidy.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The kinds of documents an application needs. */
public enum DocumentKind {
  ID_CARD("身份证"),
  EMPLOYMENT_PROOF("就业证明（劳动合同、单位证明、3个月工资流水或社保记录）"),
  TICKET("往返车票"),
  CERTIFICATE("职业技能等级证书、专项职业能力证书或培训合格证书"),
  ATTENDANCE("培训考勤记录"),
  ACCOUNT("收款账户证明（社保卡或本人银行卡）"),
  PLEDGE("签字的承诺书"),
  OTHER("其他材料");

  private final String chinese;

  DocumentKind(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  public static Optional<DocumentKind> parse(String text) {
    for (DocumentKind kind : values()) {
      if (kind.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** What the policy asks for with this application. */
  static List<DocumentKind> requiredFor(Application application) {
    List<DocumentKind> kinds = new ArrayList<>(List.of(ID_CARD));
    if (application.type() == ApplicationType.TRANSPORT) {
      kinds.add(EMPLOYMENT_PROOF);
      if (application.fare() != null) {
        kinds.add(TICKET);
      }
    } else {
      kinds.add(CERTIFICATE);
      if (application.trainingDays() != null && application.trainingDays() > 0) {
        kinds.add(ATTENDANCE);
      }
    }
    kinds.add(ACCOUNT);
    kinds.add(PLEDGE);
    return kinds;
  }
}
