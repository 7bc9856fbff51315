package cn.subsidy.report;

import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.Staff;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which applications an official's reports cover: the counties of their county groups (reviewers,
 * supervisors, finance staff), the provinces of their approver groups, or everything for
 * administrators. Officials without a county or province (process designers) see no reports.
 */
record ReportScope(boolean all, Set<String> counties, Set<String> provinces) {

  static ReportScope of(Staff staff) {
    if (staff.isAdmin()) {
      return new ReportScope(true, Set.of(), Set.of());
    }
    Set<String> counties = new TreeSet<>();
    Set<String> provinces = new TreeSet<>();
    for (String code : staff.scopeCodes()) {
      (code.length() == 2 ? provinces : counties).add(code);
    }
    if (counties.isEmpty() && provinces.isEmpty()) {
      throw new AccessDeniedException("只有县级、省级工作人员和管理员可以查看统计报表 / Only county and province officials"
          + " and administrators may see the reports.");
    }
    return new ReportScope(false, Set.copyOf(counties), Set.copyOf(provinces));
  }

  boolean covers(String countyCode) {
    return all || counties.contains(countyCode) || provinces.contains(Staff.provinceOf(countyCode));
  }
}
