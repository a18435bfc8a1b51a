package rs.astra.nrm.organisation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Throttles password guessing at the form login (issue 15; OWASP Authentication Cheat Sheet):
 * failures are counted per account and per client address in a window of {@code
 * nrm.login.windowMinutes} (default 15); from {@code nrm.login.delayAfter} (5) failures of an
 * account the next attempt must wait a growing delay (2, 4, 8 … up to 60 s after the last failure),
 * and from {@code nrm.login.lockAfter} (10) the account is locked until the window has passed since
 * its last failure or an administrator lifts the lock; {@code nrm.login.clientLockAfter} (50)
 * failures from one address lock that address likewise. A success or an unlock starts the count
 * again. Unknown login names are throttled exactly like real ones, so the answer never tells
 * whether an account exists; and a wrong password costs one PBKDF2 verification whether the account
 * exists or not (a dummy hash for unknown names).
 *
 * <p>The state is in the database ({@link LoginAttempt}), so it holds across restarts and servers.
 * Each lock of an existing account is in the activity record.
 */
@Stateless
@StoredBeforeReturn
public class LoginGuard {

  /**
   * What the guard says before a login is tried.
   *
   * @param allowed whether the password may be checked now
   * @param retryAfter when not allowed, how long to wait (whole seconds, at least 1)
   */
  public record Verdict(boolean allowed, Duration retryAfter) {
    /** A login may be tried. */
    public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);
  }

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private AdministrationLog audit;
  @Inject private UserDirectory directory;
  @Inject private Pbkdf2PasswordHash passwordHash;

  @Inject
  @ConfigProperty(name = "nrm.login.windowMinutes", defaultValue = "15")
  private int windowMinutes;

  @Inject
  @ConfigProperty(name = "nrm.login.delayAfter", defaultValue = "5")
  private int delayAfter;

  @Inject
  @ConfigProperty(name = "nrm.login.lockAfter", defaultValue = "10")
  private int lockAfter;

  @Inject
  @ConfigProperty(name = "nrm.login.clientLockAfter", defaultValue = "50")
  private int clientLockAfter;

  /** A hash of a password nobody has, made once per server with the portal's iteration count. */
  private static volatile String dummyHash;

  @PostConstruct
  void configureHashing() {
    passwordHash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Iterations",
            String.valueOf(AdministrationService.PASSWORD_HASH_ITERATIONS)));
  }

  /**
   * Whether a login with this name from this address may be tried now.
   *
   * @param username the typed login name
   * @param clientAddress the client's address
   * @return the verdict
   */
  public Verdict check(String username, String clientAddress) {
    Instant now = Instant.now();
    Instant since = now.minus(Duration.ofMinutes(windowMinutes));
    List<Instant> account = failures("a.accountKey", key(normalise(username)), since);
    List<Instant> client = failures("a.clientKey", key(clientAddress), since);
    return decide(
        account,
        client,
        now,
        delayAfter,
        lockAfter,
        clientLockAfter,
        Duration.ofMinutes(windowMinutes));
  }

  /**
   * Records a failed login, spends a password verification for an unknown name (so that it answers
   * in the time a real account's does), and records a lock in the activity record when this failure
   * locks an existing account.
   *
   * @param username the typed login name
   * @param clientAddress the client's address
   * @param typedPassword the typed password, only to verify it against a dummy hash; never stored
   */
  public void recordFailure(String username, String clientAddress, String typedPassword) {
    Instant now = Instant.now();
    String name = normalise(username);
    Optional<PortalUser> user = directory.findUser(name);
    // Soteria verified a hash only for an active user of an active organisation.
    if (user.isEmpty() || !user.get().isActive() || !user.get().getOrganisation().isActive()) {
      passwordHash.verify((typedPassword == null ? "" : typedPassword).toCharArray(), dummyHash());
    }
    String accountKey = key(name);
    em.persist(
        new LoginAttempt(
            now,
            accountKey,
            key(clientAddress),
            user.map(PortalUser::getId).orElse(null),
            LoginAttempt.Outcome.FAILURE));
    em.flush();
    if (user.isPresent()
        && failures("a.accountKey", accountKey, now.minus(Duration.ofMinutes(windowMinutes))).size()
            == lockAfter) {
      PortalUser u = user.get();
      Viewer self = UserDirectory.viewerOf(u);
      audit.record(
          self,
          now,
          AdministrativeAct.LOGIN_LOCKED,
          u.getId(),
          "after " + lockAfter + " failed logins");
    }
  }

  /**
   * Records a successful login: earlier failures of the account no longer count.
   *
   * @param username the login name
   * @param clientAddress the client's address
   */
  public void recordSuccess(String username, String clientAddress) {
    String name = normalise(username);
    em.persist(
        new LoginAttempt(
            Instant.now(),
            key(name),
            key(clientAddress),
            directory.findUser(name).map(PortalUser::getId).orElse(null),
            LoginAttempt.Outcome.SUCCESS));
  }

  /**
   * Lifts the lock of a user's form login (an administrator's act, in the activity record).
   *
   * @param viewer an administrator
   * @param userId the user
   * @throws NotPermittedException for any other role
   * @throws rs.astra.nrm.shared.InvalidRequestException {@code admin.error.notFound}
   */
  public void unlock(Viewer viewer, long userId) {
    if (viewer == null || viewer.role() != PortalRole.ADMIN) {
      throw new NotPermittedException("administration");
    }
    PortalUser u = em.find(PortalUser.class, userId);
    if (u == null) {
      throw new rs.astra.nrm.shared.InvalidRequestException("admin.error.notFound");
    }
    Instant now = Instant.now();
    em.persist(
        new LoginAttempt(
            now, key(u.getUsername()), key("unlock"), u.getId(), LoginAttempt.Outcome.UNLOCK));
    audit.record(viewer, now, AdministrativeAct.LOGIN_UNLOCKED, u.getId(), null);
  }

  /**
   * The rule, apart from the database.
   *
   * @param accountFailures the account's failures since its last success or unlock, in the window
   * @param clientFailures the address's failures in the window
   * @param now now
   * @param delayAfter failures of an account from which a delay applies
   * @param lockAfter failures of an account that lock it
   * @param clientLockAfter failures from an address that lock it
   * @param window how long failures count
   * @return the verdict
   */
  static Verdict decide(
      List<Instant> accountFailures,
      List<Instant> clientFailures,
      Instant now,
      int delayAfter,
      int lockAfter,
      int clientLockAfter,
      Duration window) {
    Instant lastAccount = accountFailures.stream().max(Instant::compareTo).orElse(null);
    Instant lastClient = clientFailures.stream().max(Instant::compareTo).orElse(null);
    Instant until = null;
    if (accountFailures.size() >= lockAfter) {
      until = lastAccount.plus(window);
    } else if (accountFailures.size() >= delayAfter) {
      long seconds = Math.min(60, 1L << Math.min(6, accountFailures.size() - delayAfter + 1));
      until = lastAccount.plusSeconds(seconds);
    }
    if (clientFailures.size() >= clientLockAfter) {
      Instant clientUntil = lastClient.plus(window);
      until = until == null || clientUntil.isAfter(until) ? clientUntil : until;
    }
    if (until == null || !now.isBefore(until)) {
      return Verdict.ALLOWED;
    }
    return new Verdict(
        false, Duration.ofSeconds(Math.max(1, Duration.between(now, until).toSeconds() + 1)));
  }

  /** Failures by a key since the last success or unlock of that key, within the window. */
  private List<Instant> failures(String keyField, String key, Instant since) {
    Instant reset =
        em.createQuery(
                "select max(a.at) from LoginAttempt a where "
                    + keyField
                    + " = :key and a.outcome <> :failure and a.at >= :since",
                Instant.class)
            .setParameter("key", key)
            .setParameter("failure", LoginAttempt.Outcome.FAILURE)
            .setParameter("since", since)
            .getSingleResult();
    Instant from = reset == null || reset.isBefore(since) ? since : reset;
    return em.createQuery(
            "select a.at from LoginAttempt a where "
                + keyField
                + " = :key and a.outcome = :failure and a.at > :from",
            Instant.class)
        .setParameter("key", key)
        .setParameter("failure", LoginAttempt.Outcome.FAILURE)
        .setParameter("from", from)
        .getResultList();
  }

  private String dummyHash() {
    String h = dummyHash;
    if (h == null) {
      h = passwordHash.generate("no account has this password".toCharArray());
      dummyHash = h;
    }
    return h;
  }

  private static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  /** SHA-256 of a text, in hex: a key that does not store the text itself. */
  static String key(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(
                      ("nrm-login:" + (text == null ? "" : text))
                          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
