package cn.subsidy.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads and checks the variables an official completes a task with. A bad decision is refused with a
 * {@link FormFieldValidationException}, which Tasklist shows and {@code /engine-rest} answers with 400,
 * and nothing is completed.
 */
public final class Decisions {

  private Decisions() {}

  /** The decision variable, one of {@code allowed}. */
  public static String decision(DelegateTask task, String variable, String... allowed) {
    String value = text(task, variable);
    if (value == null || Arrays.stream(allowed).noneMatch(value::equalsIgnoreCase)) {
      throw refuse(variable, "请选择审核结论（" + String.join(" / ", allowed) + "）/ " + variable + " must be one of "
          + String.join(", ", allowed) + ".");
    }
    return value.toUpperCase();
  }

  /** The first of the variables with text in it, trimmed; null if none has. */
  public static String text(DelegateTask task, String... variables) {
    for (String variable : variables) {
      Object value = task.getVariable(variable);
      if (value != null && !value.toString().isBlank()) {
        return value.toString().strip();
      }
    }
    return null;
  }

  /** Non-blank lines of a text variable: one item per line. */
  public static List<String> lines(DelegateTask task, String variable) {
    String value = text(task, variable);
    return value == null ? List.of() : value.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /**
   * Puts the checked value into the process's variable, unless the variable holds that value already (as the
   * official submitted it): an unchanged value is still written again, a new revision and a line of history.
   */
  public static void keep(DelegateTask task, String variable, Object value) {
    DelegateExecution execution = task.getExecution();
    if (!execution.hasVariable(variable) || !Objects.equals(execution.getVariable(variable), value)) {
      execution.setVariable(variable, value);
    }
  }

  public static FormFieldValidationException refuse(String field, String message) {
    return new FormFieldValidationException(field, message);
  }
}
