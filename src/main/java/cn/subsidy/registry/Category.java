package cn.subsidy.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Why a person is in the registry. */
public enum Category {
  /** 脱贫人口: lifted out of poverty. */
  ALLEVIATED("脱贫人口", List.of("脱贫人口", "脱贫户", "ALLEVIATED")),
  /** 防止返贫监测对象: monitored against relapse into poverty. */
  MONITORED("监测对象", List.of("监测对象", "防止返贫监测对象", "MONITORED"));

  private final String label;
  private final List<String> spellings;

  Category(String label, List<String> spellings) {
    this.label = label;
    this.spellings = spellings;
  }

  public String label() {
    return label;
  }

  /** The category as county lists write it (Chinese or the English constant, any case). */
  public static Optional<Category> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values()).filter(c -> c.spellings.stream().anyMatch(s -> s.equalsIgnoreCase(t)))
        .findFirst();
  }
}
