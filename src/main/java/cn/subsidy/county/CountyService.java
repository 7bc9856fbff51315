package cn.subsidy.county;

import cn.subsidy.security.Role;
import cn.subsidy.web.FieldProblem;
import cn.subsidy.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a county: its row, the officials' groups that scope its tasks (reviewers, supervisors and
 * finance staff of the county, approvers of its province) and its tenant, of which those groups are
 * members ({@link CountyTenants}). Idempotent.
 */
@Service
public class CountyService {

  private final Counties counties;
  private final IdentityService identityService;
  private final CountyTenants tenants;

  CountyService(Counties counties, IdentityService identityService, CountyTenants tenants) {
    this.counties = counties;
    this.identityService = identityService;
    this.tenants = tenants;
  }

  @Transactional
  public County register(County county) {
    List<FieldProblem> problems = problems(county);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    counties.save(county);
    ensureGroup(Role.REVIEWER.group(county.code()), county.name() + "审核员 / reviewers");
    ensureGroup(Role.SUPERVISOR.group(county.code()), county.name() + "监督员 / supervisors");
    ensureGroup(Role.FINANCE.group(county.code()), county.name() + "财务 / finance staff");
    ensureGroup(Role.APPROVER.group(county.provinceCode()), county.provinceName() + "审批员 / approvers");
    tenants.ensure(county);
    return county;
  }

  /** Registers the county unless it is there already; an existing county keeps what officials changed. */
  @Transactional
  public void registerIfAbsent(County county) {
    if (counties.find(county.code()).isEmpty()) {
      register(county);
    }
  }

  static List<FieldProblem> problems(County county) {
    List<FieldProblem> problems = new ArrayList<>();
    if (county.code() == null || !county.code().matches("\\d{6}")) {
      problems.add(new FieldProblem("code", "县级行政区划代码应为6位数字 / The county code must be six digits."));
    }
    if (county.name() == null || county.name().isBlank()) {
      problems.add(new FieldProblem("name", "请填写县名 / The county name is missing."));
    }
    if (county.prefecture() == null || county.prefecture().isBlank()) {
      problems.add(new FieldProblem("prefecture", "请填写所属地市 / The prefecture is missing."));
    }
    if (county.provinceName() == null || county.provinceName().isBlank()) {
      problems.add(new FieldProblem("provinceName", "请填写所属省份 / The province name is missing."));
    }
    return problems;
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).singleResult() != null) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
  }
}
