package cn.subsidy.county;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Puts each process instance in its county's tenant ({@link CountyTenants}). The models are deployed
 * once, for every county (no tenant); an instance started with a {@code countyCode} variable belongs to
 * that county, an instance started by a call activity to its caller's county, and a decision evaluated
 * in an instance to that instance's county. Anything else (a process without a county) stays shared.
 */
class CountyTenantIdProvider implements TenantIdProvider {

  static final String COUNTY_CODE = "countyCode";

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    DelegateExecution caller = ctx.getSuperExecution();
    if (caller != null && caller.getTenantId() != null) {
      return caller.getTenantId();
    }
    Object county = ctx.getVariables().get(COUNTY_CODE);
    return county instanceof String code && code.matches("\\d{6}") ? code : null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }

  /**
   * Installs the provider in the engine, and checks an official's authorizations before their county's
   * tenant (Camunda checks the tenant first): a task of another county is refused as unauthorized (403
   * in Tasklist and {@code /engine-rest}), as before counties were tenants; the tenant's check refuses
   * only what an authorization grants across counties by mistake ({@code EngineRestErrors}).
   */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setTenantIdProvider(new CountyTenantIdProvider());
      configuration.setCommandCheckers(new ArrayList<>(List.of(new AuthorizationCommandChecker(),
          new TenantCommandChecker())));
    }
  }
}
