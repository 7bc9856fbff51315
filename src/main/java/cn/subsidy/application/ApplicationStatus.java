package cn.subsidy.application;

/** Where an application stands, as applicants and officials see it. */
public enum ApplicationStatus {
  SUBMITTED("已提交", "submitted"),
  REJECTED("未通过", "rejected"),
  UNDER_REVIEW("县级审核中", "under county review"),
  SUPPLEMENT_REQUIRED("待补正材料", "supplement required"),
  WITHDRAWN("已撤回", "withdrawn"),
  PUBLIC_NOTICE("公示中", "in public notice"),
  AWAITING_PROVINCE("省级审批中", "awaiting provincial approval"),
  APPROVED("已批准", "approved"),
  PAYING("支付中", "being paid"),
  PAID("已支付", "paid"),
  PAYMENT_FAILED("支付失败", "payment failed");

  private final String chinese;
  private final String english;

  ApplicationStatus(String chinese, String english) {
    this.chinese = chinese;
    this.english = english;
  }

  public String chinese() {
    return chinese;
  }

  public String english() {
    return english;
  }

  /** Rejected and withdrawn applications are over and hold no claim. */
  public boolean isClosedUnpaid() {
    return this == REJECTED || this == WITHDRAWN;
  }
}
