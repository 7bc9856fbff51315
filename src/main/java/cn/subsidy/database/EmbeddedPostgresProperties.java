package cn.subsidy.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL of the default run; unused as soon as {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the database files are kept between runs
 * @param port TCP port on localhost; 0 picks a free one at every start
 * @param durable fsync and synchronous commit on: a crash or power cut loses nothing that was acknowledged
 * @param cleanDataDirectory start from an empty database and delete it on shutdown (tests)
 * @param startupWait how long to wait for the server to accept connections
 */
@ConfigurationProperties("subsidy.embedded-postgres")
public record EmbeddedPostgresProperties(
    @DefaultValue("data/postgres") Path dataDirectory,
    @DefaultValue("0") int port,
    @DefaultValue("true") boolean durable,
    @DefaultValue("false") boolean cleanDataDirectory,
    @DefaultValue("60s") Duration startupWait) {}
