package cn.subsidy.web;

/** Nothing there, or nothing the caller may see: the same answer either way. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
