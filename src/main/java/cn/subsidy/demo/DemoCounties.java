package cn.subsidy.demo;

import cn.subsidy.county.County;
import java.util.List;

/** The seven demo counties of the policy, with their prefectures and provinces. */
public final class DemoCounties {

  public static final List<County> ALL = List.of(
      new County("532527", "泸西县", "红河哈尼族彝族自治州", "云南省", "泸西县人力资源和社会保障局 0873-6621234"),
      new County("520181", "清镇市", "贵阳市", "贵州省", "清镇市人力资源和社会保障局 0851-82521234"),
      new County("450225", "融水苗族自治县", "柳州市", "广西壮族自治区", "融水县人力资源和社会保障局 0772-5121234"),
      new County("141129", "中阳县", "吕梁市", "山西省", "中阳县人力资源和社会保障局 0358-4421234"),
      new County("140821", "临猗县", "运城市", "山西省", "临猗县人力资源和社会保障局 0359-4021234"),
      new County("620823", "崇信县", "平凉市", "甘肃省", "崇信县人力资源和社会保障局 0933-6121234"),
      new County("420526", "兴山县", "宜昌市", "湖北省", "兴山县人力资源和社会保障局 0717-2521234"));

  private DemoCounties() {}
}
