package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rectification (GDPR Art. 16, issue 21): a correction takes the value as the user types it, keeps
 * what is not corrected, refuses a value of the wrong form without changing anything, and its log
 * entry carries the field's category and a reason.
 */
class PersonCorrectionTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  private static Person person() {
    Person p = new Person();
    p.recordIdentity(
        null, "Milica", "Jovanovic", LocalDate.of(1999, 2, 3), null, Set.of("RS"), null);
    p.recordContact(null, null, "+381 60 111 2222", "Ulica 1", "Niš", null, null, null);
    return p;
  }

  @Test
  void correctingTheSurnameKeepsTheOtherFieldsAndTheNameFilterFindsTheNewName() {
    Person p = person();
    assertEquals("Jovanovic", p.valueOf(CorrectableField.SECOND_NAME));
    p.correct(CorrectableField.SECOND_NAME, " Petrović ", TODAY);
    assertEquals("Petrović", p.valueOf(CorrectableField.SECOND_NAME));
    assertEquals("Milica", p.valueOf(CorrectableField.FIRST_NAME));
    assertEquals("03.02.1999", p.valueOf(CorrectableField.BIRTHDATE));
    assertEquals("RS", p.valueOf(CorrectableField.CITIZENSHIP));
    assertEquals(Person.nameKeyOf("Milica", "Petrović"), Person.nameKeyOf("Milica", "Petrovic"));
  }

  @Test
  void aBirthDateIsTakenAsDdMmYyyyStrictlyAndNotInTheFuture() {
    Person p = person();
    p.correct(CorrectableField.BIRTHDATE, "29.02.2000", TODAY);
    assertEquals("29.02.2000", p.valueOf(CorrectableField.BIRTHDATE));
    assertThrows(
        IllegalArgumentException.class,
        () -> p.correct(CorrectableField.BIRTHDATE, "31.02.2001", TODAY));
    assertThrows(
        IllegalArgumentException.class,
        () -> p.correct(CorrectableField.BIRTHDATE, "07.12.2026", TODAY));
    assertThrows(
        IllegalArgumentException.class,
        () -> p.correct(CorrectableField.BIRTHDATE, "2000-02-29", TODAY));
    assertEquals("29.02.2000", p.valueOf(CorrectableField.BIRTHDATE), "a refusal changes nothing");
  }

  @Test
  void citizenshipsAreIsoCodesAndAPhoneCanBeEmptied() {
    Person p = person();
    p.correct(CorrectableField.CITIZENSHIP, "rs, ua", TODAY);
    assertEquals(Set.of("RS", "UA"), p.getCitizenship());
    assertThrows(
        IllegalArgumentException.class,
        () -> p.correct(CorrectableField.CITIZENSHIP, "Serbia", TODAY));
    p.correct(CorrectableField.MOBILE_PHONE, "  ", TODAY);
    assertNull(p.valueOf(CorrectableField.MOBILE_PHONE));
    assertThrows(
        IllegalArgumentException.class,
        () -> p.correct(CorrectableField.MAILING_CITY, "x".repeat(256), TODAY));
  }

  @Test
  void aCountryCodeMustExistAndAnAddressOrNumberHaveItsForm() {
    // Found by a trial: XX, "not-an-email", "a@" and "abc" were stored.
    Person p = person();
    for (String bad : new String[] {"XX", "rs, QQ", "R5"}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> p.correct(CorrectableField.CITIZENSHIP, bad, TODAY),
          bad);
    }
    for (String bad : new String[] {"not-an-email", "a@", "@b.rs", "a b@c.rs", "a@b"}) {
      assertThrows(
          IllegalArgumentException.class, () -> p.correct(CorrectableField.EMAIL, bad, TODAY), bad);
    }
    for (String bad : new String[] {"abc", "12", "+381 6x 123", "++381 60 1234567"}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> p.correct(CorrectableField.MOBILE_PHONE, bad, TODAY),
          bad);
    }
    p.correct(CorrectableField.EMAIL, "jelena.p@primer.rs", TODAY);
    assertEquals("jelena.p@primer.rs", p.valueOf(CorrectableField.EMAIL));
    p.correct(CorrectableField.MOBILE_PHONE, "+381 (60) 123-45.67", TODAY);
    assertEquals("+381 (60) 123-45.67", p.valueOf(CorrectableField.MOBILE_PHONE));
    p.correct(CorrectableField.HOME_PHONE, "011/234-5678", TODAY);
    assertEquals("011/234-5678", p.valueOf(CorrectableField.HOME_PHONE));
  }

  @Test
  void aLogEntryKeepsTheEarlierValueUnderTheFieldsCategoryAndNeedsAReason() {
    CaseCorrection k =
        new CaseCorrection(
            1,
            2,
            CorrectableField.MOBILE_PHONE,
            "+381 60 111 2222",
            null,
            3,
            Instant.EPOCH,
            " wrong number ",
            7L);
    assertEquals(DataCategory.CONTACT, k.getCategory());
    assertEquals("+381 60 111 2222", k.getOldValue());
    assertEquals("wrong number", k.getReason());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CaseCorrection(
                1, 2, CorrectableField.EMAIL, null, "a@b.rs", 3, Instant.EPOCH, " ", null));
  }

  @Test
  void theGenderIsOneHtcdsValueAndKeepsTheRestOfTheIdentity() {
    Person p = person();
    String first = p.getFirstName();
    p.correct(CorrectableField.GENDER, "feminine", TODAY);
    assertEquals(Gender.Feminine, p.getGender());
    assertEquals("Feminine", p.valueOf(CorrectableField.GENDER));
    assertEquals(first, p.getFirstName(), "the other identity fields are kept");
    assertThrows(
        IllegalArgumentException.class, () -> p.correct(CorrectableField.GENDER, "Female", TODAY));
    assertThrows(
        IllegalArgumentException.class,
        () -> p.correct(CorrectableField.GENDER, "Feminine, Masculine", TODAY));
    assertEquals(Gender.Feminine, p.getGender(), "a refusal changes nothing");
    p.correct(CorrectableField.GENDER, " ", TODAY);
    assertNull(p.getGender(), "blank empties it");
  }
}
