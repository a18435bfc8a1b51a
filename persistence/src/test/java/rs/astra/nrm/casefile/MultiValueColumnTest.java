package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiValueColumnTest {

  @Test
  void enumValuesAreStoredAsHtcdsValueNamesInDeclarationOrder() {
    String column =
        MultiValueColumn.ofEnums(
            List.of(TypeOfExploitation.ForcedBegging, TypeOfExploitation.SexualExploitation));
    assertEquals("SexualExploitation;ForcedBegging", column);
    assertEquals(
        EnumSet.of(TypeOfExploitation.SexualExploitation, TypeOfExploitation.ForcedBegging),
        MultiValueColumn.toEnums(TypeOfExploitation.class, column));
  }

  @Test
  void emptySetIsStoredAsNullAndReadBackEmpty() {
    assertNull(MultiValueColumn.ofEnums(Set.<TypeOfExploitation>of()));
    assertNull(MultiValueColumn.ofCodes(null));
    assertTrue(MultiValueColumn.toEnums(MethodOfControl.class, null).isEmpty());
    assertTrue(MultiValueColumn.toCodes(null).isEmpty());
  }

  @Test
  void countryCodesAreSorted() {
    assertEquals("BA;RS", MultiValueColumn.ofCodes(List.of("RS", "BA")));
    assertEquals(List.of("BA", "RS"), List.copyOf(MultiValueColumn.toCodes("RS;BA")));
  }

  @Test
  void unknownStoredNameFailsLoudly() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MultiValueColumn.toEnums(MethodOfControl.class, "NoSuchValue"));
  }
}
