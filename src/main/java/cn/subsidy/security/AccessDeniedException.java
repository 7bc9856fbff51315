package cn.subsidy.security;

/** An official asked for something outside their county, province or role. */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }

  /** Throws unless the official may read applications of the county. */
  public static void unlessMayRead(Staff staff, String countyCode) {
    if (!staff.mayRead(countyCode)) {
      throw new AccessDeniedException("无权查看该县的数据 / You may not see data of county " + countyCode + ".");
    }
  }
}
