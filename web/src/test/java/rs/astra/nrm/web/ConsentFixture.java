package rs.astra.nrm.web;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.Person;
import rs.astra.nrm.consent.BreakGlassAccess;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;

/**
 * Organisations and users of their own for the consent tests (prefix "CP"), so that nothing these
 * tests create is seen by the demo organisations that other tests count; and a generator of many
 * cases with random referrals, consents and emergency accesses in every state.
 */
final class ConsentFixture {

  static final String OWNER_NGO = "CP Owner NGO";
  static final String OTHER_NGO = "CP Other NGO";

  /** Organisation name → type, for every kind of institution. */
  static final Map<String, OrganisationType> ORGANISATIONS =
      Map.of(
          OWNER_NGO,
          OrganisationType.NGO,
          OTHER_NGO,
          OrganisationType.NGO,
          "CP Police",
          OrganisationType.POLICE,
          "CP Prosecutor",
          OrganisationType.PROSECUTOR,
          "CP Social Work Centre",
          OrganisationType.SOCIAL_WORK_CENTRE,
          "CP Health",
          OrganisationType.HEALTH,
          "CP CPTV",
          OrganisationType.CPTV);

  /** Users: login name → (organisation, role). */
  static final Map<String, Object[]> USERS =
      Map.ofEntries(
          Map.entry("cp.coordinator", new Object[] {OWNER_NGO, PortalRole.NGO_COORDINATOR}),
          Map.entry("cp.caseworker", new Object[] {OWNER_NGO, PortalRole.NGO_CASEWORKER}),
          Map.entry("cp.admin", new Object[] {OWNER_NGO, PortalRole.ADMIN}),
          Map.entry("cp.dpo", new Object[] {OWNER_NGO, PortalRole.DPO}),
          Map.entry("cp.other", new Object[] {OTHER_NGO, PortalRole.NGO_CASEWORKER}),
          Map.entry("cp.police", new Object[] {"CP Police", PortalRole.POLICE_OFFICER}),
          Map.entry("cp.prosecutor", new Object[] {"CP Prosecutor", PortalRole.PROSECUTOR}),
          Map.entry("cp.csw1", new Object[] {"CP Social Work Centre", PortalRole.CSW_OFFICER}),
          Map.entry("cp.csw2", new Object[] {"CP Social Work Centre", PortalRole.CSW_OFFICER}),
          Map.entry("cp.health", new Object[] {"CP Health", PortalRole.HEALTH_WORKER}),
          Map.entry("cp.cptv", new Object[] {"CP CPTV", PortalRole.CPTV_OFFICER}));

  private ConsentFixture() {}

  /** Creates the organisations and users once per server. */
  static void ensure(EntityManager em, UserTransaction tx) throws Exception {
    if (!em.createQuery("select o from Organisation o where o.name = :n", Organisation.class)
        .setParameter("n", OWNER_NGO)
        .getResultList()
        .isEmpty()) {
      return;
    }
    tx.begin();
    Map<String, Organisation> orgs = new java.util.HashMap<>();
    ORGANISATIONS.forEach(
        (name, type) -> {
          Organisation o = new Organisation(name, type, "Kragujevac");
          em.persist(o);
          orgs.put(name, o);
        });
    USERS.forEach(
        (username, v) ->
            em.persist(
                new PortalUser(
                    username,
                    "User " + username,
                    orgs.get((String) v[0]),
                    (PortalRole) v[1],
                    null)));
    tx.commit();
  }

  static Organisation organisation(EntityManager em, String name) {
    return em.createQuery("select o from Organisation o where o.name = :n", Organisation.class)
        .setParameter("n", name)
        .getSingleResult();
  }

  static PortalUser user(EntityManager em, String username) {
    return em.createQuery("select u from PortalUser u where u.username = :u", PortalUser.class)
        .setParameter("u", username)
        .getSingleResult();
  }

  /** Opens a case owned by the user, with a named person; returns its id. */
  static long newCase(
      EntityManager em, UserTransaction tx, String owner, String firstName, String secondName)
      throws Exception {
    return newCase(em, tx, owner, firstName, secondName, LocalDate.of(1995, 5, 5));
  }

  /** Opens a case owned by the user, for a person born on the given day; returns its id. */
  static long newCase(
      EntityManager em,
      UserTransaction tx,
      String owner,
      String firstName,
      String secondName,
      LocalDate birthdate)
      throws Exception {
    return newCase(em, tx, owner, firstName, secondName, birthdate, Instant.now());
  }

  /** Opens a case created at the given instant; returns its id. */
  static long newCase(
      EntityManager em,
      UserTransaction tx,
      String owner,
      String firstName,
      String secondName,
      LocalDate birthdate,
      Instant createdAt)
      throws Exception {
    tx.begin();
    Person p = new Person();
    p.recordIdentity(null, firstName, secondName, birthdate, null, Set.of("RS"), null);
    p.recordContact(null, null, "+381 60 000 0000", "Ulica 1", "Kragujevac", null, "34000", "RS");
    Number n = (Number) em.createNativeQuery("select nextval('case_code_seq')").getSingleResult();
    CaseFile c =
        new CaseFile(
            String.format("NRM-2026-%05d", n.longValue()),
            user(em, owner),
            p,
            LocalDate.now(),
            createdAt);
    em.persist(c);
    tx.commit();
    return c.getId();
  }

  /**
   * Generates cases of both test NGOs with random referrals (every state, purpose and category
   * mix), consents (active, expired, withdrawn, not yet valid, other purpose or category) and
   * emergency accesses (current, expired) to the other test organisations.
   *
   * @return the ids of the generated cases
   */
  static List<Long> generate(EntityManager em, UserTransaction tx, int cases, long seed)
      throws Exception {
    Random random = new Random(seed);
    List<Long> ids = new ArrayList<>();
    Instant now = Instant.now();
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Belgrade"));
    List<String> recipients =
        List.of(
            "CP Police",
            "CP Prosecutor",
            "CP Social Work Centre",
            "CP Health",
            "CP CPTV",
            OTHER_NGO,
            OWNER_NGO);
    Map<String, List<String>> usersOf = new java.util.HashMap<>();
    USERS.forEach((u, v) -> usersOf.computeIfAbsent((String) v[0], k -> new ArrayList<>()).add(u));
    tx.begin();
    for (int i = 0; i < cases; i++) {
      String owner =
          random.nextInt(4) == 0
              ? "cp.other"
              : (random.nextBoolean() ? "cp.caseworker" : "cp.coordinator");
      PortalUser ownerUser = user(em, owner);
      Person p = new Person();
      p.recordIdentity(null, "Gen" + i, "Person" + i, null, null, Set.of(), null);
      Number n = (Number) em.createNativeQuery("select nextval('case_code_seq')").getSingleResult();
      CaseFile c =
          new CaseFile(String.format("NRM-2026-%05d", n.longValue()), ownerUser, p, today, now);
      em.persist(c);
      Organisation ownerOrg = ownerUser.getOrganisation();
      Map<Organisation, Purpose> referredFor = new java.util.HashMap<>();
      int referrals = random.nextInt(4);
      for (int r = 0; r < referrals; r++) {
        Organisation to = organisation(em, recipients.get(random.nextInt(recipients.size())));
        if (to.getId().equals(ownerOrg.getId())) {
          continue;
        }
        Purpose purpose = Purpose.values()[random.nextInt(Purpose.values().length)];
        Set<DataCategory> asked = randomCategories(random);
        if (random.nextBoolean()) {
          asked.add(DataCategory.IDENTITY);
        }
        Referral ref =
            Referral.send(c, ownerOrg, to, purpose, asked, null, null, null, ownerUser, now);
        ReferralState state = ReferralState.values()[random.nextInt(ReferralState.values().length)];
        switch (state) {
          case ACCEPTED -> ref.accept(ownerUser, now);
          case REJECTED -> ref.reject(ownerUser, "no capacity", now);
          case COMPLETED -> {
            ref.accept(ownerUser, now);
            ref.complete(ownerUser, now);
          }
          case REVOKED -> ref.revoke(ownerUser, "no longer needed", now);
          case SENT -> {}
        }
        em.persist(ref);
        referredFor.put(to, purpose);
        if (random.nextInt(5) < 3) {
          // A consent made for this referral, in a random state (mostly active).
          Set<DataCategory> cats = EnumSet.of(DataCategory.IDENTITY);
          cats.addAll(asked);
          em.persist(consent(c, to, purpose, cats, random.nextInt(8), ownerUser, today, now));
        }
      }
      int consents = random.nextInt(4);
      for (int k = 0; k < consents; k++) {
        Organisation to = organisation(em, recipients.get(random.nextInt(recipients.size())));
        if (to.getId().equals(ownerOrg.getId())) {
          continue;
        }
        // Usually for the purpose the organisation was referred for, sometimes for another one.
        Purpose purpose =
            referredFor.containsKey(to) && random.nextInt(4) > 0
                ? referredFor.get(to)
                : Purpose.values()[random.nextInt(Purpose.values().length)];
        Set<DataCategory> cats = randomCategories(random);
        if (cats.isEmpty()) {
          cats = EnumSet.of(DataCategory.IDENTITY);
        }
        em.persist(consent(c, to, purpose, cats, random.nextInt(5), ownerUser, today, now));
      }
      if (random.nextInt(3) == 0 && !referredFor.isEmpty()) {
        Organisation to =
            new ArrayList<>(referredFor.keySet()).get(random.nextInt(referredFor.size()));
        List<String> staff = usersOf.getOrDefault(to.getName(), List.of());
        if (!staff.isEmpty()) {
          PortalUser u = user(em, staff.get(random.nextInt(staff.size())));
          DataCategory category = personal().get(random.nextInt(personal().size()));
          Instant opened =
              random.nextBoolean() ? now.minusSeconds(3600) : now.minusSeconds(5 * 3600);
          em.persist(
              new BreakGlassAccess(
                  c, u, category, "Person in danger, location needed urgently", opened));
        }
      }
      if (i % 10 == 4) {
        // Every tenth case restricted (GDPR Art. 18, issue 21), after its referrals, consents and
        // emergency accesses: the list query and decide must agree on those too. Not drawn from
        // the random sequence, so the other cases stay as they were.
        c.markRestricted(now);
      }
      ids.add(c.getId());
    }
    tx.commit();
    return ids;
  }

  /**
   * A consent of a kind: 1 expired yesterday, 2 expires today, 3 not yet valid, 4 withdrawn, else
   * active.
   */
  private static Consent consent(
      CaseFile c,
      Organisation to,
      Purpose purpose,
      Set<DataCategory> cats,
      int kind,
      PortalUser by,
      LocalDate today,
      Instant now) {
    LocalDate givenOn = kind == 3 ? today.plusDays(2) : today.minusDays(30);
    LocalDate validUntil =
        switch (kind) {
          case 1 -> today.minusDays(1);
          case 2 -> today;
          default -> kind % 2 == 0 ? null : today.plusDays(60);
        };
    Consent consent =
        new Consent(
            c, to, purpose, cats, givenOn, validUntil, ConsentMethod.SIGNED_FORM, null, by, now);
    if (kind == 4) {
      consent.withdraw(by, now);
    }
    return consent;
  }

  private static List<DataCategory> personal() {
    return EnumSet.allOf(DataCategory.class).stream().filter(DataCategory::isPersonal).toList();
  }

  private static Set<DataCategory> randomCategories(Random random) {
    Set<DataCategory> set = EnumSet.noneOf(DataCategory.class);
    for (DataCategory c : personal()) {
      if (random.nextInt(3) == 0) {
        set.add(c);
      }
    }
    return set;
  }
}
