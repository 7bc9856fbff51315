package cn.subsidy.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

  @ParameterizedTest
  @CsvSource({
      "532527199001011015, 5325**********1015",
      "11010519491231002X, 1101**********002X",
  })
  void identityNumberKeepsFirstAndLastFour(String id, String masked) {
    assertThat(Masking.idNumber(id)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({"张三明, 张*明", "张三, 张*", "欧阳小明, 欧**明", "王, *"})
  void nameLosesItsMiddle(String name, String masked) {
    assertThat(Masking.name(name)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({"6222020200112233445, ***************3445", "13800138000, *******8000"})
  void accountAndPhoneKeepTheLastFour(String value, String masked) {
    assertThat(Masking.tail(value)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({"zhangsan@example.cn, zh***@example.cn", "a@b.cn, a***@b.cn", "13800138000, *******8000"})
  void mailAddressesKeepTwoCharactersAndTheDomain(String address, String masked) {
    assertThat(Masking.email(address)).isEqualTo(masked);
  }
}
