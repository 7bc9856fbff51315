package cn.subsidy.demo;

import cn.subsidy.county.County;
import cn.subsidy.county.CountyService;
import cn.subsidy.database.ClusterLock;
import cn.subsidy.registry.RegistryImporter;
import cn.subsidy.security.Role;
import cn.subsidy.security.Staff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The default run's demo data: the seven demo counties, a synthetic registry for each (imported with
 * the same code county staff use), and the demo officials, all with the password {@code demo}.
 * Never loaded in the {@code prod} profile.
 */
@Component
@ConditionalOnProperty(name = "subsidy.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** A demo official: user id, name, and the role groups it belongs to. */
  record Official(String id, String firstName, String lastName, Role role, String scopeCode) {}

  private final ClusterLock lock;
  private final CountyService counties;
  private final RegistryImporter registry;
  private final IdentityService identityService;

  DemoData(ClusterLock lock, CountyService counties, RegistryImporter registry, IdentityService identityService) {
    this.lock = lock;
    this.counties = counties;
    this.registry = registry;
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    lock.runExclusively("demo-data", () -> {
      DemoCounties.ALL.forEach(counties::registerIfAbsent);
      officials().forEach(this::ensureOfficial);
      Staff loader = new Staff("demo-loader", Set.of(Groups.CAMUNDA_ADMIN));
      int imported = DemoCounties.ALL.stream()
          .mapToInt(county -> registry.importCsv(SyntheticRegistry.csv(county.code()), loader).imported())
          .sum();
      log.info("Demo data ready: {} counties, {} registry people, demo users with password '{}'",
          DemoCounties.ALL.size(), imported, PASSWORD);
    });
  }

  static List<Official> officials() {
    List<Official> officials = new ArrayList<>();
    Set<String> provinces = new LinkedHashSet<>();
    for (County county : DemoCounties.ALL) {
      officials.add(new Official("reviewer" + county.code(), county.name(), "审核员", Role.REVIEWER, county.code()));
      officials.add(new Official("supervisor" + county.code(), county.name(), "监督员", Role.SUPERVISOR,
          county.code()));
      officials.add(new Official("finance" + county.code(), county.name(), "财务", Role.FINANCE, county.code()));
      if (provinces.add(county.provinceCode())) {
        officials.add(new Official("approver" + county.provinceCode(), county.provinceName(), "审批员", Role.APPROVER,
            county.provinceCode()));
      }
    }
    officials.add(new Official("designer", "流程", "设计员", Role.DESIGNER, null));
    return officials;
  }

  private void ensureOfficial(Official official) {
    if (identityService.createUserQuery().userId(official.id()).singleResult() == null) {
      User user = identityService.newUser(official.id());
      user.setFirstName(official.firstName());
      user.setLastName(official.lastName());
      user.setEmail(official.id() + "@subsidy.demo");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(official.id(), official.role().roleGroup());
      if (official.scopeCode() != null) {
        identityService.createMembership(official.id(), official.role().group(official.scopeCode()));
      }
    }
  }
}
