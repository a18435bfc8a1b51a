package rs.astra.nrm.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;

/**
 * Fills an empty database with the demo organisations and users when the portal runs in demo mode
 * ({@code nrm.demo=true}, as the README's run command sets). Runs once: a database that already has
 * organisations is left alone, so a restart never imports twice.
 */
@Singleton(name = "DemoDataSeeder")
@Startup
@DependsOn("DatabaseMigrator")
public class DemoDataSeeder {

  /** PostgreSQL advisory lock key of the demo seeding (any number no other code uses). */
  static final long SEED_LOCK = 2020_0020L;

  /** The password of every demo user; shown on the login page in demo mode only. */
  public static final String DEMO_PASSWORD = "demo";

  /** Name of the demo NGO, which owns the sample caseload. */
  public static final String ASTRA = "ASTRA";

  /** The domain of the demo users' e-mail addresses ({@code <login>@nrm.example}, RFC 2606). */
  public static final String DEMO_MAIL_DOMAIN = "nrm.example";

  private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Pbkdf2PasswordHash passwordHash;

  @Inject
  @ConfigProperty(name = "nrm.demo", defaultValue = "false")
  private boolean demo;

  @Inject
  @ConfigProperty(name = "nrm.base.url", defaultValue = "http://localhost:8080/")
  private String baseUrl;

  @EJB private rs.astra.nrm.operations.DatabaseMigrator migrator;

  @EJB private DemoCaseloadLoader caseloadLoader;
  @EJB private DemoHotlineLoader hotlineLoader;

  private boolean seededNow;

  /** A demo organisation: its unique name, type and city. */
  public record DemoOrganisation(String name, OrganisationType type, String city) {}

  /**
   * The demo organisations, one of every type (two centres for social work); the benchmark's
   * caseload generator creates the same ones.
   */
  public static final List<DemoOrganisation> ORGANISATIONS =
      List.of(
          new DemoOrganisation(ASTRA, OrganisationType.NGO, "Beograd"),
          new DemoOrganisation("Uprava granične policije", OrganisationType.POLICE, "Beograd"),
          new DemoOrganisation(
              "Više javno tužilaštvo u Beogradu", OrganisationType.PROSECUTOR, "Beograd"),
          new DemoOrganisation(
              "Centar za socijalni rad Beograd", OrganisationType.SOCIAL_WORK_CENTRE, "Beograd"),
          new DemoOrganisation(
              "Centar za socijalni rad Niš", OrganisationType.SOCIAL_WORK_CENTRE, "Niš"),
          new DemoOrganisation(
              "Univerzitetski klinički centar Srbije", OrganisationType.HEALTH, "Beograd"),
          new DemoOrganisation(
              "Centar za zaštitu žrtava trgovine ljudima", OrganisationType.CPTV, "Beograd"));

  /** The demo users: login name → (display name, organisation, role). */
  public record DemoUser(
      String username, String displayName, String organisation, PortalRole role) {}

  /** The demo users, in the order the login page lists them. */
  public static final List<DemoUser> USERS =
      List.of(
          new DemoUser("ngo.caseworker1", "Jelena Petrović", ASTRA, PortalRole.NGO_CASEWORKER),
          new DemoUser("ngo.caseworker2", "Marko Jovanović", ASTRA, PortalRole.NGO_CASEWORKER),
          new DemoUser("ngo.coordinator", "Ivana Nikolić", ASTRA, PortalRole.NGO_COORDINATOR),
          new DemoUser("ngo.hotline", "Sanja Milić", ASTRA, PortalRole.HOTLINE_OPERATOR),
          new DemoUser(
              "csw.belgrade",
              "Ana Đorđević",
              "Centar za socijalni rad Beograd",
              PortalRole.CSW_OFFICER),
          new DemoUser(
              "csw.nis", "Milan Stojanović", "Centar za socijalni rad Niš", PortalRole.CSW_OFFICER),
          new DemoUser(
              "police.officer",
              "Dragan Ilić",
              "Uprava granične policije",
              PortalRole.POLICE_OFFICER),
          new DemoUser(
              "prosecutor",
              "Vesna Marković",
              "Više javno tužilaštvo u Beogradu",
              PortalRole.PROSECUTOR),
          new DemoUser(
              "health.worker",
              "Snežana Pavlović",
              "Univerzitetski klinički centar Srbije",
              PortalRole.HEALTH_WORKER),
          new DemoUser(
              "cptv.officer",
              "Nenad Kostić",
              "Centar za zaštitu žrtava trgovine ljudima",
              PortalRole.CPTV_OFFICER),
          new DemoUser("admin", "Portal Administrator", ASTRA, PortalRole.ADMIN),
          // The second pair of eyes: a role that reads case data takes two administrators.
          new DemoUser("admin2", "Second Administrator", ASTRA, PortalRole.ADMIN),
          new DemoUser("dpo", "Tijana Lazić", ASTRA, PortalRole.DPO));

  @PostConstruct
  void seed() {
    if (!demo) {
      return;
    }
    if (migrator.isPostgresql()) {
      // Two instances starting at once on an empty database (issue 20): the second waits here until
      // the first one's seeding transaction ends, then finds the organisations and imports nothing.
      // The lock is the transaction's and ends with it.
      em.createNativeQuery("select pg_advisory_xact_lock(" + SEED_LOCK + ")").getResultList();
    }
    Long organisations =
        em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
    if (organisations == 0) {
      Map<String, Organisation> byName = new LinkedHashMap<>();
      for (DemoOrganisation d : ORGANISATIONS) {
        Organisation o = new Organisation(d.name(), d.type(), d.city());
        em.persist(o);
        byName.put(o.getName(), o);
      }
      // The iterations of every local user's hash (AdministrationService), so that a wrong password
      // costs the demo users what it costs an unknown name (LoginGuard's dummy hash): no timing
      // tells
      // which names exist (issue 15). One hash for all, so seeding takes one derivation.
      passwordHash.initialize(
          java.util.Map.of(
              "Pbkdf2PasswordHash.Iterations",
              String.valueOf(
                  rs.astra.nrm.organisation.AdministrationService.PASSWORD_HASH_ITERATIONS)));
      String hash = passwordHash.generate(DEMO_PASSWORD.toCharArray());
      for (DemoUser u : USERS) {
        PortalUser user =
            new PortalUser(
                u.username(), u.displayName(), byName.get(u.organisation()), u.role(), hash);
        // An address of the reserved example domain, so that notifications by e-mail can be seen
        // in a mail catcher (docker/compose.yaml runs one); never a real mailbox.
        user.changeEmail(u.username() + "@" + DEMO_MAIL_DOMAIN);
        em.persist(user);
      }
      em.flush();
      seededNow = true;
    }
    int imported = caseloadLoader.loadSampleCaseloadIfEmpty();
    int hotlineCalls = hotlineLoader.loadDemoHotlineIfEmpty();
    StringBuilder banner = new StringBuilder();
    banner.append("\n\n  NRM Portal (demo mode) is starting at ").append(baseUrl).append('\n');
    banner
        .append(
            seededNow
                ? "  Demo organisations and users created."
                : "  Demo data already present; nothing imported again.")
        .append('\n');
    if (imported > 0) {
      banner.append("  Sample HTCDS caseload imported: ").append(imported).append(" cases.\n");
    }
    if (hotlineCalls > 0) {
      banner.append("  Demo SOS hotline calls recorded: ").append(hotlineCalls).append(".\n");
    }
    banner.append("  Demo logins (password \"").append(DEMO_PASSWORD).append("\"):\n");
    for (DemoUser u : USERS) {
      banner.append(
          String.format(
              "    %-16s %-16s %s%n", u.username(), u.role().roleName(), u.organisation()));
    }
    LOG.info(banner.toString());
  }

  /**
   * Tells whether the application runs in demo mode.
   *
   * @return the value of {@code nrm.demo}
   */
  public boolean isDemo() {
    return demo;
  }
}
