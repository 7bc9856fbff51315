package cn.subsidy.application;

/** How an application came in. */
public enum Channel {
  /** By the applicant online. */
  ONLINE,
  /** By a village or township clerk on the applicant's behalf (代办), with the applicant's pledge. */
  CLERK,
  /** In a CSV batch by county staff. */
  BATCH
}
