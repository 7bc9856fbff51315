package cn.subsidy.person;

/**
 * Masks personal data for notices and logs, as the policy says: identity numbers keep their first
 * four and last four characters (5325**********1015), names lose their middle (张*明, 张*).
 */
public final class Masking {

  private Masking() {}

  public static String idNumber(String id) {
    if (id == null || id.isBlank()) {
      return "";
    }
    String v = id.trim();
    if (v.length() <= 8) {
      return "*".repeat(v.length());
    }
    return v.substring(0, 4) + "*".repeat(v.length() - 8) + v.substring(v.length() - 4);
  }

  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    int[] cps = name.trim().codePoints().toArray();
    if (cps.length == 1) {
      return "*";
    }
    StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
    if (cps.length == 2) {
      return masked.append('*').toString();
    }
    masked.append("*".repeat(cps.length - 2));
    return masked.appendCodePoint(cps[cps.length - 1]).toString();
  }

  /** Mail addresses: the first two characters of the name and the domain (ab***@example.cn). */
  public static String email(String address) {
    if (address == null || address.isBlank()) {
      return "";
    }
    String v = address.trim();
    int at = v.indexOf('@');
    if (at < 0) {
      return tail(v);
    }
    return v.substring(0, Math.min(2, at)) + "***" + v.substring(at);
  }

  /** Phone and account numbers: the last four characters only. */
  public static String tail(String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    String v = value.trim();
    return v.length() <= 4 ? "*".repeat(v.length()) : "*".repeat(v.length() - 4) + v.substring(v.length() - 4);
  }
}
