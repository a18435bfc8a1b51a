package rs.astra.nrm.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics SQL on the portal's real schema (Flyway migrations) in H2, the database the portal
 * embeds, against a hand-made fixture whose figures are counted by hand in the comments. The same
 * queries run through JPA in the application.
 */
class StatisticsQueriesTest {

  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2025, 12, 31);
  private static final long ORG_A = 1;

  private static Connection db;

  @BeforeAll
  static void schemaAndFixture() throws Exception {
    // PostgreSQL too, on an empty database:
    // -Dnrm.test.statistics.url=jdbc:postgresql://127.0.0.1:5432/x
    // -Dnrm.test.statistics.user=postgres
    String url =
        System.getProperty("nrm.test.statistics.url", "jdbc:h2:mem:statistics;DB_CLOSE_DELAY=-1");
    String user = System.getProperty("nrm.test.statistics.user", "sa");
    String vendor = url.startsWith("jdbc:postgresql") ? "postgresql" : "h2";
    Flyway.configure()
        .dataSource(url, user, "")
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
        .failOnMissingLocations(false)
        .load()
        .migrate();
    db = DriverManager.getConnection(url, user, "");
    try (Statement s = db.createStatement()) {
      s.execute(
          "insert into organisation (id, version, name, type) values (1, 0, 'A NGO', 'NGO'), (2, 0, 'B NGO', 'NGO'), (3, 0, 'C Centre', 'SOCIAL_WORK_CENTRE')");
      s.execute(
          "insert into portal_user (id, version, username, display_name, organisation_id, role, role_name, active) values"
              + " (1, 0, 'a', 'A', 1, 'NGO_CASEWORKER', 'ngo-caseworker', true), (2, 0, 'b', 'B', 2, 'NGO_CASEWORKER', 'ngo-caseworker', true),"
              + " (3, 0, 'c', 'C', 3, 'CSW_OFFICER', 'csw-officer', true)");
      // id, owner org, user, gender, birthdate, citizenship, opened, trafficking status, forms,
      // stage
      person(
          s,
          1,
          1,
          "Feminine",
          "2000-06-15",
          "RS",
          "2025-03-01",
          "ActualVictimOfTrafficking",
          "SexualExploitation",
          "IDENTIFIED");
      person(
          s,
          2,
          1,
          "Feminine",
          "2008-03-02",
          "RS",
          "2025-03-01",
          "PossibleVictimOfTrafficking",
          "ForcedLabour;SexualExploitation",
          "PRESUMED_VICTIM");
      person(
          s,
          3,
          1,
          "Masculine",
          null,
          "BA",
          "2025-07-01",
          "ActualVictimOfTrafficking",
          "ForcedBegging",
          "ASSISTANCE");
      person(
          s,
          4,
          1,
          "Feminine",
          "2007-07-01",
          "RS",
          "2025-07-01",
          "ActualVictimOfTrafficking",
          null,
          "ASSISTANCE");
      person(
          s,
          5,
          1,
          "Feminine",
          "1990-01-01",
          "RS",
          "2025-08-01",
          "NotAVictimOfTrafficking",
          "ForcedLabour",
          "NOT_IDENTIFIED");
      person(
          s,
          6,
          1,
          "Feminine",
          "1990-01-01",
          "RS",
          "2024-12-31",
          "ActualVictimOfTrafficking",
          "ForcedLabour",
          "IDENTIFIED");
      person(
          s,
          7,
          2,
          "Masculine",
          null,
          "RS",
          "2025-05-05",
          "ActualVictimOfTrafficking",
          "ForcedLabour",
          "IDENTIFIED");
      s.execute(
          "insert into ctdc_import_batch (id, organisation_id, imported_by_id, imported_at, file_name, record_count) values (1, 1, 1, timestamp '2026-01-01 10:00:00', 'a.csv', 2), (2, 2, 2, timestamp '2026-01-01 10:00:00', 'b.csv', 1)");
      s.execute(
          "insert into ctdc_record (id, batch_id, year_of_registration, gender, age_band, majority_status, citizenship, flags_yes, flags_no) values"
              + " (1, 1, 2025, 'FEMALE', 'AGE_18_20', 'ADULT', 'RS', 'isSexAndLabour;isSexualExploit', 'isForcedLabour'),"
              + " (2, 1, 2024, 'FEMALE', 'AGE_18_20', 'ADULT', 'RS', 'isSexualExploit', null),"
              + " (3, 2, 2025, 'MALE', null, null, null, 'isForcedLabour', null)");
      // Referrals: 2, 4.5 and 1 days to answer; one never answered; one before the period.
      s.execute(
          "insert into referral (id, version, case_file_id, from_organisation_id, to_organisation_id, referral_date, state, created_at, answered_at) values"
              + " (1, 0, 1, 1, 3, date '2025-02-01', 'ACCEPTED', timestamp '2025-02-01 10:00:00', timestamp '2025-02-03 10:00:00'),"
              + " (2, 0, 2, 1, 3, date '2025-02-10', 'REJECTED', timestamp '2025-02-10 00:00:00', timestamp '2025-02-14 12:00:00'),"
              + " (3, 0, 3, 1, 3, date '2025-03-01', 'SENT', timestamp '2025-03-01 00:00:00', null),"
              + " (4, 0, 7, 2, 3, date '2025-04-01', 'COMPLETED', timestamp '2025-04-01 08:00:00', timestamp '2025-04-02 08:00:00'),"
              + " (5, 0, 6, 1, 3, date '2024-12-01', 'ACCEPTED', timestamp '2024-12-01 08:00:00', timestamp '2024-12-02 08:00:00')");
      s.execute(
          "insert into proceedings_entry (id, version, case_file_id, organisation_id, recorded_by_id, recorded_at, kind, entry_date, offence) values"
              + " (1, 0, 1, 1, 1, timestamp '2025-04-01 08:00:00', 'COMPLAINT_FILED', date '2025-04-01', null),"
              + " (2, 0, 1, 1, 1, timestamp '2025-05-01 08:00:00', 'COMPLAINT_FILED', date '2025-05-01', null),"
              + " (3, 0, 1, 1, 1, timestamp '2025-09-01 08:00:00', 'VERDICT', date '2025-09-01', 'ART_388_TRAFFICKING'),"
              + " (4, 0, 7, 2, 2, timestamp '2025-10-01 08:00:00', 'VERDICT', date '2025-10-01', null)");
      // Support-plan services: one outside the period; org A provides the health service on B's
      // case.
      s.execute(
          "insert into service_entry (id, version, case_file_id, data_category, service_type, organisation_id, recorded_by_id, recorded_at,"
              + " provider_organisation_id, status, planned_on) values"
              + " (1, 0, 1, 'SOCIAL', 'Accommodation', 1, 1, timestamp '2025-02-01 08:00:00', null, 'PROVIDED', date '2025-02-01'),"
              + " (2, 0, 1, 'SOCIAL', 'Legal', 1, 1, timestamp '2025-03-03 08:00:00', null, 'PLANNED', null),"
              + " (3, 0, 7, 'SOCIAL', 'Accommodation', 2, 2, timestamp '2025-05-01 08:00:00', 3, 'PROVIDED', date '2025-05-01'),"
              + " (4, 0, 2, 'SOCIAL', 'Accommodation', 1, 1, timestamp '2024-12-01 08:00:00', null, 'PLANNED', date '2024-12-01'),"
              + " (5, 0, 7, 'HEALTH', 'Health', 2, 2, timestamp '2025-06-01 08:00:00', 1, 'IN_PROGRESS', date '2025-06-01')");
      // Hotline: A's calls in March and December 2025 and one in January 2026; B's call in March
      // 2025.
      s.execute(
          "insert into hotline_call (id, version, organisation_id, taken_by_id, called_at, call_year, call_month, channel, caller_type, purpose,"
              + " caller_agreed, recorded_at) values"
              + " (1, 0, 1, 1, timestamp '2025-03-02 10:00:00', 2025, 3, 'PHONE', 'CITIZEN', 'JOB_OFFER_CHECK', true, timestamp '2025-03-02 10:00:00'),"
              + " (2, 0, 1, 1, timestamp '2025-03-03 10:00:00', 2025, 3, 'PHONE', 'CITIZEN', 'JOB_OFFER_CHECK', true, timestamp '2025-03-03 10:00:00'),"
              + " (3, 0, 1, 1, timestamp '2025-12-31 22:00:00', 2025, 12, 'SMS', 'POTENTIAL_VICTIM', 'VICTIM_HELP_REQUEST', true, timestamp '2025-12-31 22:00:00'),"
              + " (4, 0, 1, 1, timestamp '2026-01-02 10:00:00', 2026, 1, 'PHONE', 'CITIZEN', 'JOB_OFFER_CHECK', true, timestamp '2026-01-02 10:00:00'),"
              + " (5, 0, 2, 2, timestamp '2025-03-04 10:00:00', 2025, 3, 'PHONE', 'FAMILY_MEMBER', 'PREVENTIVE_INFORMATION', true, timestamp '2025-03-04 10:00:00')");
      s.execute(
          "insert into job_offer_check (id, version, call_id, organisation_id, outcome, flagged) values"
              + " (1, 0, 1, 1, 'FRAUD', true), (2, 0, 2, 1, 'LEGITIMATE', false), (3, 0, 4, 1, 'FRAUD', true)");
    }
  }

  private static void person(
      Statement s,
      int id,
      int org,
      String gender,
      String birthdate,
      String citizenship,
      String opened,
      String status,
      String forms,
      String stage)
      throws Exception {
    s.execute(
        "insert into person (id, version, gender, birthdate, citizenship) values ("
            + id
            + ", 0, '"
            + gender
            + "', "
            + (birthdate == null ? "null" : "date '" + birthdate + "'")
            + ", '"
            + citizenship
            + "')");
    s.execute(
        "insert into case_file (id, version, code, owner_organisation_id, owner_user_id, person_id, opened_on, created_at, status, trafficking_status,"
            + " type_of_exploitation, stage) values ("
            + id
            + ", 0, 'NRM-2025-0000"
            + id
            + "', "
            + org
            + ", "
            + org
            + ", "
            + id
            + ", date '"
            + opened
            + "',"
            + " timestamp '2025-01-01 00:00:00', 'Active', '"
            + status
            + "', "
            + (forms == null ? "null" : "'" + forms + "'")
            + ", '"
            + stage
            + "')");
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  /** Runs a query with numbered parameters as JPA does: each {@code ?n} bound to the n-th value. */
  private static Map<String, List<Object>> run(String sql, Object... values) throws Exception {
    List<Object> ordered = new ArrayList<>();
    Matcher m = Pattern.compile("\\?(\\d+)").matcher(sql);
    StringBuilder jdbc = new StringBuilder();
    while (m.find()) {
      ordered.add(values[Integer.parseInt(m.group(1)) - 1]);
      m.appendReplacement(jdbc, "?");
    }
    m.appendTail(jdbc);
    Map<String, List<Object>> rows = new TreeMap<>();
    // PostgreSQL needs the JDBC types of dates and numbers; H2 takes them too.
    try (PreparedStatement ps = db.prepareStatement(jdbc.toString())) {
      for (int i = 0; i < ordered.size(); i++) {
        Object v = ordered.get(i);
        if (v instanceof LocalDate d) {
          ps.setObject(i + 1, d, java.sql.Types.DATE);
        } else {
          ps.setObject(i + 1, v);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          int keys = columns == 3 ? 2 : columns == 2 ? 1 : 2;
          StringBuilder key = new StringBuilder();
          for (int k = 1; k <= keys; k++) {
            key.append(k > 1 ? "/" : "").append(rs.getString(k).strip());
          }
          List<Object> rest = new ArrayList<>();
          for (int k = keys + 1; k <= columns; k++) {
            Object o = rs.getObject(k);
            rest.add(
                o instanceof Number n
                        && !(o instanceof Double)
                        && !(o instanceof java.math.BigDecimal)
                    ? n.longValue()
                    : o == null ? null : ((Number) o).doubleValue());
          }
          rows.put(key.toString(), rest);
        }
      }
    }
    return rows;
  }

  private static Map<String, Long> counts(String sql, Object... values) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    run(sql, values).forEach((k, v) -> counts.put(k, ((Number) v.getFirst()).longValue()));
    return counts;
  }

  @Test
  void victimsByFormAndSexCountPortalCasesAndCtdcRecordsOncePerForm() throws Exception {
    // Portal: case 1 F sexual; 2 F sexual + labour; 3 M begging; 4 F no form; 7 M labour (case 5 is
    // no
    // victim, case 6 before the period). CTDC: record 1 F sexual + labour (isSexAndLabour and
    // isSexualExploit: sexual once); record 3 M labour; record 2 is of 2024.
    assertEquals(
        Map.of(
            "ForcedBegging/MALE",
            1L,
            "ForcedLabour/FEMALE",
            2L,
            "ForcedLabour/MALE",
            2L,
            "SexualExploitation/FEMALE",
            3L,
            "UNKNOWN/FEMALE",
            1L),
        counts(
            StatisticsQueries.victims(Dimension.EXPLOITATION, Dimension.SEX, false),
            FROM,
            TO,
            2025,
            2025));
    assertEquals(
        Map.of(
            "ForcedBegging/MALE",
            1L,
            "ForcedLabour/FEMALE",
            2L,
            "SexualExploitation/FEMALE",
            3L,
            "UNKNOWN/FEMALE",
            1L),
        counts(
            StatisticsQueries.victims(Dimension.EXPLOITATION, Dimension.SEX, true),
            FROM,
            TO,
            2025,
            2025,
            ORG_A,
            ORG_A),
        "organisation A: its cases and its CTDC import only");
  }

  @Test
  void ageIsTakenOnTheDayTheCaseWasOpened() throws Exception {
    // Case 2: born 2 March 2008, opened 1 March 2025: 16. Case 4: 18 on the day. Case 1: 24.
    assertEquals(
        Map.of("2025/AGE_9_17", 1L, "2025/AGE_18_20", 2L, "2025/AGE_24_26", 1L, "2025/UNKNOWN", 3L),
        counts(
            StatisticsQueries.victims(Dimension.YEAR, Dimension.AGE_BAND, false),
            FROM,
            TO,
            2025,
            2025));
    assertEquals(
        Map.of("2025/MINOR", 1L, "2025/ADULT", 3L, "2025/UNKNOWN", 3L),
        counts(
            StatisticsQueries.victims(Dimension.YEAR, Dimension.MAJORITY, false),
            FROM,
            TO,
            2025,
            2025));
  }

  @Test
  void statusCitizenshipAndEarlierYearsFromCtdc() throws Exception {
    assertEquals(
        Map.of("2025/IDENTIFIED", 6L, "2025/PRESUMED", 1L),
        counts(
            StatisticsQueries.victims(Dimension.YEAR, Dimension.STATUS, false),
            FROM,
            TO,
            2025,
            2025));
    assertEquals(
        Map.of("2024/RS", 2L, "2025/BA", 1L, "2025/RS", 5L, "2025/UNKNOWN", 1L),
        counts(
            StatisticsQueries.victims(Dimension.YEAR, Dimension.CITIZENSHIP, false),
            LocalDate.of(2024, 1, 1),
            TO,
            2024,
            2025),
        "2024: case 6 and CTDC record 2");
  }

  @Test
  void casesByStageCountCasesOpenedInThePeriod() throws Exception {
    assertEquals(
        Map.of("IDENTIFIED", 2L, "PRESUMED_VICTIM", 1L, "ASSISTANCE", 2L, "NOT_IDENTIFIED", 1L),
        counts(StatisticsQueries.casesByStage(false), FROM, TO));
    assertEquals(
        Map.of("IDENTIFIED", 1L), counts(StatisticsQueries.casesByStage(true), FROM, TO, 2L));
  }

  @Test
  void referralsByRouteWithOutcomesAndTheMedianTimeToAnswer() throws Exception {
    // Route NGO → centre: accepted 1 and 4, rejected 2, waiting 3; answered in 2, 4.5 and 1 days.
    assertEquals(
        Map.of("NGO/SOCIAL_WORK_CENTRE", List.<Object>of(2L, 1L, 1L, 3L, 2.0)),
        run(StatisticsQueries.referrals(false), FROM, TO));
    assertEquals(
        Map.of("NGO/SOCIAL_WORK_CENTRE", List.<Object>of(1L, 1L, 1L, 2L, 3.25)),
        run(StatisticsQueries.referrals(true), FROM, TO, ORG_A, ORG_A));
  }

  @Test
  void servicesByTypeAndStatusCountThoseOfThePeriod() throws Exception {
    assertEquals(
        Map.of("Accommodation/PROVIDED", 2L, "Legal/PLANNED", 1L, "Health/IN_PROGRESS", 1L),
        counts(StatisticsQueries.services(false), FROM, TO),
        "service 2 has no planned day: the day it was recorded counts");
    assertEquals(
        Map.of("Accommodation/PROVIDED", 1L, "Legal/PLANNED", 1L, "Health/IN_PROGRESS", 1L),
        counts(StatisticsQueries.services(true), FROM, TO, ORG_A, ORG_A, ORG_A),
        "organisation A: its cases' services and the one it provides");
  }

  @Test
  void hotlineCallsAndChecksCountWholeMonths() throws Exception {
    assertEquals(
        Map.of(
            "JOB_OFFER_CHECK/CITIZEN",
            2L,
            "VICTIM_HELP_REQUEST/POTENTIAL_VICTIM",
            1L,
            "PREVENTIVE_INFORMATION/FAMILY_MEMBER",
            1L),
        counts(StatisticsQueries.hotlineCalls(false), 202501, 202512),
        "the call of January 2026 is outside");
    assertEquals(
        Map.of("JOB_OFFER_CHECK/CITIZEN", 2L, "VICTIM_HELP_REQUEST/POTENTIAL_VICTIM", 1L),
        counts(StatisticsQueries.hotlineCalls(true), 202501, 202512, ORG_A));
    assertEquals(
        Map.of("FRAUD", 1L, "LEGITIMATE", 1L),
        counts(StatisticsQueries.jobOfferChecks(true), 202501, 202512, ORG_A));
  }

  @Test
  void proceedingsCountCasesPerStepAndVerdictsPerOffence() throws Exception {
    assertEquals(
        Map.of("COMPLAINT_FILED", 1L, "VERDICT", 2L),
        counts(StatisticsQueries.proceedingsBySteps(false), FROM, TO));
    assertEquals(
        Map.of("COMPLAINT_FILED", 1L, "VERDICT", 1L),
        counts(StatisticsQueries.proceedingsBySteps(true), FROM, TO, ORG_A, ORG_A));
    assertEquals(
        Map.of("ART_388_TRAFFICKING", 1L, "UNKNOWN", 1L),
        counts(StatisticsQueries.verdicts(false), FROM, TO));
  }
}
