package cn.subsidy.web;

/** One bad field of a request, named as the client sent it, with a message a clerk understands. */
public record FieldProblem(String field, String message) {}
