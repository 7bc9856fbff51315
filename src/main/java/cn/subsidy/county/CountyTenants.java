package cn.subsidy.county;

import cn.subsidy.database.ClusterLock;
import cn.subsidy.security.Role;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each county is a Camunda tenant with the county code as its id: every process instance of an
 * application (and its public notice, provincial approval and payment) belongs to its county's tenant
 * ({@link CountyTenantIdProvider}), and so do its tasks, jobs and history. The county's reviewers,
 * supervisors and finance staff and its province's approvers are the tenant's members through their
 * groups. Camunda then narrows every query of an official to their counties before it checks any
 * authorization: a county reviewer's task count with 100,000 open tasks reads the county's share
 * through the tenant index instead of every task (see README, "Benchmark"), and a task that a
 * mistaken authorization grants to another county's official still stays out of their sight.
 */
@Component
public class CountyTenants implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CountyTenants.class);

  private final IdentityService identityService;
  private final Counties counties;
  private final JdbcClient jdbc;
  private final ClusterLock lock;

  CountyTenants(IdentityService identityService, Counties counties, JdbcClient jdbc, ClusterLock lock) {
    this.identityService = identityService;
    this.counties = counties;
    this.jdbc = jdbc;
    this.lock = lock;
  }

  /** The groups whose members work on the county's applications. */
  static List<String> memberGroups(County county) {
    return List.of(Role.REVIEWER.group(county.code()), Role.SUPERVISOR.group(county.code()),
        Role.FINANCE.group(county.code()), Role.APPROVER.group(county.provinceCode()));
  }

  /** The county's tenant, named like the county, with {@link #memberGroups}; idempotent. */
  void ensure(County county) {
    Tenant tenant = identityService.createTenantQuery().tenantId(county.code()).singleResult();
    if (tenant == null) {
      tenant = identityService.newTenant(county.code());
    }
    if (!county.name().equals(tenant.getName())) {
      tenant.setName(county.name());
      identityService.saveTenant(tenant);
    }
    for (String group : memberGroups(county)) {
      if (identityService.createTenantQuery().tenantId(county.code()).groupMember(group).count() == 0) {
        identityService.createTenantGroupMembership(county.code(), group);
      }
    }
  }

  /** At start: a tenant for every county registered by a version that did not make tenants. */
  @Override
  public void run(ApplicationArguments args) {
    lock.runExclusively("county-tenants", () -> {
      List<String> missing = jdbc.sql("select c.code from county c"
          + " where not exists (select 1 from act_id_tenant t where t.id_ = c.code) order by c.code")
          .query(String.class).list();
      missing.forEach(code -> counties.find(code).ifPresent(this::ensure));
      if (!missing.isEmpty()) {
        log.info("Made the tenants of {} counties registered before counties were tenants", missing.size());
      }
    });
  }
}
