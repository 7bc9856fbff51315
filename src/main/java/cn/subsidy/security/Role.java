package cn.subsidy.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The officials' roles. Each role has a group with all its members ({@code reviewers}) and, for
 * scoped roles, one group per county or province ({@code reviewers532527}, {@code approvers53}),
 * which is the candidate group of that scope's tasks.
 */
public enum Role {
  /** 县级审核: county review, objections, supplements. */
  REVIEWER("reviewers", Scope.COUNTY),
  /** 县级监督: is alerted when a county review is late. */
  SUPERVISOR("supervisors", Scope.COUNTY),
  /** 县级财务: payment batches and bank results. */
  FINANCE("financestaff", Scope.COUNTY),
  /** 省级审批: provincial approval. */
  APPROVER("approvers", Scope.PROVINCE),
  /** 流程设计: deploys models, decision tables and forms; sees no personal data. */
  DESIGNER("designers", Scope.NONE);

  /** What a role's groups are scoped to. */
  public enum Scope { COUNTY, PROVINCE, NONE }

  private static final Pattern SCOPED_GROUP = Pattern.compile("([a-z]+)(\\d{2}|\\d{6})");

  private final String groupPrefix;
  private final Scope scope;

  Role(String groupPrefix, Scope scope) {
    this.groupPrefix = groupPrefix;
    this.scope = scope;
  }

  /** The group of everyone with this role, e.g. {@code reviewers}. */
  public String roleGroup() {
    return groupPrefix;
  }

  /** The group of this role in one county or province, e.g. {@code reviewers532527}. */
  public String group(String scopeCode) {
    return groupPrefix + scopeCode;
  }

  public Scope scope() {
    return scope;
  }

  /** The role and scope code a scoped group id stands for, if it is one. */
  static Optional<ScopedGroup> parse(String groupId) {
    Matcher m = SCOPED_GROUP.matcher(groupId);
    if (!m.matches()) {
      return Optional.empty();
    }
    for (Role role : values()) {
      boolean codeFits = role.scope == Scope.COUNTY ? m.group(2).length() == 6 : m.group(2).length() == 2;
      if (role.groupPrefix.equals(m.group(1)) && role.scope != Scope.NONE && codeFits) {
        return Optional.of(new ScopedGroup(role, m.group(2)));
      }
    }
    return Optional.empty();
  }

  record ScopedGroup(Role role, String code) {}
}
