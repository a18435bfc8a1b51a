package rs.astra.nrm.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules for passwords administrators set in the local store. */
class PasswordRulesTest {

  @Test
  void atLeastTwelveCharacters() {
    assertEquals(
        Optional.of("admin.error.password"),
        AdministrationService.passwordProblem("short-pass1", "ana"));
    assertEquals(
        Optional.empty(), AdministrationService.passwordProblem("river-lamp-orbit", "ana"));
  }

  @Test
  void notTheLoginNameNorContainingIt() {
    assertEquals(
        Optional.of("admin.error.passwordIsName"),
        AdministrationService.passwordProblem("Ngo.Caseworker1", "ngo.caseworker1"));
    assertEquals(
        Optional.of("admin.error.passwordIsName"),
        AdministrationService.passwordProblem("my-csw.belgrade-2026", "csw.belgrade"));
  }

  @Test
  void notACommonPasswordEvenWithDigitsAtItsEnd() {
    assertEquals(
        Optional.of("admin.error.passwordCommon"),
        AdministrationService.passwordProblem("qwertyuiop12", "ana"));
    assertEquals(
        Optional.of("admin.error.passwordCommon"),
        AdministrationService.passwordProblem("Password2026!", "ana"));
    assertEquals(
        Optional.of("admin.error.passwordCommon"),
        AdministrationService.passwordProblem("lozinka12345", "ana"));
    assertEquals(
        Optional.empty(),
        AdministrationService.passwordProblem("lozinka-za-jelenu", "ana"),
        "a common word inside a longer passphrase is fine");
  }
}
