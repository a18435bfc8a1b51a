package rs.astra.nrm.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.exchange.AgeBand;
import rs.astra.nrm.exchange.CtdcFlag;
import rs.astra.nrm.exchange.CtdcRow;
import rs.astra.nrm.exchange.Majority;
import rs.astra.nrm.exchange.Sex;

/**
 * The CTDC export's k-anonymity: no group under 5 on gender, age band, citizenship and
 * exploitation.
 */
class CtdcAnonymiserTest {

  private final CtdcAnonymiser anonymiser = new CtdcAnonymiser();

  private static CtdcRow row(Sex sex, AgeBand band, String citizenship, CtdcFlag form) {
    Map<CtdcFlag, Boolean> flags = new HashMap<>();
    for (CtdcFlag f : CtdcFlag.Group.EXPLOITATION.flags()) {
      flags.put(f, f == form);
    }
    flags.put(CtdcFlag.MOC_DEBT_BONDAGE, true);
    return new CtdcRow(
        0,
        2024,
        "Case Management",
        sex,
        band,
        band.minor() ? Majority.MINOR : Majority.ADULT,
        null,
        null,
        citizenship,
        null,
        null,
        flags);
  }

  private static void assertNoSmallGroup(List<CtdcRow> rows) {
    Map<List<Object>, Integer> groups = new HashMap<>();
    rows.forEach(r -> groups.merge(CtdcAnonymiser.key(r), 1, Integer::sum));
    groups.forEach((key, size) -> assertTrue(size >= 5, "group " + key + " has " + size));
  }

  @Test
  void groupsOfFiveOrMoreLeaveUnchanged() {
    List<CtdcRow> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(row(Sex.FEMALE, AgeBand.AGE_18_20, "RS", CtdcFlag.SEXUAL_EXPLOIT));
    }
    CtdcAnonymiser.Result result = anonymiser.anonymise(rows);
    assertEquals(rows, result.rows());
    assertEquals(0, result.generalised());
    assertEquals(0, result.suppressed());
  }

  /**
   * Hand-computed: 5 Serbian women 18–20; 3 Bosnian and 2 Romanian women of the same age and form.
   */
  @Test
  void smallGroupsLoseTheirCitizenshipFirst() {
    List<CtdcRow> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(row(Sex.FEMALE, AgeBand.AGE_18_20, "RS", CtdcFlag.SEXUAL_EXPLOIT));
    }
    for (int i = 0; i < 3; i++) {
      rows.add(row(Sex.FEMALE, AgeBand.AGE_18_20, "BA", CtdcFlag.SEXUAL_EXPLOIT));
    }
    rows.add(row(Sex.FEMALE, AgeBand.AGE_18_20, "RO", CtdcFlag.SEXUAL_EXPLOIT));
    rows.add(row(Sex.FEMALE, AgeBand.AGE_18_20, "RO", CtdcFlag.SEXUAL_EXPLOIT));
    CtdcAnonymiser.Result result = anonymiser.anonymise(rows);
    assertEquals(10, result.rows().size());
    assertEquals(5, result.generalised());
    assertEquals(5, result.rows().stream().filter(r -> "RS".equals(r.citizenship())).count());
    assertEquals(5, result.rows().stream().filter(r -> r.citizenship() == null).count());
    assertTrue(
        result.rows().stream().allMatch(r -> r.ageBand() == AgeBand.AGE_18_20),
        "the age band was not needed");
    assertNoSmallGroup(result.rows());
  }

  @Test
  void aRecordThatStaysAloneIsLeftOut() {
    List<CtdcRow> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(row(Sex.FEMALE, AgeBand.AGE_24_26, "RS", CtdcFlag.SEXUAL_EXPLOIT));
    }
    rows.add(row(Sex.MALE, AgeBand.AGE_48_PLUS, "UA", CtdcFlag.ORGAN_REMOVAL));
    CtdcAnonymiser.Result result = anonymiser.anonymise(rows);
    assertEquals(5, result.rows().size());
    assertEquals(1, result.suppressed());
    assertNoSmallGroup(result.rows());
  }

  @Test
  void generalisingTheFormHidesTheTypesOfLabourAndSexToo() {
    List<CtdcRow> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<CtdcFlag, Boolean> flags = new HashMap<>();
      flags.put(i < 3 ? CtdcFlag.FORCED_LABOUR : CtdcFlag.SEXUAL_EXPLOIT, true);
      flags.put(i < 3 ? CtdcFlag.LABOUR_BEGGING : CtdcFlag.SEX_PROSTITUTION, true);
      rows.add(
          new CtdcRow(
              0,
              2020,
              null,
              Sex.MALE,
              i % 2 == 0 ? AgeBand.AGE_9_17 : AgeBand.AGE_0_8,
              Majority.MINOR,
              null,
              null,
              "RS",
              null,
              null,
              flags));
    }
    CtdcAnonymiser.Result result = anonymiser.anonymise(rows);
    assertEquals(5, result.rows().size());
    for (CtdcRow r : result.rows()) {
      assertNull(r.ageBand());
      assertEquals(-99, r.flag(CtdcFlag.FORCED_LABOUR));
      assertEquals(-99, r.flag(CtdcFlag.LABOUR_BEGGING));
      assertEquals(-99, r.flag(CtdcFlag.SEX_PROSTITUTION));
      assertEquals(Majority.MINOR, r.majorityStatus(), "the majority status stays");
      assertEquals(Sex.MALE, r.gender(), "gender was not needed");
    }
  }

  @Test
  void noGroupUnderFiveRemainsInManyRandomCaseloads() {
    Random random = new Random(11);
    List<String> countries = List.of("RS", "RS", "RS", "BA", "RO", "UA", "CN");
    List<CtdcFlag> forms =
        List.of(
            CtdcFlag.SEXUAL_EXPLOIT,
            CtdcFlag.FORCED_LABOUR,
            CtdcFlag.FORCED_LABOUR,
            CtdcFlag.FORCED_MARRIAGE,
            CtdcFlag.OTHER_EXPLOIT);
    for (int n = 0; n < 200; n++) {
      List<CtdcRow> rows = new ArrayList<>();
      int size = random.nextInt(80);
      for (int i = 0; i < size; i++) {
        rows.add(
            row(
                random.nextBoolean() ? Sex.FEMALE : Sex.MALE,
                AgeBand.values()[random.nextInt(AgeBand.values().length)],
                countries.get(random.nextInt(countries.size())),
                forms.get(random.nextInt(forms.size()))));
      }
      CtdcAnonymiser.Result result = anonymiser.anonymise(rows);
      assertNoSmallGroup(result.rows());
      assertEquals(size, result.rows().size() + result.suppressed());
    }
  }
}
