package cn.subsidy.notification;

/**
 * Jakarta Mail (API 2.1) finds its {@code StreamProvider} through {@link java.util.ServiceLoader} on
 * every header it encodes and every part it writes (jakartaee/mail-api#861, open). Inside the Spring
 * Boot jar each lookup scans the nested jars; profiling the benchmark showed the mail sender's thread
 * spending 85 % of its time there, an eighth of the server's CPU. Naming the provider in the system
 * property the API reads first turns the scan into a plain class lookup.
 */
final class MailLibrary {

  static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailLibrary() {}

  /** Names Angus Mail's provider unless the property is set already (an administrator's choice wins). */
  static void nameStreamProvider() {
    if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null && present(ANGUS_STREAM_PROVIDER)) {
      System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, MailLibrary.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
