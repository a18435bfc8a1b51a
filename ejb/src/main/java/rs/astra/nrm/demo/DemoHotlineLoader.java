package rs.astra.nrm.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.hotline.CallChannel;
import rs.astra.nrm.hotline.CallLanguage;
import rs.astra.nrm.hotline.CallPurpose;
import rs.astra.nrm.hotline.CallerType;
import rs.astra.nrm.hotline.CheckOutcome;
import rs.astra.nrm.hotline.HotlineCall;
import rs.astra.nrm.hotline.HotlineService;
import rs.astra.nrm.hotline.OfferSource;
import rs.astra.nrm.hotline.RedFlag;
import rs.astra.nrm.hotline.VerificationStep;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.NrmTime;

/**
 * The demo's SOS hotline (fictional): a year of ASTRA's calls and job-offer checks, taken by the
 * hotline operator and the caseworkers, through the same service as the hotline page. Among them an
 * agency recruiting workers from India for Serbian building sites, checked twice and flagged, which
 * reappears, written in Cyrillic, as the recruiter of one of the sample's open cases; and a bar in
 * an Austrian town that a partner organisation found to be a private house under camera
 * surveillance.
 */
@Stateless
public class DemoHotlineLoader {

  /** The flagged agency, as first written (Latin, with diacritics). */
  public static final String FLAGGED_AGENCY = "Đorđević Staffing d.o.o.";

  /** How the demo case names it (Cyrillic). */
  public static final String FLAGGED_AGENCY_ON_CASE = "Ђорђевић Стафинг д.о.о.";

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private HotlineService hotline;
  @Inject private UserDirectory directory;

  /**
   * Records the demo calls when ASTRA has none yet, and names the flagged agency on one open case
   * of the sample (the first forced-labour case, else the first open one).
   *
   * @return the number of calls recorded; 0 when ASTRA had calls already or a demo user is missing
   */
  public int loadDemoHotlineIfEmpty() {
    Optional<Viewer> operator = directory.viewerFor("ngo.hotline");
    Optional<Viewer> caseworker1 = directory.viewerFor("ngo.caseworker1");
    Optional<Viewer> caseworker2 = directory.viewerFor("ngo.caseworker2");
    if (operator.isEmpty() || caseworker1.isEmpty() || caseworker2.isEmpty()) {
      return 0;
    }
    long existing =
        em.createQuery(
                "select count(c) from HotlineCall c where c.organisation.id = :org", Long.class)
            .setParameter("org", operator.get().organisationId())
            .getSingleResult();
    if (existing > 0) {
      return 0;
    }
    Viewer op = operator.get();
    Viewer jelena = caseworker1.get();
    Viewer marko = caseworker2.get();
    int calls = 0;

    record(
        op,
        400,
        25,
        CallChannel.SOCIAL_NETWORK,
        CallerType.POTENTIAL_VICTIM,
        CallLanguage.ENGLISH,
        CallPurpose.JOB_OFFER_CHECK,
        "Worker in India offered construction work in Serbia through an agency; asked by WhatsApp whether the offer is safe.",
        "Advised not to pay the fee; agency reported to the labour inspectorate.",
        null,
        null,
        null,
        false,
        check(
            OfferSource.AGENCY,
            "Gradnja Plus d.o.o.",
            FLAGGED_AGENCY,
            "0101-1234/2019",
            "RS",
            "Novi Sad",
            null,
            "Construction worker",
            ForcedLabourIndustry.F_Construction,
            "800",
            "EUR",
            EnumSet.of(
                RedFlag.TRAVEL_AND_VISA_PAID,
                RedFlag.NO_WRITTEN_CONTRACT,
                RedFlag.DEBT_BONDAGE,
                RedFlag.RETENTION_OF_IDENTITY_DOCUMENTS),
            EnumSet.of(VerificationStep.AGENCY_LICENCE_CHECKED, VerificationStep.CONTRACT_REVIEWED),
            CheckOutcome.TRAFFICKING_RISK,
            "The agency's licence was revoked in 2022. A recruitment fee of 3,000 USD is to be paid back from the wage and passports are kept \"for the residence permit\". Do not sign; keep your passport."));
    calls++;
    record(
        op,
        380,
        8,
        CallChannel.SMS,
        CallerType.FAMILY_MEMBER,
        CallLanguage.SERBIAN,
        CallPurpose.PREVENTIVE_INFORMATION,
        "Mother asks what to check before her daughter goes to work abroad.",
        "Sent the safe-migration leaflet.",
        null,
        null,
        null,
        false,
        null);
    calls++;
    record(
        jelena,
        330,
        18,
        CallChannel.PHONE,
        CallerType.POTENTIAL_VICTIM,
        CallLanguage.SERBIAN,
        CallPurpose.JOB_OFFER_CHECK,
        "Young woman offered a waitress job in a bar in Austria, found on Instagram.",
        "Partner organisation in Austria asked to check the address.",
        null,
        null,
        null,
        false,
        check(
            OfferSource.SOCIAL_NETWORK,
            "Bar Edelweiss",
            null,
            null,
            "AT",
            "Wels",
            "Musterstraße 12",
            "Waitress",
            ForcedLabourIndustry.I_AccommodationAndFoodServiceActivities,
            "2500",
            "EUR",
            EnumSet.of(
                RedFlag.WAGE_FAR_ABOVE_MARKET,
                RedFlag.NO_QUALIFICATIONS_ASKED,
                RedFlag.TRAVEL_AND_VISA_PAID,
                RedFlag.SHARES_ROOM_WITH_EMPLOYER,
                RedFlag.ISOLATION),
            EnumSet.of(VerificationStep.PARTNER_ABROAD_CONTACTED, VerificationStep.ADDRESS_CHECKED),
            CheckOutcome.TRAFFICKING_RISK,
            "The partner organisation found no bar at the address but a private house under camera surveillance. Do not go; call us if they contact you again."));
    calls++;
    record(
        marko,
        300,
        12,
        CallChannel.PHONE,
        CallerType.CITIZEN,
        CallLanguage.SERBIAN,
        CallPurpose.SUSPECTED_TRAFFICKING_REPORT,
        "Neighbour reports that young women are brought to a house at night and never leave it.",
        "Reported to the police with the caller's consent.",
        null,
        null,
        null,
        false,
        null);
    calls++;
    record(
        op,
        250,
        15,
        CallChannel.EMAIL,
        CallerType.INSTITUTION,
        CallLanguage.SERBIAN,
        CallPurpose.INFORMATION_ON_RIGHTS,
        "Secondary school asks about the rights of child victims, for a workshop.",
        "Workshop scheduled.",
        null,
        null,
        null,
        false,
        null);
    calls++;
    record(
        jelena,
        200,
        20,
        CallChannel.PHONE,
        CallerType.CITIZEN,
        CallLanguage.SERBIAN,
        CallPurpose.JOB_OFFER_CHECK,
        "Foreman calls about workers from India on his site who have no contracts.",
        "Advised the workers to contact us; inspectorate informed.",
        null,
        null,
        null,
        false,
        check(
            OfferSource.AGENCY,
            null,
            "DJORDJEVIC STAFFING DOO",
            null,
            "RS",
            "Beograd",
            null,
            "Construction worker",
            ForcedLabourIndustry.F_Construction,
            null,
            null,
            EnumSet.of(
                RedFlag.NO_WRITTEN_CONTRACT,
                RedFlag.EXCESSIVE_OVERTIME,
                RedFlag.WITHHOLDING_OF_WAGES),
            EnumSet.of(VerificationStep.AGENCY_LICENCE_CHECKED),
            CheckOutcome.IRREGULAR_WORK,
            "The agency has no licence. Wages are paid late and in cash."));
    calls++;
    record(
        marko,
        120,
        10,
        CallChannel.EMAIL,
        CallerType.FAMILY_MEMBER,
        CallLanguage.SERBIAN,
        CallPurpose.JOB_OFFER_CHECK,
        "Father sends a contract for a seasonal job in Montenegro.",
        "Contract reviewed with him.",
        null,
        null,
        null,
        false,
        check(
            OfferSource.ONLINE_ADVERT,
            "Hotel Adriatic d.o.o.",
            null,
            null,
            "ME",
            "Budva",
            null,
            "Cook",
            ForcedLabourIndustry.I_AccommodationAndFoodServiceActivities,
            "900",
            "EUR",
            Set.of(),
            EnumSet.of(VerificationStep.CONTRACT_REVIEWED, VerificationStep.ADDRESS_CHECKED),
            CheckOutcome.LEGITIMATE,
            "A written contract, a registered employer and a realistic wage: the offer looks legitimate."));
    calls++;
    record(
        jelena,
        90,
        30,
        CallChannel.PHONE,
        CallerType.POTENTIAL_VICTIM,
        CallLanguage.HINDI,
        CallPurpose.VICTIM_HELP_REQUEST,
        "Worker on a building site asks for help: passport kept by the agency, no wages for three months.",
        "Met him with an interpreter; case opened.",
        null,
        null,
        null,
        false,
        null);
    calls++;
    record(
        op,
        60,
        9,
        CallChannel.SOCIAL_NETWORK,
        CallerType.POTENTIAL_VICTIM,
        CallLanguage.SERBIAN,
        CallPurpose.JOB_OFFER_CHECK,
        "Caregiver job in Germany offered in a Facebook group.",
        "Asked for the contract; none came.",
        null,
        null,
        null,
        false,
        check(
            OfferSource.SOCIAL_NETWORK,
            "Pflege Zentrum Süd GmbH",
            null,
            null,
            "DE",
            "München",
            null,
            "Caregiver",
            ForcedLabourIndustry.Q_HumanHealthAndSocialWorkActivities,
            "1800",
            "EUR",
            EnumSet.of(RedFlag.NO_WRITTEN_CONTRACT, RedFlag.NO_QUALIFICATIONS_ASKED),
            Set.of(),
            CheckOutcome.COULD_NOT_VERIFY,
            "We could not verify the employer. Do not travel without a signed contract in a language you understand."));
    calls++;
    record(
        op,
        30,
        40,
        CallChannel.WALK_IN,
        CallerType.POTENTIAL_VICTIM,
        CallLanguage.ROMANI,
        CallPurpose.PREVENTIVE_INFORMATION,
        "Young man asks how to recognise a false job offer.",
        "Explained the red flags.",
        null,
        null,
        null,
        false,
        null);
    calls++;
    record(
        marko,
        14,
        3,
        CallChannel.PHONE,
        CallerType.ANONYMOUS,
        null,
        CallPurpose.OTHER,
        "Silent call.",
        null,
        null,
        null,
        null,
        false,
        null);
    calls++;
    record(
        op,
        5,
        7,
        CallChannel.SOCIAL_NETWORK,
        CallerType.ANONYMOUS,
        CallLanguage.SERBIAN,
        CallPurpose.SUSPECTED_TRAFFICKING_REPORT,
        "Anonymous message about a girl who is forced to beg near the railway station.",
        "Promised to call back after checking with the centre for social work.",
        today().minusDays(2),
        null,
        null,
        false,
        null);
    calls++;
    record(
        op,
        1,
        12,
        CallChannel.PHONE,
        CallerType.POTENTIAL_VICTIM,
        CallLanguage.SERBIAN,
        CallPurpose.PREVENTIVE_INFORMATION,
        "Student going to Malta asks about work permits.",
        "Will call back with the embassy's answer.",
        today().plusDays(3),
        "Milica",
        "+381 64 000 1111",
        true,
        null);
    calls++;

    linkDemoCase(jelena);
    return calls;
  }

  /**
   * Names the flagged agency (in Cyrillic) on an open case of the sample and links the help request
   * to it.
   */
  private void linkDemoCase(Viewer caseworker) {
    Optional<CaseFile> target =
        em.createQuery(
                "select c from CaseFile c where c.ownerOrganisation.id = :org and c.stage <> :closed and c.typeOfExploitation like :forcedLabour order by c.id",
                CaseFile.class)
            .setParameter("org", caseworker.organisationId())
            .setParameter("closed", NrmStage.CLOSED)
            .setParameter("forcedLabour", "%ForcedLabour%")
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .or(
                () ->
                    em.createQuery(
                            "select c from CaseFile c where c.ownerOrganisation.id = :org and c.stage <> :closed order by c.id",
                            CaseFile.class)
                        .setParameter("org", caseworker.organisationId())
                        .setParameter("closed", NrmStage.CLOSED)
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst());
    if (target.isEmpty()) {
      return;
    }
    CaseFile c = target.get();
    c.recordRecruitmentParties(FLAGGED_AGENCY_ON_CASE, "Gradnja Plus d.o.o.");
    em.createQuery(
            "select h from HotlineCall h where h.organisation.id = :org and h.purpose = :purpose",
            HotlineCall.class)
        .setParameter("org", caseworker.organisationId())
        .setParameter("purpose", CallPurpose.VICTIM_HELP_REQUEST)
        .getResultStream()
        .forEach(h -> h.linkTo(c));
    em.flush();
  }

  private void record(
      Viewer by,
      int daysAgo,
      int minutes,
      CallChannel channel,
      CallerType caller,
      CallLanguage language,
      CallPurpose purpose,
      String summary,
      String outcome,
      LocalDate followUpOn,
      String alias,
      String contact,
      boolean agreed,
      rs.astra.nrm.hotline.JobOfferCheckForm check) {
    Instant at =
        today().minusDays(daysAgo).atTime(LocalTime.of(10, 30)).atZone(NrmTime.ZONE).toInstant();
    Instant latest = Instant.now().minus(Duration.ofMinutes(30));
    hotline.record(
        by,
        new rs.astra.nrm.hotline.NewCallForm(
            at.isAfter(latest) ? latest : at,
            minutes,
            channel,
            caller,
            language,
            purpose,
            summary,
            outcome,
            followUpOn,
            alias,
            contact,
            agreed,
            null,
            check));
  }

  private static rs.astra.nrm.hotline.JobOfferCheckForm check(
      OfferSource source,
      String employer,
      String agency,
      String licence,
      String country,
      String city,
      String address,
      String job,
      ForcedLabourIndustry industry,
      String wage,
      String currency,
      Set<RedFlag> flags,
      Set<VerificationStep> steps,
      CheckOutcome outcome,
      String advice) {
    return new rs.astra.nrm.hotline.JobOfferCheckForm(
        source,
        employer,
        agency,
        licence,
        country,
        city,
        address,
        job,
        industry,
        wage == null ? null : new BigDecimal(wage),
        currency,
        flags,
        steps,
        outcome,
        advice);
  }

  private static LocalDate today() {
    return NrmTime.today();
  }
}
