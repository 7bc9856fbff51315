package cn.subsidy.database;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows to a record through its canonical constructor: each component from the column of its name in
 * snake case ({@code idNumber} from {@code id_number}) or as it is, in any case, with the conversions of
 * Spring's {@code SimplePropertyRowMapper} (what {@code JdbcClient.query(Class)} uses).
 *
 * <p>Spring's mapper asks the driver for each component's own name first and falls back to snake case
 * when the driver throws, and asks for an {@code Instant} the same way. PostgreSQL's driver builds each
 * exception with its stack trace and a translated message, for every such component of every row; with
 * them the server took a fifth more CPU per application in the benchmark's lifecycle. This mapper reads
 * the result's column names once per result set instead, and an {@code Instant} as the timestamp it is.
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

  private static final ClassValue<RecordRows<?>> MAPPERS = new ClassValue<>() {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected RecordRows<?> computeValue(Class<?> type) {
      return new RecordRows(type.asSubclass(Record.class));
    }
  };

  /** The columns of one result set, by component; reused for its following rows (not kept from the GC). */
  private record Columns(WeakReference<ResultSet> resultSet, int[] indexes) {}

  private final Class<T> type;
  private final Constructor<T> constructor;
  private final String[] names;
  private final TypeDescriptor[] types;
  private final ConversionService conversions = DefaultConversionService.getSharedInstance();
  private volatile Columns last;

  private RecordRows(Class<T> type) {
    RecordComponent[] components = type.getRecordComponents();
    this.type = type;
    try {
      this.constructor = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record always has its canonical constructor: " + type, e);
    }
    this.names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
    this.types = new TypeDescriptor[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
    }
  }

  /** The mapper of this record type (one per type, shared). */
  @SuppressWarnings("unchecked")
  public static <T extends Record> RowMapper<T> of(Class<T> type) {
    return (RowMapper<T>) MAPPERS.get(type);
  }

  @Override
  public T mapRow(ResultSet rs, int rowNumber) throws SQLException {
    int[] indexes = indexes(rs);
    Object[] args = new Object[names.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = conversions.convert(value(rs, indexes[i], types[i].getType()), types[i]);
    }
    return BeanUtils.instantiateClass(constructor, args);
  }

  /**
   * As Spring reads it, except an {@code Instant}: Spring asks the driver for one first, which PostgreSQL's
   * driver refuses with an exception, and then converts the timestamp it reads next.
   */
  private static Object value(ResultSet rs, int index, Class<?> type) throws SQLException {
    if (type == Instant.class) {
      Timestamp timestamp = rs.getTimestamp(index);
      return timestamp == null ? null : timestamp.toInstant();
    }
    return JdbcUtils.getResultSetValue(rs, index, type);
  }

  private int[] indexes(ResultSet rs) throws SQLException {
    Columns known = last;
    if (known != null && known.resultSet().get() == rs) {
      return known.indexes();
    }
    ResultSetMetaData metaData = rs.getMetaData();
    Map<String, Integer> byKey = new HashMap<>();
    for (int column = metaData.getColumnCount(); column >= 1; column--) {
      byKey.put(key(JdbcUtils.lookupColumnName(metaData, column)), column); // the first of equal names wins
    }
    int[] indexes = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      Integer column = byKey.get(key(names[i]));
      if (column == null) {
        throw new SQLException("The result has no column " + names[i] + " (or "
            + JdbcUtils.convertPropertyNameToUnderscoreName(names[i]) + ") for " + type.getSimpleName());
      }
      indexes[i] = column;
    }
    last = new Columns(new WeakReference<>(rs), indexes);
    return indexes;
  }

  /** {@code id_number}, {@code idNumber} and {@code IDNUMBER} are one name. */
  private static String key(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
