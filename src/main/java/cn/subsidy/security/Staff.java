package cn.subsidy.security;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * An authenticated official, with what their groups let them see: the counties and provinces they
 * work for, by role. Administrators see everything.
 */
public record Staff(String userId, Set<String> groupIds) {

  /** The request attribute an authenticated official is kept in. */
  public static final String ATTRIBUTE = "cn.subsidy.security.Staff";

  public Staff {
    groupIds = Set.copyOf(groupIds);
  }

  public static Staff of(String userId, List<String> groupIds) {
    return new Staff(userId, new HashSet<>(groupIds));
  }

  public boolean isAdmin() {
    return groupIds.contains(Groups.CAMUNDA_ADMIN);
  }

  public boolean hasRole(Role role) {
    return isAdmin() || groupIds.contains(role.roleGroup())
        || groupIds.stream().map(Role::parse).anyMatch(g -> g.isPresent() && g.get().role() == role);
  }

  /** Whether this official has {@code role} for the county, directly or through its province. */
  public boolean hasRoleIn(Role role, String countyCode) {
    if (isAdmin()) {
      return true;
    }
    String code = role.scope() == Role.Scope.PROVINCE ? provinceOf(countyCode) : countyCode;
    return groupIds.contains(role.group(code));
  }

  /** Officials of the county, of its province, and the county's finance staff may read its applications. */
  public boolean mayRead(String countyCode) {
    return isAdmin() || rolesIn(countyCode).size() > 0;
  }

  /** County staff (reviewers, supervisors) and administrators manage a county's registry. */
  public boolean mayManageRegistry(String countyCode) {
    return hasRoleIn(Role.REVIEWER, countyCode) || hasRoleIn(Role.SUPERVISOR, countyCode);
  }

  /** The roles this official holds in the county (province roles count for each of its counties). */
  public Set<Role> rolesIn(String countyCode) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (role.scope() != Role.Scope.NONE && !isAdmin() && hasRoleIn(role, countyCode)) {
        roles.add(role);
      }
    }
    return roles;
  }

  /** The county codes (6 digits) and province codes (2 digits) this official may read. */
  public Set<String> scopeCodes() {
    Set<String> codes = new HashSet<>();
    groupIds.stream().map(Role::parse).flatMap(java.util.Optional::stream).map(Role.ScopedGroup::code)
        .forEach(codes::add);
    return codes;
  }

  public static String provinceOf(String countyCode) {
    return countyCode == null || countyCode.length() < 2 ? "" : countyCode.substring(0, 2);
  }
}
