package cn.subsidy.application;

import java.util.Map;
import java.util.Set;

/** Words for the steps of an application's history and for what the applicant does next. */
final class Steps {

  private static final Map<String, String> TEXT = Map.ofEntries(
      Map.entry("SUBMITTED", "提交申请 / submitted"),
      Map.entry("ELIGIBILITY_CHECK", "自动资格审查 / automatic eligibility check"),
      Map.entry("AMOUNT", "核定补贴金额 / amount determined"),
      Map.entry("Task_CountyReview", "县级审核 / county review"),
      Map.entry("COUNTY_REVIEW", "县级审核结论 / county review decision"),
      Map.entry("Receive_Supplement", "等待补正材料 / waiting for the supplement"),
      Map.entry("SUPPLEMENT_ANSWERED", "已提交补正材料 / supplement answered"),
      Map.entry("DOCUMENT_UPLOADED", "上传材料 / document uploaded"),
      Map.entry("Task_PublishNotice", "公示 / public notice"),
      Map.entry("OBJECTION_RAISED", "收到异议 / objection raised"),
      Map.entry("OBJECTION", "异议处理结论 / decision on an objection"),
      Map.entry("Task_ProvinceApproval", "省级审批 / provincial approval"),
      Map.entry("PROVINCE_APPROVAL", "省级审批结论 / provincial decision"),
      Map.entry("REVIEW_REMINDER", "提醒审核人员 / reviewers reminded"),
      Map.entry("SUPERVISOR_ALERT", "审核超期，已通知监督人员 / review overdue, supervisor alerted"),
      Map.entry("OBJECTION_OVERDUE", "异议处理超期 / objection overdue"),
      Map.entry("CallActivity_Payment", "批准，等待发放 / approved, awaiting payment"),
      Map.entry("PAYMENT_INSTRUCTION", "生成支付指令 / payment instruction created"),
      Map.entry("PAYMENT_FAILED_REASON", "银行退回 / returned by the bank"),
      Map.entry("ACCOUNT_CORRECTED", "已更正收款账户 / payment account corrected"),
      Map.entry("PAYMENT_CANCELLED", "支付指令已撤销 / payment instruction cancelled"));

  /** Steps numbered by their batch: {@code PAYMENT_BATCH_12}, {@code BANK_RESULT_12}. */
  private static final Map<String, String> NUMBERED = Map.of(
      "PAYMENT_BATCH_", "纳入发放批次 / in payment batch ",
      "BANK_RESULT_", "银行处理结果 / bank result of batch ");

  /** Steps whose comment the applicant sees (officials' reasons and requests); internal notes stay internal. */
  private static final Set<String> PUBLIC_COMMENTS = Set.of("COUNTY_REVIEW", "PROVINCE_APPROVAL", "OBJECTION",
      "AMOUNT", "DOCUMENT_UPLOADED", "SUPPLEMENT_ANSWERED", "PAYMENT_FAILED_REASON", "PAYMENT_CANCELLED");

  private Steps() {}

  static String text(String step) {
    if (TEXT.containsKey(step)) {
      return TEXT.get(step);
    }
    for (Map.Entry<String, String> numbered : NUMBERED.entrySet()) {
      if (step.startsWith(numbered.getKey())) {
        return numbered.getValue() + step.substring(numbered.getKey().length());
      }
    }
    if (step.startsWith("EndEvent_")) {
      return "办结 / closed";
    }
    return step;
  }

  static boolean commentIsPublic(String step) {
    return PUBLIC_COMMENTS.contains(step);
  }

  static String next(ApplicationStatus status) {
    return switch (status) {
      case SUBMITTED -> "系统正在自动审查资格，请上传所需材料 / The eligibility check is running; upload the documents"
          + " listed.";
      case UNDER_REVIEW -> "县级审核中，请等待结果 / The county is reviewing the application.";
      case SUPPLEMENT_REQUIRED -> "请按要求上传补正材料，然后提交补正 / Upload the missing items, then submit the"
          + " supplement.";
      case PUBLIC_NOTICE -> "公示中，公示结束后报省级审批 / In public notice; then provincial approval.";
      case AWAITING_PROVINCE -> "省级审批中 / Awaiting provincial approval.";
      case APPROVED -> "已批准，等待县财务发放 / Approved; the county's finance office will pay it.";
      case PAYING -> "正在发放 / Being paid.";
      case PAID -> "已发放到您的账户 / Paid into your account.";
      case PAYMENT_FAILED -> "发放失败，请更正收款账户 / The payment failed; correct the account.";
      case REJECTED -> "申请未通过，原因见上 / Rejected for the reasons listed.";
      case WITHDRAWN -> "未在期限内补正，申请已撤回；可重新申请 / Withdrawn because the supplement was not answered"
          + " in time; you may apply again.";
    };
  }
}
