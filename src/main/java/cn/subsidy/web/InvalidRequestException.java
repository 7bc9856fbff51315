package cn.subsidy.web;

import java.util.List;

/** A request with bad fields; answered with 400 listing every one of them. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super("申请内容有误，请逐项更正 / The request has " + problems.size() + " problem(s); correct each of them.");
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
