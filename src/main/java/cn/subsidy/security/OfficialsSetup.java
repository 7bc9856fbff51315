package cn.subsidy.security;

import cn.subsidy.database.ClusterLock;
import cn.subsidy.tasklist.TasklistFilters;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At every start, in every profile: the role groups, their grants and the Tasklist filters. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OfficialsSetup implements ApplicationRunner {

  private final ClusterLock lock;
  private final RoleAuthorizations roles;
  private final TasklistFilters filters;

  OfficialsSetup(ClusterLock lock, RoleAuthorizations roles, TasklistFilters filters) {
    this.lock = lock;
    this.roles = roles;
    this.filters = filters;
  }

  @Override
  public void run(ApplicationArguments args) {
    lock.runExclusively("officials-setup", () -> {
      roles.ensure();
      filters.ensure();
    });
  }
}
