package cn.subsidy.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of messages to processes: a message is stored in the transaction of the step that causes
 * it and delivered after commit by {@link ProcessMessageDispatcher}, so it is never lost, not even when
 * its process is not yet waiting for it.
 */
@Component
public class ProcessMessages {

  /** One message for the process of one application. */
  public record Message(String businessKey, String name, Map<String, String> variables) {}

  /** Published when messages were stored, so that delivery starts right after commit. */
  public record Stored(int count) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProcessMessages(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void send(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.batchUpdate("insert into process_message (business_key, message_name, variables, created_at,"
        + " next_attempt_at) values (?, ?, ?, ?, ?)", messages, 1000, (ps, m) -> {
          ps.setString(1, m.businessKey());
          ps.setString(2, m.name());
          ps.setString(3, json(m.variables()));
          ps.setTimestamp(4, now);
          ps.setTimestamp(5, now);
        });
    events.publishEvent(new Stored(messages.size()));
  }

  static String json(Map<String, String> variables) {
    try {
      return JSON.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> variables(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
