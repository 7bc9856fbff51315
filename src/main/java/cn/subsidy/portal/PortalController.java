package cn.subsidy.portal;

import cn.subsidy.county.Counties;
import cn.subsidy.county.County;
import cn.subsidy.security.Role;
import cn.subsidy.security.Staff;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web pages need besides the applications' API: the counties served (public, for the
 * application form and the notice list) and, for the officials' pages, who is logged in and which
 * counties they work for.
 */
@RestController
class PortalController {

  /** A county as the pages list it. */
  record CountyEntry(String code, String name, String prefecture, String provinceCode, String provinceName) {
    static CountyEntry of(County c) {
      return new CountyEntry(c.code(), c.name(), c.prefecture(), c.provinceCode(), c.provinceName());
    }
  }

  /**
   * The logged-in official: the counties whose applications they may read, those whose payments they
   * handle, those whose applications they may import, and whether they see reports at all.
   */
  record Me(String userId, String name, boolean admin, List<String> roles, List<CountyEntry> counties,
      List<String> financeCounties, List<String> importCounties, boolean reports) {}

  private final Counties counties;
  private final IdentityService identityService;

  PortalController(Counties counties, IdentityService identityService) {
    this.counties = counties;
    this.identityService = identityService;
  }

  @GetMapping("/api/counties")
  List<CountyEntry> counties() {
    return counties.all().stream().map(CountyEntry::of).toList();
  }

  @GetMapping("/api/me")
  Me me(Staff staff) {
    List<County> readable = counties.all().stream().filter(c -> staff.mayRead(c.code())).toList();
    List<String> roles = new ArrayList<>();
    if (staff.isAdmin()) {
      roles.add("ADMIN");
    }
    for (Role role : Role.values()) {
      if (!staff.isAdmin() && staff.hasRole(role)) {
        roles.add(role.name());
      }
    }
    User user = identityService.createUserQuery().userId(staff.userId()).singleResult();
    String name = user == null ? staff.userId()
        : (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).strip();
    return new Me(staff.userId(), name.isEmpty() ? staff.userId() : name, staff.isAdmin(), roles,
        readable.stream().map(CountyEntry::of).toList(),
        readable.stream().map(County::code).filter(c -> staff.hasRoleIn(Role.FINANCE, c)).toList(),
        readable.stream().map(County::code).filter(staff::mayManageRegistry).toList(),
        staff.isAdmin() || !staff.scopeCodes().isEmpty());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
