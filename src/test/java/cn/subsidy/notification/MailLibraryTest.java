package cn.subsidy.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailLibraryTest {

  @Test
  void theMailSenderNamesAngusStreamProviderSoThatJakartaMailSkipsTheServiceLoaderScan() throws Exception {
    Class.forName(MailSender.class.getName()); // its static initializer names the provider
    assertThat(System.getProperty(MailLibrary.STREAM_PROVIDER_PROPERTY)).isEqualTo(MailLibrary.ANGUS_STREAM_PROVIDER);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailLibrary.ANGUS_STREAM_PROVIDER);
  }

  @Test
  void anAdministratorsOwnChoiceIsKept() {
    String before = System.getProperty(MailLibrary.STREAM_PROVIDER_PROPERTY);
    try {
      System.setProperty(MailLibrary.STREAM_PROVIDER_PROPERTY, "com.example.OwnProvider");
      MailLibrary.nameStreamProvider();
      assertThat(System.getProperty(MailLibrary.STREAM_PROVIDER_PROPERTY)).isEqualTo("com.example.OwnProvider");
    } finally {
      if (before == null) {
        System.clearProperty(MailLibrary.STREAM_PROVIDER_PROPERTY);
      } else {
        System.setProperty(MailLibrary.STREAM_PROVIDER_PROPERTY, before);
      }
    }
  }
}
