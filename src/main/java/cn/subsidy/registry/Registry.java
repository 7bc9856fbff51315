package cn.subsidy.registry;

import cn.subsidy.database.RecordRows;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry table: who is in which county's list. */
@Repository
public class Registry {

  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  Registry(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  public Optional<RegistryEntry> find(String countyCode, String idNumber) {
    return jdbc.sql("select county_code, id_number, name, category from registry_person"
            + " where county_code = ? and id_number = ?")
        .params(countyCode, idNumber).query(RecordRows.of(RegistryEntry.class)).optional();
  }

  public long count(String countyCode) {
    return jdbc.sql("select count(*) from registry_person where county_code = ?").param(countyCode)
        .query(Long.class).single();
  }

  /** Inserts new people and updates changed ones; an unchanged line writes nothing. */
  void upsert(List<RegistryEntry> entries) {
    for (int from = 0; from < entries.size(); from += BATCH) {
      List<RegistryEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
      jdbcTemplate.batchUpdate("""
          insert into registry_person (county_code, id_number, name, category) values (?, ?, ?, ?)
          on conflict (county_code, id_number) do update
            set name = excluded.name, category = excluded.category, updated_at = now()
            where registry_person.name <> excluded.name or registry_person.category <> excluded.category
          """, batch, batch.size(), (ps, e) -> {
            ps.setString(1, e.countyCode());
            ps.setString(2, e.idNumber());
            ps.setString(3, e.name());
            ps.setString(4, e.category().name());
          });
    }
  }
}
