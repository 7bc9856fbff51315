package cn.subsidy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} as the Camunda starter registers it, with one change: Camunda's
 * {@link JacksonConfigurator} builds and configures a new {@link ObjectMapper} every time a resource
 * asks for one, which is every request, so Jackson also rebuilt its serializers every request. Here
 * the one configured mapper is built once and shared (an ObjectMapper is thread-safe once configured).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestResources {

  @Bean
  CamundaJerseyResourceConfig engineRestResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        Set<Class<?>> configuration = new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
        configuration.remove(JacksonConfigurator.class);
        registerClasses(configuration);
        register(SharedObjectMapper.class);
        register(JacksonFeature.class);
      }
    };
  }

  /** Camunda's configuration of the mapper, done once (after startup has set the date format). */
  public static class SharedObjectMapper extends JacksonConfigurator {

    private volatile ObjectMapper mapper;

    @Override
    public ObjectMapper getContext(Class<?> type) {
      ObjectMapper configured = mapper;
      if (configured == null) {
        synchronized (this) {
          if (mapper == null) {
            mapper = configureObjectMapper(new ObjectMapper());
          }
          configured = mapper;
        }
      }
      return configured;
    }
  }
}
