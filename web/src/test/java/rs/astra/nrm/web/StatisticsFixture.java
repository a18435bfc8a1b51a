package rs.astra.nrm.web;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.Person;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.proceedings.Offence;
import rs.astra.nrm.proceedings.ProceedingsEntry;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.referral.Referral;

/**
 * Organisations of their own for the statistics test (prefix "ST"), so that their figures can be
 * counted by hand whatever other tests add, and a caseload of 2019 whose figures the test knows:
 *
 * <ul>
 *   <li>14 victims of ST NGO opened in 2019: 6 women (24, RS) sexually exploited, identified; 2
 *       girls (15, RS) in forced labour, presumed; 5 men (39, BA) in forced labour, identified; 1
 *       man (age unknown, RS) in forced begging, identified; and one person found not to be a
 *       victim;
 *   <li>6 referrals to ST Centre dated 2019: 4 accepted after 1, 2, 3 and 4 days, 1 rejected after
 *       10 days, 1 waiting;
 *   <li>criminal complaints on 6 cases and a verdict (art. 388) on one, in 2019;
 *   <li>support-plan services planned in 2019: 3 safe-house stays provided, 1 legal aid planned;
 *   <li>one more case (2019, identified) referred to ST Centre for social protection with the
 *       person's consent to share IDENTITY, for the export's policy test.
 * </ul>
 */
final class StatisticsFixture {

  static final String NGO = "ST NGO";
  static final String CENTRE = "ST Centre";
  static final String MONTH_NGO = "ST Month NGO";
  static final String MONTH_CENTRE = "ST Month Centre";
  static final String EXCHANGE_NGO = "ST Exchange NGO";
  static final ZoneId ZONE = rs.astra.nrm.shared.NrmTime.ZONE;

  /** Users: login name → (organisation, role). */
  static final Map<String, Object[]> USERS =
      Map.of(
          "st.coordinator", new Object[] {NGO, PortalRole.NGO_COORDINATOR},
          "st.caseworker", new Object[] {NGO, PortalRole.NGO_CASEWORKER},
          "st.admin", new Object[] {NGO, PortalRole.ADMIN},
          "st.csw", new Object[] {CENTRE, PortalRole.CSW_OFFICER},
          "st.month", new Object[] {MONTH_NGO, PortalRole.NGO_COORDINATOR},
          "st.month.csw", new Object[] {MONTH_CENTRE, PortalRole.CSW_OFFICER},
          "st.exchange", new Object[] {EXCHANGE_NGO, PortalRole.NGO_COORDINATOR},
          "st.exchange.cw", new Object[] {EXCHANGE_NGO, PortalRole.NGO_CASEWORKER});

  private StatisticsFixture() {}

  /** Whether the organisations exist already (the fixture is made once per server). */
  static boolean exists(EntityManager em) {
    return !em.createQuery("select o from Organisation o where o.name = :n", Organisation.class)
        .setParameter("n", NGO)
        .getResultList()
        .isEmpty();
  }

  /** Creates the organisations, users and the 2019 caseload. */
  static void create(EntityManager em, UserTransaction tx) throws Exception {
    tx.begin();
    Organisation ngo = new Organisation(NGO, OrganisationType.NGO, "Novi Sad");
    Organisation centre = new Organisation(CENTRE, OrganisationType.SOCIAL_WORK_CENTRE, "Novi Sad");
    Organisation monthNgo = new Organisation(MONTH_NGO, OrganisationType.NGO, "Subotica");
    Organisation monthCentre =
        new Organisation(MONTH_CENTRE, OrganisationType.SOCIAL_WORK_CENTRE, "Subotica");
    Organisation exchangeNgo = new Organisation(EXCHANGE_NGO, OrganisationType.NGO, "Niš");
    for (Organisation o : new Organisation[] {ngo, centre, monthNgo, monthCentre, exchangeNgo}) {
      em.persist(o);
    }
    Map<String, Organisation> orgs =
        Map.of(
            NGO,
            ngo,
            CENTRE,
            centre,
            MONTH_NGO,
            monthNgo,
            MONTH_CENTRE,
            monthCentre,
            EXCHANGE_NGO,
            exchangeNgo);
    USERS.forEach(
        (u, v) ->
            em.persist(
                new PortalUser(u, "User " + u, orgs.get((String) v[0]), (PortalRole) v[1], null)));
    em.flush();
    PortalUser caseworker = user(em, "st.caseworker");
    PortalUser csw = user(em, "st.csw");

    CaseFile[] cases = new CaseFile[15];
    int n = 0;
    for (int i = 0; i < 6; i++) {
      cases[n++] =
          victim(
              em,
              caseworker,
              "Ana" + i,
              Gender.Feminine,
              LocalDate.of(1995, 1, 1),
              "RS",
              LocalDate.of(2019, 3, 1),
              TraffickingStatus.ActualVictimOfTrafficking,
              TypeOfExploitation.SexualExploitation);
    }
    for (int i = 0; i < 2; i++) {
      cases[n++] =
          victim(
              em,
              caseworker,
              "Mina" + i,
              Gender.Feminine,
              LocalDate.of(2003, 6, 1),
              "RS",
              LocalDate.of(2019, 3, 1),
              TraffickingStatus.PossibleVictimOfTrafficking,
              TypeOfExploitation.ForcedLabour);
    }
    for (int i = 0; i < 5; i++) {
      cases[n++] =
          victim(
              em,
              caseworker,
              "Marko" + i,
              Gender.Masculine,
              LocalDate.of(1980, 1, 1),
              "BA",
              LocalDate.of(2019, 5, 1),
              TraffickingStatus.ActualVictimOfTrafficking,
              TypeOfExploitation.ForcedLabour);
    }
    cases[n++] =
        victim(
            em,
            caseworker,
            "Luka",
            Gender.Masculine,
            null,
            "RS",
            LocalDate.of(2019, 7, 1),
            TraffickingStatus.ActualVictimOfTrafficking,
            TypeOfExploitation.ForcedBegging);
    cases[n++] =
        victim(
            em,
            caseworker,
            "Vera",
            Gender.Feminine,
            LocalDate.of(1990, 1, 1),
            "RS",
            LocalDate.of(2019, 8, 1),
            TraffickingStatus.NotAVictimOfTrafficking,
            TypeOfExploitation.Other);

    int[] daysToAnswer = {1, 2, 3, 4};
    for (int i = 0; i < 6; i++) {
      Instant sent = ZonedDateTime.of(2019, 4, 1 + i, 10, 0, 0, 0, ZONE).toInstant();
      Referral r =
          Referral.send(
              cases[i],
              ngo,
              centre,
              Purpose.SOCIAL_PROTECTION,
              Set.of(),
              "support " + i,
              null,
              null,
              caseworker,
              sent);
      if (i < 4) {
        r.accept(csw, sent.plusSeconds(86_400L * daysToAnswer[i]));
      } else if (i == 4) {
        r.reject(csw, "no capacity", sent.plusSeconds(86_400L * 10));
      }
      em.persist(r);
    }
    for (int i = 0; i < 6; i++) {
      em.persist(
          new ProceedingsEntry(
              cases[i],
              caseworker,
              ProceedingsEntryKind.COMPLAINT_FILED,
              LocalDate.of(2019, 6, 1),
              Instant.now()));
    }
    ProceedingsEntry verdict =
        new ProceedingsEntry(
            cases[0],
            caseworker,
            ProceedingsEntryKind.VERDICT,
            LocalDate.of(2019, 11, 1),
            Instant.now());
    verdict.describe(Offence.ART_388_TRAFFICKING, null, null, "guilty", "5 years", null);
    em.persist(verdict);
    for (int i = 0; i < 3; i++) {
      rs.astra.nrm.support.ServiceEntry shelter =
          new rs.astra.nrm.support.ServiceEntry(
              cases[i],
              caseworker,
              rs.astra.nrm.support.ServiceType.Accommodation,
              rs.astra.nrm.support.ServiceStatus.PROVIDED,
              Instant.now());
      shelter.describe(null, null, LocalDate.of(2019, 4, 1), null, null, null);
      em.persist(shelter);
    }
    rs.astra.nrm.support.ServiceEntry legal =
        new rs.astra.nrm.support.ServiceEntry(
            cases[0],
            caseworker,
            rs.astra.nrm.support.ServiceType.Legal,
            rs.astra.nrm.support.ServiceStatus.PLANNED,
            Instant.now());
    legal.describe(null, null, LocalDate.of(2019, 5, 1), null, null, null);
    em.persist(legal);
    tx.commit();
  }

  /**
   * A case of ST NGO referred to ST Centre with the person's consent to share IDENTITY (not
   * CONTACT, not EXPLOITATION), opened in 2020 so that it counts in no 2019 figure.
   *
   * @return its id
   */
  static long consentedCase(EntityManager em, UserTransaction tx) throws Exception {
    tx.begin();
    PortalUser caseworker = user(em, "st.caseworker");
    Organisation centre = organisation(em, CENTRE);
    CaseFile c =
        victim(
            em,
            caseworker,
            "Policy",
            Gender.Feminine,
            LocalDate.of(1999, 9, 9),
            "RS",
            LocalDate.of(2020, 2, 2),
            TraffickingStatus.ActualVictimOfTrafficking,
            TypeOfExploitation.SexualExploitation);
    Instant now = Instant.now();
    Consent consent =
        new Consent(
            c,
            centre,
            Purpose.SOCIAL_PROTECTION,
            EnumSet.of(DataCategory.IDENTITY),
            LocalDate.now(ZONE).minusDays(1),
            null,
            ConsentMethod.SIGNED_FORM,
            null,
            caseworker,
            now);
    em.persist(consent);
    em.persist(
        Referral.send(
            c,
            caseworker.getOrganisation(),
            centre,
            Purpose.SOCIAL_PROTECTION,
            EnumSet.of(DataCategory.IDENTITY),
            null,
            consent,
            null,
            caseworker,
            now));
    tx.commit();
    return c.getId();
  }

  /**
   * The caseload of ST Exchange NGO for the HTCDS round trip: four cases with identity, contact,
   * exploitation and incoming referral data (Latin and Cyrillic names, a quote, a semicolon), three
   * with a referral to ST Centre in 2021.
   */
  static void exchangeCaseload(EntityManager em, UserTransaction tx) throws Exception {
    tx.begin();
    PortalUser owner = user(em, "st.exchange.cw");
    Organisation centre = organisation(em, CENTRE);
    String[] people = {"Jovana", "Драгана", "Sanja \"Saša\"; Kovač", "Nikola"};
    for (int i = 0; i < people.length; i++) {
      CaseFile c =
          victim(
              em,
              owner,
              people[i],
              i == 3 ? Gender.Masculine : Gender.Feminine,
              LocalDate.of(1990 + i, 2, 3),
              i == 1 ? "BA" : "RS",
              LocalDate.of(2021, 1, 10 + i),
              TraffickingStatus.ActualVictimOfTrafficking,
              i == 3 ? TypeOfExploitation.ForcedBegging : TypeOfExploitation.SexualExploitation);
      c.getPerson()
          .recordContact(
              "x" + i + "@example.org",
              null,
              "+381 63 11" + i,
              "Ulica " + i,
              "Niš",
              null,
              "18000",
              "RS");
      c.recordIncomingReferral(
          "SOS telefon", LocalDate.of(2021, 1, 9 + i), null, null, "Poziv na SOS liniju " + i);
      if (i < 3) {
        em.persist(
            Referral.send(
                c,
                owner.getOrganisation(),
                centre,
                Purpose.ACCOMMODATION,
                Set.of(),
                "smeštaj " + i,
                null,
                null,
                owner,
                ZonedDateTime.of(2021, 2, 1 + i, 9, 0, 0, 0, ZONE).toInstant()));
      }
    }
    tx.commit();
  }

  private static CaseFile victim(
      EntityManager em,
      PortalUser owner,
      String name,
      Gender gender,
      LocalDate birthdate,
      String citizenship,
      LocalDate opened,
      TraffickingStatus status,
      TypeOfExploitation form) {
    Person p = new Person();
    p.recordIdentity(null, name, "Statistic", birthdate, gender, Set.of(citizenship), null);
    p.recordContact(null, null, "+381 64 000 0000", null, "Novi Sad", null, null, "RS");
    Number code =
        (Number) em.createNativeQuery("select nextval('case_code_seq')").getSingleResult();
    CaseFile c =
        new CaseFile(
            String.format("NRM-%d-%05d", opened.getYear(), code.longValue()),
            owner,
            p,
            opened,
            Instant.now());
    c.recordTraffickingStatus(status, null);
    c.recordExploitation(
        EnumSet.of(form),
        null,
        null,
        "Beograd",
        EnumSet.of(rs.astra.nrm.casefile.MethodOfControl.DebtBondage));
    c.takeStageFromHtcds();
    em.persist(c);
    return c;
  }

  static PortalUser user(EntityManager em, String username) {
    return em.createQuery("select u from PortalUser u where u.username = :u", PortalUser.class)
        .setParameter("u", username)
        .getSingleResult();
  }

  static Organisation organisation(EntityManager em, String name) {
    return em.createQuery("select o from Organisation o where o.name = :n", Organisation.class)
        .setParameter("n", name)
        .getSingleResult();
  }

  /**
   * Historical records in the CTDC global dataset layout, as the CTDC publishes it (the
   * terms-of-use notice in the first header cell): 2017 — 7 women, 1 man; 2018 — 6 women, 6 men.
   *
   * @return the file's text
   */
  static String ctdcFile() {
    StringBuilder csv =
        new StringBuilder(
            "\"By using this data you agree to the CTDC terms of use\";Datasource;gender;ageBroad;majorityStatus;citizenship;isForcedLabour;isSexualExploit;isOtherExploit\r\n");
    row(csv, 2017, "Female", "18--20", "Adult", "RS", 0, 1, 7);
    row(csv, 2017, "Male", "30--38", "Adult", "RO", 1, 0, 1);
    row(csv, 2018, "Female", "9--17", "Minor", "RS", 0, 1, 6);
    row(csv, 2018, "Male", "-99", "-99", "-99", 1, 0, 6);
    return csv.toString();
  }

  private static void row(
      StringBuilder csv,
      int year,
      String gender,
      String age,
      String majority,
      String citizenship,
      int labour,
      int sexual,
      int times) {
    for (int i = 0; i < times; i++) {
      csv.append(year)
          .append(";Case Management;")
          .append(gender)
          .append(';')
          .append(age)
          .append(';')
          .append(majority)
          .append(';')
          .append(citizenship)
          .append(';')
          .append(labour)
          .append(';')
          .append(sexual)
          .append(";0\r\n");
    }
  }
}
