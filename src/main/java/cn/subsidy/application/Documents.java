package cn.subsidy.application;

import cn.subsidy.database.RecordRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents, stored in PostgreSQL with the application; the file name is kept for display only. */
@Repository
public class Documents {

  /** A document's description. */
  public record Document(UUID id, String applicationNo, DocumentKind kind, String contentType, int sizeBytes,
      String sha256, String fileName, Instant uploadedAt, String uploadedBy) {}

  private static final String COLUMNS =
      "id, application_no, kind, content_type, size_bytes, sha256, file_name, uploaded_at, uploaded_by";

  private final JdbcClient jdbc;

  Documents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(Document d, byte[] content) {
    jdbc.sql("insert into document (" + COLUMNS + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(d.id(), d.applicationNo(), d.kind().name(), d.contentType(), d.sizeBytes(), d.sha256(), d.fileName(),
            Timestamp.from(d.uploadedAt()), d.uploadedBy(), content)
        .update();
  }

  public List<Document> of(String applicationNo) {
    return jdbc.sql("select " + COLUMNS + " from document where application_no = ? order by uploaded_at, id")
        .param(applicationNo).query(RecordRows.of(Document.class)).list();
  }

  Optional<Document> find(String applicationNo, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from document where application_no = ? and id = ?")
        .params(applicationNo, id).query(RecordRows.of(Document.class)).optional();
  }

  byte[] content(UUID id) {
    return jdbc.sql("select content from document where id = ?").param(id).query(byte[].class).single();
  }

  int count(String applicationNo) {
    return jdbc.sql("select count(*) from document where application_no = ?").param(applicationNo)
        .query(Integer.class).single();
  }
}
