package rs.astra.nrm.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import rs.astra.nrm.organisation.AdministrativeAct;

/**
 * An administrator's act is in the activity record under the kind that readers of the record (the
 * audit views, the access report) know it by: the one of the same name.
 */
class AdministrationActivityLogTest {

  @Test
  void everyActIsRecordedAsTheKindOfTheSameName() {
    for (AdministrativeAct act : AdministrativeAct.values()) {
      assertEquals(act.name(), AdministrationActivityLog.kind(act).name(), act.name());
    }
  }
}
