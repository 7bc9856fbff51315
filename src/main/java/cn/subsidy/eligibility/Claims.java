package cn.subsidy.eligibility;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationType;
import cn.subsidy.application.TrainingLevel;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each person has claimed: one transportation subsidy per year, one training subsidy per
 * occupation and level. The primary keys make the database the last word on duplicates, also for two
 * servers checking at the same moment.
 */
@Repository
class Claims {

  private final JdbcClient jdbc;

  Claims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> transportHolder(String idNumber, int year, String exceptApplication) {
    return jdbc.sql("select application_no from transport_claim where id_number = ? and year = ?"
            + " and application_no <> ?")
        .params(idNumber, year, exceptApplication).query(String.class).optional();
  }

  Optional<String> trainingHolder(String idNumber, String occupation, TrainingLevel level, String exceptApplication) {
    return jdbc.sql("select application_no from training_claim where id_number = ? and occupation = ? and level = ?"
            + " and application_no <> ?")
        .params(idNumber, occupation, level.name(), exceptApplication).query(String.class).optional();
  }

  List<TrainingLevel> trainingLevels(String idNumber, String occupation, String exceptApplication) {
    return jdbc.sql("select level from training_claim where id_number = ? and occupation = ? and application_no <> ?")
        .params(idNumber, occupation, exceptApplication).query(TrainingLevel.class).list();
  }

  /** Takes the claim for the application; false if another application holds it. */
  boolean claim(Application a) {
    if (a.type() == ApplicationType.TRANSPORT) {
      return jdbc.sql("insert into transport_claim (id_number, year, application_no) values (?, ?, ?)"
              + " on conflict do nothing")
          .params(a.idNumber(), a.transportYear(), a.applicationNo()).update() == 1
          || transportHolder(a.idNumber(), a.transportYear(), "").filter(a.applicationNo()::equals).isPresent();
    }
    return jdbc.sql("insert into training_claim (id_number, occupation, level, application_no) values (?, ?, ?, ?)"
            + " on conflict do nothing")
        .params(a.idNumber(), a.occupation(), a.level().name(), a.applicationNo()).update() == 1
        || trainingHolder(a.idNumber(), a.occupation(), a.level(), "").filter(a.applicationNo()::equals).isPresent();
  }

  /** Frees the application's claims (it was rejected or withdrawn, so it will not be paid). */
  void release(String applicationNo) {
    jdbc.sql("delete from transport_claim where application_no = ?").param(applicationNo).update();
    jdbc.sql("delete from training_claim where application_no = ?").param(applicationNo).update();
  }
}
