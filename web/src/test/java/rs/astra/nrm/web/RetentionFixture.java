package rs.astra.nrm.web;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.Person;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.hotline.CallChannel;
import rs.astra.nrm.hotline.CallLanguage;
import rs.astra.nrm.hotline.CallPurpose;
import rs.astra.nrm.hotline.CallerType;
import rs.astra.nrm.hotline.HotlineCall;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.proceedings.Offence;
import rs.astra.nrm.proceedings.ProceedingsEntry;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.shared.NrmTime;

/**
 * A generated caseload over 20 years for the retention test (issue 21), in organisations of its own
 * ("RT"): 48 cases opened from 2005 to 2025 (not 2017–2021, which other statistics tests count by
 * hand), two in three closed a year after opening, each with a person whose every personal value
 * and every free text of the case and of what hangs on it (timeline, referral, proceedings, hotline
 * calls, a document with contents) carries the case's token {@code RTX<n>Q}, and a phone {@code
 * +381 69 555 <n>}; hotline calls never linked to a case from 2010 and 2025. Case 0 (2005, closed)
 * has open criminal proceedings (a complaint, no verdict); case 3 (2006) has a verdict (closed
 * proceedings); case 6 (2007) is the one a test puts a hold on; case 2 (2005) stays open.
 */
final class RetentionFixture {

  static final String NGO = "RT NGO";
  static final String CENTRE = "RT Centre";
  static final int CASES = 48;

  private RetentionFixture() {}

  /** The token every value of case {@code n} carries. */
  static String token(int n) {
    return "RTX" + n + "Q";
  }

  /** The phone of case {@code n}'s person. */
  static String phone(int n) {
    return String.format("+381 69 555 %04d", n);
  }

  static boolean exists(EntityManager em) {
    return !em.createQuery("select o from Organisation o where o.name = :n", Organisation.class)
        .setParameter("n", NGO)
        .getResultList()
        .isEmpty();
  }

  /**
   * Creates the organisations, users ({@code rt.coordinator}, {@code rt.caseworker}, {@code
   * rt.dpo}, {@code rt.csw}) and the caseload.
   *
   * @return the case ids, index n for case n
   */
  static List<Long> create(EntityManager em, UserTransaction tx) throws Exception {
    tx.begin();
    Organisation ngo = new Organisation(NGO, OrganisationType.NGO, "Kragujevac");
    Organisation centre =
        new Organisation(CENTRE, OrganisationType.SOCIAL_WORK_CENTRE, "Kragujevac");
    em.persist(ngo);
    em.persist(centre);
    PortalUser caseworker =
        new PortalUser("rt.caseworker", "User rt.caseworker", ngo, PortalRole.NGO_CASEWORKER, null);
    em.persist(caseworker);
    em.persist(
        new PortalUser(
            "rt.coordinator", "User rt.coordinator", ngo, PortalRole.NGO_COORDINATOR, null));
    em.persist(new PortalUser("rt.dpo", "User rt.dpo", ngo, PortalRole.DPO, null));
    PortalUser csw = new PortalUser("rt.csw", "User rt.csw", centre, PortalRole.CSW_OFFICER, null);
    em.persist(csw);
    em.flush();
    int[] years = {
      2005, 2005, 2005, 2006, 2006, 2006, 2007, 2007, 2008, 2008, 2009, 2009, 2010, 2010, 2011,
      2011, 2012, 2012, 2013, 2013, 2014, 2014, 2015, 2015, 2016, 2016, 2022, 2022, 2023, 2023,
      2024, 2024, 2025, 2025, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015,
      2016, 2022, 2025
    };
    List<CaseFile> cases = new ArrayList<>();
    for (int n = 0; n < CASES; n++) {
      String t = token(n);
      LocalDate opened = LocalDate.of(years[n], 1 + n % 12, 1 + n % 27);
      Person p = new Person();
      p.recordIdentity(
          null,
          "Ime" + t,
          "Prezime" + t,
          n % 7 == 5 ? null : LocalDate.of(1960 + n % 40, 1 + (n * 5) % 12, 1 + (n * 3) % 28),
          n % 2 == 0 ? Gender.Feminine : Gender.Masculine,
          Set.of(n % 3 == 0 ? "BA" : "RS"),
          null);
      p.recordContact(
          t.toLowerCase() + "@example.invalid",
          phone(n),
          phone(n),
          "Ulica " + t,
          "Grad " + t,
          null,
          "3" + n,
          "RS");
      Number code =
          (Number) em.createNativeQuery("select nextval('case_code_seq')").getSingleResult();
      CaseFile c =
          new CaseFile(
              String.format("NRM-%d-%05d", opened.getYear(), code.longValue()),
              caseworker,
              p,
              opened,
              at(opened));
      c.recordTraffickingStatus(
          n % 4 == 3
              ? TraffickingStatus.PossibleVictimOfTrafficking
              : TraffickingStatus.ActualVictimOfTrafficking,
          null);
      c.recordExploitation(
          n % 2 == 0
              ? EnumSet.of(TypeOfExploitation.SexualExploitation)
              : EnumSet.of(TypeOfExploitation.ForcedLabour, TypeOfExploitation.ForcedBegging),
          null,
          null,
          "Mesto " + t,
          EnumSet.of(MethodOfControl.DebtBondage));
      c.recordRecruitmentParties("Vrbovac " + t, "Poslodavac " + t);
      c.takeStageFromHtcds();
      boolean closed = n % 3 != 2;
      if (closed) {
        c.requestClosure(caseworker, "Zatvaranje " + t, at(opened.plusYears(1)));
        c.approveClosure();
      }
      em.persist(c);
      cases.add(c);
    }
    em.flush();
    for (int n = 0; n < CASES; n++) {
      CaseFile c = cases.get(n);
      String t = token(n);
      em.createNativeQuery(
              "update case_file set referring_case_worker = ?, incoming_referral_details = ?,"
                  + " location_of_recruitment = ? where id = ?")
          .setParameter(1, "Uputio " + t)
          .setParameter(2, "Detalji " + t)
          .setParameter(3, "Regrutovan " + t)
          .setParameter(4, c.getId())
          .executeUpdate();
      Instant last = at(c.getOpenedOn().plusYears(1));
      em.persist(
          new CaseEvent(
              c.getId(),
              last,
              CaseEvent.Type.CLOSURE_REQUESTED,
              "User rt.caseworker",
              ngo.getId(),
              NGO,
              "Dogadjaj " + t));
      Referral r =
          Referral.send(
              c,
              ngo,
              centre,
              Purpose.SOCIAL_PROTECTION,
              Set.of(),
              "Uput " + t,
              null,
              null,
              caseworker,
              at(c.getOpenedOn().plusDays(3)));
      if (n % 2 == 0) {
        r.accept(csw, at(c.getOpenedOn().plusDays(5)));
      } else {
        r.reject(csw, "Odbijeno " + t, at(c.getOpenedOn().plusDays(6)));
      }
      em.persist(r);
      HotlineCall call =
          new HotlineCall(
              caseworker,
              at(c.getOpenedOn().minusDays(2)),
              CallChannel.PHONE,
              CallerType.CITIZEN,
              CallPurpose.PREVENTIVE_INFORMATION,
              at(c.getOpenedOn().minusDays(2)));
      call.describe(5, CallLanguage.values()[0], "Poziv " + t, "Ishod " + t, null);
      call.identifyCaller("Nadimak " + t, phone(n), true);
      call.linkTo(c);
      em.persist(call);
      em.flush();
      em.createNativeQuery(
              "insert into case_document (id, version, case_file_id, title, document_type,"
                  + " category, uploaded_by, uploader_organisation_id, uploaded_at,"
                  + " original_file_name, size_bytes, content_type, sha256, wrapped_key, key_id)"
                  + " values (?, 0, ?, ?, 'OTHER', 'SOCIAL', ?, ?, ?, ?, 4, 'text/plain', ?, ?,"
                  + " 'k1')")
          .setParameter(1, 900_000_000L + c.getId())
          .setParameter(2, c.getId())
          .setParameter(3, "Dokument " + t)
          .setParameter(4, caseworker.getId())
          .setParameter(5, ngo.getId())
          .setParameter(6, Timestamp.from(at(c.getOpenedOn())))
          .setParameter(7, "Izjava " + t + ".txt")
          .setParameter(8, "0".repeat(64))
          .setParameter(9, "wrapped-key-of-" + t)
          .executeUpdate();
      em.createNativeQuery(
              "insert into case_document_content (document_id, segment_no, data) values (?, 0, ?)")
          .setParameter(1, 900_000_000L + c.getId())
          .setParameter(2, new byte[] {1, 2, 3, 4})
          .executeUpdate();
      // A correction (the earlier and the new value in the change log) and a lifted restriction,
      // whose values and reasons anonymisation must empty too.
      em.createNativeQuery(
              "insert into case_correction (id, case_file_id, person_id, field, category,"
                  + " old_value, new_value, corrected_by, corrected_at, reason) values (?, ?, ?,"
                  + " 'FIRST_NAME', 'IDENTITY', ?, ?, ?, ?, ?)")
          .setParameter(1, 900_000_000L + c.getId())
          .setParameter(2, c.getId())
          .setParameter(3, c.getPerson().getId())
          .setParameter(4, "Staro " + t)
          .setParameter(5, "Novo " + t)
          .setParameter(6, caseworker.getId())
          .setParameter(7, Timestamp.from(at(c.getOpenedOn())))
          .setParameter(8, "Ispravka " + t)
          .executeUpdate();
      // A correction of a field of the case itself (its location of exploitation): the change log
      // must lose its values too.
      em.createNativeQuery(
              "insert into case_correction (id, case_file_id, person_id, field, category,"
                  + " old_value, new_value, corrected_by, corrected_at, reason) values (?, ?, ?,"
                  + " 'LOCATION_OF_EXPLOITATION', 'EXPLOITATION', ?, ?, ?, ?, ?)")
          .setParameter(1, 950_000_000L + c.getId())
          .setParameter(2, c.getId())
          .setParameter(3, c.getPerson().getId())
          .setParameter(4, "Mesto eksploatacije " + t)
          .setParameter(5, "Drugo mesto " + t)
          .setParameter(6, caseworker.getId())
          .setParameter(7, Timestamp.from(at(c.getOpenedOn())))
          .setParameter(8, "Ispravka mesta " + t)
          .executeUpdate();
      em.createNativeQuery(
              "insert into case_restriction (id, version, case_file_id, restricted_by,"
                  + " restricted_at, reason, lifted_by, lifted_at, lift_reason) values (?, 0, ?, ?,"
                  + " ?, ?, ?, ?, ?)")
          .setParameter(1, 900_000_000L + c.getId())
          .setParameter(2, c.getId())
          .setParameter(3, caseworker.getId())
          .setParameter(4, Timestamp.from(at(c.getOpenedOn())))
          .setParameter(5, "Ogranicenje " + t)
          .setParameter(6, caseworker.getId())
          .setParameter(7, Timestamp.from(at(c.getOpenedOn().plusDays(1))))
          .setParameter(8, "Skinuto " + t)
          .executeUpdate();
    }
    ProceedingsEntry complaint =
        new ProceedingsEntry(
            cases.get(0),
            caseworker,
            ProceedingsEntryKind.COMPLAINT_FILED,
            LocalDate.of(2005, 6, 1),
            at(LocalDate.of(2005, 6, 1)));
    complaint.describe(null, 1, null, null, null, "Prijava " + token(0));
    em.persist(complaint);
    ProceedingsEntry verdict =
        new ProceedingsEntry(
            cases.get(3),
            caseworker,
            ProceedingsEntryKind.VERDICT,
            LocalDate.of(2006, 9, 1),
            at(LocalDate.of(2006, 9, 1)));
    verdict.describe(
        Offence.ART_388_TRAFFICKING,
        null,
        null,
        "Osudjen " + token(3),
        "Kazna " + token(3),
        "Napomena " + token(3));
    em.persist(verdict);
    for (int year : new int[] {2010, 2025}) {
      HotlineCall call =
          new HotlineCall(
              caseworker,
              at(LocalDate.of(year, 3, 3)),
              CallChannel.SMS,
              CallerType.CITIZEN,
              CallPurpose.PREVENTIVE_INFORMATION,
              at(LocalDate.of(year, 3, 3)));
      call.describe(3, null, "Nepovezan RTXC" + year + "Q", "Ishod RTXC" + year + "Q", null);
      call.identifyCaller("Nadimak RTXC" + year + "Q", "+381 69 555 C" + year, true);
      em.persist(call);
    }
    tx.commit();
    return cases.stream().map(CaseFile::getId).toList();
  }

  private static Instant at(LocalDate day) {
    return ZonedDateTime.of(day.atTime(10, 0), NrmTime.ZONE).toInstant();
  }
}
