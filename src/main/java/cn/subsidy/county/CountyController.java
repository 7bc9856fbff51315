package cn.subsidy.county;

import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.Staff;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators register the counties a production installation serves (the demo data registers its
 * own): {@code PUT /api/admin/counties/{code}} creates the county or updates its names and contact,
 * and creates the officials' groups that scope its tasks.
 */
@RestController
class CountyController {

  /** What an administrator sends for a county; the code is in the path. */
  record CountyForm(String name, String prefecture, String provinceName, String contact) {}

  private final CountyService counties;

  CountyController(CountyService counties) {
    this.counties = counties;
  }

  @PutMapping("/api/admin/counties/{code}")
  County register(@PathVariable String code, @RequestBody CountyForm form, Staff staff) {
    if (!staff.isAdmin()) {
      throw new AccessDeniedException("只有管理员可以登记县 / Only administrators may register counties.");
    }
    return counties.register(new County(code, form.name(), form.prefecture(), form.provinceName(), form.contact()));
  }
}
