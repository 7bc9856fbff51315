package cn.subsidy.county;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A county (县/县级市) the product serves: six-digit administrative code, names, and its province
 * (the first two digits of the code).
 */
public record County(String code, String name, String prefecture, String provinceName, String contact) {

  @JsonProperty
  public String provinceCode() {
    return code.substring(0, 2);
  }
}
