package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rs.astra.nrm.shared.NameMatchKey;

/**
 * The key the case list's name filter searches: what a caseworker types finds the person whatever
 * the script, case, diacritics and order of the names.
 */
class PersonNameKeyTest {

  /** Whether the filter text {@code typed} finds the person, as the case list's LIKE does. */
  private static boolean finds(String typed, String first, String second) {
    String key = NameMatchKey.ofPersonName(typed);
    String stored = Person.nameKeyOf(first, second);
    return !key.isEmpty() && stored != null && stored.contains(key);
  }

  @Test
  void aLatinFirstNameFindsTheCyrillicPerson() {
    assertTrue(finds("Milica", "Милица", "Јовановић"));
    assertTrue(finds("milica", "Милица", "Јовановић"));
    assertTrue(finds("Милица", "Milica", "Jovanović"));
  }

  @Test
  void aSurnameWithOrWithoutDiacriticsFindsEitherScript() {
    for (String typed : new String[] {"Petrović", "Petrovic", "PETROVIĆ", "Петровић", "petrov"}) {
      assertTrue(finds(typed, "Никола", "Петровић"), typed);
      assertTrue(finds(typed, "Nikola", "Petrović"), typed);
    }
    assertTrue(finds("Đorđević", "Ђорђе", "Djordjević"));
    assertTrue(finds("Djordjevic", "Ђорђе", "Ђорђевић"));
  }

  @Test
  void theFullNameFindsThePersonInEitherOrder() {
    assertTrue(finds("Arjun Singh", "Arjun", "Singh"));
    assertTrue(finds("Singh Arjun", "Arjun", "Singh"));
    assertTrue(finds("Jovanović Milica", "Милица", "Јовановић"));
    assertTrue(finds("Ana Marija Petrović", "Ana Marija", "Petrović"));
    assertTrue(finds("Petrović Ana Marija", "Ana Marija", "Petrović"));
    assertTrue(finds("  Arjun   SINGH ", "Arjun", "Singh"));
  }

  @Test
  void wordsAreNotRunTogether() {
    assertFalse(finds("Arjunsingh", "Arjun", "Singh"));
    assertFalse(finds("Anam Arija", "Ana", "Marija"));
    assertFalse(finds("Arjun Kumar", "Arjun", "Singh"));
  }

  @Test
  void legalFormWordsAndInitialsOfPersonsAreKept() {
    assertEquals("pr", NameMatchKey.ofPersonName("Pr"));
    assertEquals("co sa", NameMatchKey.ofPersonName("Co Sa"));
    assertEquals("j r tolkien", NameMatchKey.ofPersonName("J. R. Tolkien"));
    assertEquals("jovanovic petrovic", NameMatchKey.ofPersonName("Jovanović-Petrović"));
    assertTrue(finds("Sa", "Sa", "Doo"));
    assertTrue(finds("Doo", "Sa", "Doo"));
  }

  @Test
  void theStoredKeyRepeatsTheFirstNameAfterTheSecond() {
    assertEquals("milica jovanovic milica", Person.nameKeyOf("Милица", "Јовановић"));
    assertEquals("ana", Person.nameKeyOf("Anna", null));
    assertEquals("singh", Person.nameKeyOf(" ", "Singh"));
    assertNull(Person.nameKeyOf(null, null));
    assertNull(Person.nameKeyOf("", "- ."));
  }

  @Test
  void aTextWithoutLettersOrDigitsHasNoKey() {
    assertEquals("", NameMatchKey.ofPersonName(null));
    assertEquals("", NameMatchKey.ofPersonName("  - % _ "));
  }

  @Test
  void theKeyFitsItsColumn() {
    String longName = "Љ".repeat(300);
    String key = Person.nameKeyOf(longName, longName);
    assertTrue(key.length() <= Person.NAME_KEY_LENGTH, "length " + key.length());
    assertTrue(key.matches("[a-z0-9 ]+"));
  }

  @Test
  void recordingTheIdentityStoresTheKey() {
    Person p = new Person();
    p.recordIdentity(null, "Никола", "Петровић", null, null, null, null);
    assertEquals("nikola petrovic nikola", p.nameKey());
  }
}
