package cn.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.person.IdNumber;
import cn.subsidy.registry.RegistryEntry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticRegistryTest {

  @Test
  void sameCountyAlwaysGetsTheSamePeople() {
    assertThat(SyntheticRegistry.csv("532527")).isEqualTo(SyntheticRegistry.csv("532527"));
    assertThat(SyntheticRegistry.csv("532527")).isNotEqualTo(SyntheticRegistry.csv("520181"));
  }

  @Test
  void peopleAreValidAdultsOfBothSexesForYearsToCome() {
    for (String county : List.of("532527", "141129")) {
      List<RegistryEntry> people = SyntheticRegistry.people(county);
      assertThat(people).hasSize(SyntheticRegistry.PEOPLE_PER_COUNTY);
      assertThat(people).extracting(RegistryEntry::idNumber).doesNotHaveDuplicates();
      for (RegistryEntry person : people) {
        IdNumber id = IdNumber.parse(person.idNumber(), LocalDate.of(2026, 1, 1));
        assertThat(id.ageOn(LocalDate.of(2026, 11, 23))).isBetween(16, 70);
        assertThat(id.ageOn(LocalDate.of(2030, 1, 1))).isBetween(16, 72);
        assertThat(person.name().length()).isBetween(2, 4);
      }
    }
  }
}
