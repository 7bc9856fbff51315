package cn.subsidy.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * HTTP Basic logins of officials, verified against Camunda's users and remembered for a short time
 * ({@code subsidy.security.login-cache}, 30 s by default; 0 turns it off) with the user's groups and
 * tenants. Every call of Tasklist's REST client or of another system sends the password again; without
 * this, each call checked the password and loaded the groups in three queries of its own, about 6 ms
 * and a tenth of the server's CPU under load.
 *
 * <p>Nothing is remembered that Camunda would decide differently: a wrong password is checked by
 * Camunda every time (so its attempt counter and lock work) and forgets the user's remembered logins;
 * any change of users, passwords, memberships or tenants committed through this server's engine
 * forgets every remembered login at once ({@link AdminGroupGuard} reports them). A change made on
 * another server of a cluster takes effect here when the remembered login expires. Passwords are
 * kept only as an HMAC under a key that lives in this process.
 */
public final class VerifiedLogins {

  /** An official as Camunda knows them: the groups and tenants Camunda's authorization checks use. */
  public record Login(String userId, List<String> groupIds, List<String> tenantIds) {}

  private record Remembered(Login login, long generation, long expiresAt) {}

  /** Bumped after every committed identity change; a login remembered under an older value is not used. */
  private static final AtomicLong GENERATION = new AtomicLong();
  private static final int MAX_REMEMBERED = 10_000;
  private static final String BASIC = "Basic ";

  private final IdentityService identity;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final SecretKeySpec key;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  public VerifiedLogins(IdentityService identity, Duration ttl) {
    this(identity, ttl, System::nanoTime);
  }

  VerifiedLogins(IdentityService identity, Duration ttl, LongSupplier nanoClock) {
    this.identity = identity;
    this.ttlNanos = Math.max(0, ttl.toNanos());
    this.nanoClock = nanoClock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** Called after an identity change committed: every remembered login is checked again. */
  static void identityChanged() {
    GENERATION.incrementAndGet();
  }

  /** The credentials of an {@code Authorization} header that uses HTTP Basic; empty for any other header. */
  public static Optional<String> basicCredentials(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return Optional.empty();
    }
    return Optional.of(authorizationHeader.substring(BASIC.length()));
  }

  /** The official of an {@code Authorization: Basic ...} header's credentials, if they are right. */
  public Optional<Login> basic(String encodedCredentials) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encodedCredentials.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return verify(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** The official, if the password is theirs; from memory when it was verified moments ago. */
  public Optional<Login> verify(String userId, String password) {
    long now = nanoClock.getAsLong();
    String entry = entry(userId, password);
    Remembered known = remembered.get(entry);
    long generation = GENERATION.get();
    if (known != null && known.generation() == generation && now - known.expiresAt() < 0) {
      return Optional.of(known.login());
    }
    if (!identity.checkPassword(userId, password)) {
      remembered.keySet().removeIf(candidate -> candidate.startsWith(userId + '\0'));
      return Optional.empty();
    }
    Login login = new Login(userId,
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
    if (ttlNanos > 0) {
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.values().removeIf(old -> now - old.expiresAt() >= 0 || old.generation() != generation);
        if (remembered.size() >= MAX_REMEMBERED) {
          remembered.clear();
        }
      }
      remembered.put(entry, new Remembered(login, generation, now + ttlNanos));
    }
    return Optional.of(login);
  }

  private String entry(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((userId + '\0' + password).getBytes(StandardCharsets.UTF_8));
      return userId + '\0' + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
