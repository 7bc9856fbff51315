package cn.subsidy.application;

/** The two subsidies, each with its own process. */
public enum ApplicationType {
  /** 职业培训补贴（含生活费补贴）. */
  TRAINING("trainingSubsidy", "职业培训补贴", "vocational training subsidy"),
  /** 一次性交通补助. */
  TRANSPORT("transportSubsidy", "一次性交通补助", "transportation subsidy");

  private final String processKey;
  private final String chinese;
  private final String english;

  ApplicationType(String processKey, String chinese, String english) {
    this.processKey = processKey;
    this.chinese = chinese;
    this.english = english;
  }

  public String processKey() {
    return processKey;
  }

  public String chinese() {
    return chinese;
  }

  public String english() {
    return english;
  }
}
