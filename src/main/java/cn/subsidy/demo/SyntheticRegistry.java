package cn.subsidy.demo;

import cn.subsidy.person.IdNumber;
import cn.subsidy.registry.Category;
import cn.subsidy.registry.RegistryEntry;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up registry people for the demo counties: valid identity numbers (correct check character,
 * real birth dates between 1958 and 2008, so ages 16-70 for years to come), both sexes, about one in
 * eight monitored against relapse. The same county always gets the same people, so the demo's import
 * is the same file at every start.
 */
public final class SyntheticRegistry {

  public static final int PEOPLE_PER_COUNTY = 48;

  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔向汤";
  private static final String MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳";
  private static final String FEMALE = "芳娜敏静丽艳娟霞秀英华慧巧美琳玲雪梅兰燕萍红月莉倩婷丹蓉";
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1958, 1, 1);
  private static final LocalDate LATEST_BIRTH = LocalDate.of(2008, 6, 30);

  private SyntheticRegistry() {}

  public static List<RegistryEntry> people(String countyCode) {
    Random random = new Random(Long.parseLong(countyCode));
    List<RegistryEntry> people = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    long span = LATEST_BIRTH.toEpochDay() - EARLIEST_BIRTH.toEpochDay();
    while (people.size() < PEOPLE_PER_COUNTY) {
      int index = people.size();
      boolean male = index % 2 == 0;
      LocalDate birth = LocalDate.ofEpochDay(EARLIEST_BIRTH.toEpochDay() + (long) (random.nextDouble() * span));
      int sequence = random.nextInt(100) * 10 + (male ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
      String first17 = countyCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
      String id = first17 + IdNumber.checkCharacter(first17);
      if (!ids.add(id)) {
        continue;
      }
      Category category = index % 8 == 3 ? Category.MONITORED : Category.ALLEVIATED;
      people.add(new RegistryEntry(countyCode, id, name(random, male, index), category));
    }
    return people;
  }

  /** The people as a registry CSV file, the way a county would upload it. */
  public static String csv(String countyCode) {
    StringBuilder csv = new StringBuilder("idNumber,name,countyCode,category\n");
    for (RegistryEntry person : people(countyCode)) {
      csv.append(person.idNumber()).append(',').append(person.name()).append(',').append(person.countyCode())
          .append(',').append(person.category().label()).append('\n');
    }
    return csv.toString();
  }

  private static String name(Random random, boolean male, int index) {
    String given = male ? MALE : FEMALE;
    StringBuilder name = new StringBuilder();
    name.append(index % 23 == 7 ? "欧阳" : String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length()))));
    name.append(given.charAt(random.nextInt(given.length())));
    if (index % 3 != 0) {
      name.append(given.charAt(random.nextInt(given.length())));
    }
    return name.toString();
  }
}
