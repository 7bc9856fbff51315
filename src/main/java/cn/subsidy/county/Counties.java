package cn.subsidy.county;

import cn.subsidy.database.RecordRows;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counties table. */
@Repository
public class Counties {

  private static final String COLUMNS = "code, name, prefecture, province_name, contact";

  private final JdbcClient jdbc;

  Counties(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<County> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from county where code = ?").param(code)
        .query(RecordRows.of(County.class)).optional();
  }

  public List<County> all() {
    return jdbc.sql("select " + COLUMNS + " from county order by code").query(RecordRows.of(County.class)).list();
  }

  void save(County county) {
    jdbc.sql("""
        insert into county (code, name, prefecture, province_code, province_name, contact)
        values (:code, :name, :prefecture, :provinceCode, :provinceName, :contact)
        on conflict (code) do update set name = excluded.name, prefecture = excluded.prefecture,
          province_name = excluded.province_name, contact = excluded.contact
        """)
        .param("code", county.code()).param("name", county.name()).param("prefecture", county.prefecture())
        .param("provinceCode", county.provinceCode()).param("provinceName", county.provinceName())
        .param("contact", county.contact())
        .update();
  }
}
