package cn.subsidy.security;

/** An endpoint for officials was called without credentials. */
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException() {
    super("需要登录：请使用工作人员的用户名和密码（HTTP Basic）/ Officials must authenticate (HTTP Basic).");
  }
}
