package rs.astra.nrm.web.statistics;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.TextStyle;
import java.util.List;
import rs.astra.nrm.statistics.MonthlySummaryService;
import rs.astra.nrm.web.i18n.LanguagePreference;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The monthly summary on the home page: the figures the nightly timer computed for the user's
 * organisation (the running month and the month before); nothing is counted on a page view.
 */
@Named
@ViewScoped
public class ShowMonthlySummary implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private MonthlySummaryService summaries;
  @Inject private SignedInUser user;
  @Inject private LanguagePreference language;

  private List<MonthlySummaryService.MonthView> months;

  /**
   * @return the latest two months, newest first; empty before the timer's first run
   */
  public List<MonthlySummaryService.MonthView> getMonths() {
    if (months == null) {
      months = summaries.latest(user.viewer(), 2);
    }
    return months;
  }

  /**
   * @param m a month's figures
   * @return e.g. "May 2026" in the user's language
   */
  public String monthName(MonthlySummaryService.MonthView m) {
    return m.month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, language.getLocale())
        + " "
        + m.month().getYear();
  }
}
