package cn.subsidy.application;

import java.util.Optional;

/**
 * The certificate a training ends with. The three vocational skill levels are ordered; the special
 * ability and completion certificates stand alone.
 */
public enum TrainingLevel {
  PRIMARY("初级（五级）职业技能等级证书", 1),
  INTERMEDIATE("中级（四级）职业技能等级证书", 2),
  ADVANCED("高级（三级）职业技能等级证书", 3),
  SPECIAL_ABILITY("专项职业能力证书", 0),
  COMPLETION("培训合格证书", 0);

  private final String chinese;
  private final int skillRank;

  TrainingLevel(String chinese, int skillRank) {
    this.chinese = chinese;
    this.skillRank = skillRank;
  }

  public String chinese() {
    return chinese;
  }

  /** Whether this is one of the ordered vocational skill levels. */
  public boolean isSkillLevel() {
    return skillRank > 0;
  }

  public boolean isHigherThan(TrainingLevel other) {
    return isSkillLevel() && other.isSkillLevel() && skillRank > other.skillRank;
  }

  public static Optional<TrainingLevel> parse(String text) {
    for (TrainingLevel level : values()) {
      if (level.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
