package cn.subsidy.registry;

import cn.subsidy.county.Counties;
import cn.subsidy.county.County;
import cn.subsidy.person.IdNumber;
import cn.subsidy.security.Staff;
import cn.subsidy.web.CsvUpload;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a county's registry list (CSV: idNumber, name, countyCode, category). Every line is
 * checked; good lines are imported, bad ones reported with their line number and every reason.
 * Importing the same file again changes nothing.
 */
@Service
public class RegistryImporter {

  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("idNumber", List.of("idNumber", "身份证号码", "身份证号", "公民身份号码"));
    COLUMNS.put("name", List.of("name", "姓名"));
    COLUMNS.put("countyCode", List.of("countyCode", "县代码", "行政区划代码", "区县代码"));
    COLUMNS.put("category", List.of("category", "类别", "人员类别"));
  }

  /** The outcome of one import, as the API reports it. */
  public record Result(int imported, List<LineError> rejected) {}

  /** A rejected line: its number in the file (the header is line 1) and why. */
  public record LineError(long line, String error) {}

  private final Registry registry;
  private final Counties counties;
  private final Clock clock;

  RegistryImporter(Registry registry, Counties counties, Clock clock) {
    this.registry = registry;
    this.counties = counties;
    this.clock = clock;
  }

  @Transactional
  public Result importCsv(String csv, Staff actor) {
    Map<String, County> known = counties.all().stream().collect(Collectors.toMap(County::code, Function.identity()));
    LocalDate today = LocalDate.now(clock);
    List<RegistryEntry> good = new ArrayList<>();
    List<LineError> rejected = new ArrayList<>();
    CsvUpload.read(csv, COLUMNS, line -> {
      List<String> problems = new ArrayList<>();
      Optional<RegistryEntry> entry = check(line, known, actor, today, problems);
      if (entry.isPresent()) {
        good.add(entry.get());
      } else {
        rejected.add(new LineError(line.number(), String.join("；", problems)));
      }
    });
    registry.upsert(good);
    return new Result(good.size(), rejected);
  }

  private static Optional<RegistryEntry> check(CsvUpload.Line line, Map<String, County> known, Staff actor,
      LocalDate today, List<String> problems) {
    String id = line.get("idNumber");
    problems.addAll(IdNumber.problems(id, today));
    String name = line.get("name");
    if (name.isEmpty()) {
      problems.add("缺少姓名 / The name is missing.");
    } else if (name.length() > 50) {
      problems.add("姓名超过50个字 / The name is longer than 50 characters.");
    }
    String countyCode = line.get("countyCode");
    if (!known.containsKey(countyCode)) {
      problems.add("县代码" + countyCode + "不是本系统的县 / " + countyCode + " is not a county of this system.");
    } else if (!actor.mayManageRegistry(countyCode)) {
      problems.add("无权导入" + known.get(countyCode).name() + "的台账 / You may not import the registry of county "
          + countyCode + ".");
    }
    Optional<Category> category = Category.parse(line.get("category"));
    if (category.isEmpty()) {
      problems.add("人员类别应为“脱贫人口”或“监测对象” / The category must be 脱贫人口 or 监测对象 (ALLEVIATED or"
          + " MONITORED), not '" + line.get("category") + "'.");
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RegistryEntry(countyCode, id.toUpperCase(), name, category.get()));
  }
}
