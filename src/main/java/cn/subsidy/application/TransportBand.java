package cn.subsidy.application;

import java.util.Optional;

/** How far from home the applicant works; the transportation subsidy's amount depends on it. */
public enum TransportBand {
  OTHER_PROVINCE("跨省"),
  OTHER_PREFECTURE("省内跨市"),
  OTHER_COUNTY("市内跨县");

  private final String chinese;

  TransportBand(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  public static Optional<TransportBand> parse(String text) {
    for (TransportBand band : values()) {
      if (band.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return Optional.of(band);
      }
    }
    return Optional.empty();
  }
}
