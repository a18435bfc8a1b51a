package rs.astra.nrm.demo;

import jakarta.ejb.Stateless;

/**
 * Imports the sample HTCDS caseload as ASTRA's cases when the database has no case yet.
 */
@Stateless
public class DemoCaseloadLoader {

  /**
   * Imports the bundled sample caseload if there are no cases.
   *
   * @return the number of cases imported, 0 when cases already existed
   */
  public int loadSampleCaseloadIfEmpty() {
    return 0;
  }
}
