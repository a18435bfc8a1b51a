package rs.astra.nrm.web.statistics;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.primefaces.component.export.PDFOptions;
import org.primefaces.component.export.PDFOrientationType;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.statistics.Dimension;
import rs.astra.nrm.statistics.StatisticsService;
import rs.astra.nrm.statistics.StatisticsTable;
import rs.astra.nrm.web.i18n.LanguagePreference;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The statistics page: for a chosen period, cases by NRM stage; presumed and identified victims by
 * two dimensions the user picks (portal cases and historical CTDC records); minors by year;
 * referral routes with acceptance rate and median days to answer; proceedings by step and verdicts
 * by offence; and the tables other parts of the portal contribute. Figures beyond the user's own
 * organisation are small-cell protected on screen; every export is.
 */
@Named
@ViewScoped
public class ShowStatistics implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private StatisticsService statistics;
  @Inject private SignedInUser user;
  @Inject private Messages messages;
  @Inject private LanguagePreference language;
  @Inject private UserFeedback feedback;

  private LocalDate from = LocalDate.now(NrmTime.ZONE).withDayOfYear(1);
  private LocalDate to = LocalDate.now(NrmTime.ZONE);
  private Dimension rowDimension = Dimension.YEAR;
  private Dimension columnDimension = Dimension.EXPLOITATION;
  private List<TableView> tables;

  /**
   * @return the tables for the current choice, computed once per choice
   */
  public List<TableView> getTables() {
    if (tables == null) {
      show();
    }
    return tables;
  }

  /**
   * The table with a short name.
   *
   * @param id e.g. {@code victims}
   * @return the table, or {@code null}
   */
  public TableView table(String id) {
    return getTables().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
  }

  /**
   * @return the tables other parts of the portal contribute, after the built-in ones
   */
  public List<TableView> getContributed() {
    return getTables().stream().filter(t -> t.id().startsWith("contributed")).toList();
  }

  /** Computes the tables for the chosen period and dimensions; a bad choice shows a message. */
  public void show() {
    List<TableView> computed = new ArrayList<>();
    boolean ok =
        feedback.runQuietly(
            () -> {
              StatisticsService.Period period = new StatisticsService.Period(from, to);
              var viewer = user.viewer();
              StatisticsTables views = new StatisticsTables(messages::get, language.getLocale());
              computed.add(views.view("stages", statistics.casesByStage(viewer, period)));
              computed.add(
                  views.view(
                      "victims",
                      statistics.victims(viewer, period, rowDimension, columnDimension)));
              computed.add(views.view("minors", statistics.minorsByYear(viewer, period)));
              StatisticsService.ReferralFigures referrals = statistics.referrals(viewer, period);
              computed.add(
                  views.view(
                      "referrals",
                      referrals.table(),
                      List.of(
                          messages.get("statistics.acceptanceRate"),
                          messages.get("statistics.medianDays")),
                      views.routeTexts(referrals.shown()),
                      views.routeTexts(referrals.exported())));
              computed.add(
                  views.view("proceedings", statistics.proceedingsBySteps(viewer, period)));
              computed.add(views.view("verdicts", statistics.verdicts(viewer, period)));
              int n = 0;
              for (StatisticsTable t : statistics.contributed(viewer, period)) {
                computed.add(views.view("contributed" + n++, t));
              }
            });
    if (ok || tables == null) {
      tables = ok ? computed : List.of();
    }
  }

  /**
   * @return whether the figures are of all organisations (and protected on screen)
   */
  public boolean isAllOrganisations() {
    return StatisticsService.seesAllOrganisations(user.viewer());
  }

  /**
   * @return the dimensions the victims' table can use
   */
  public List<Dimension> getVictimDimensions() {
    return Arrays.stream(Dimension.values()).filter(Dimension::victimDimension).toList();
  }

  /**
   * PDF export options: a font with Serbian Latin and Cyrillic letters (OpenPDF's bundled
   * Liberation Sans), landscape.
   *
   * @return the options
   */
  public PDFOptions getPdfOptions() {
    PDFOptions options = new PDFOptions();
    options.setFontName(PdfFonts.unicodeFont());
    options.setOrientation(PDFOrientationType.LANDSCAPE);
    return options;
  }

  /**
   * @return the first day
   */
  public LocalDate getFrom() {
    return from;
  }

  /**
   * @param from the first day
   */
  public void setFrom(LocalDate from) {
    this.from = from;
  }

  /**
   * @return the last day
   */
  public LocalDate getTo() {
    return to;
  }

  /**
   * @param to the last day
   */
  public void setTo(LocalDate to) {
    this.to = to;
  }

  /**
   * @return the rows of the victims' table
   */
  public Dimension getRowDimension() {
    return rowDimension;
  }

  /**
   * @param rowDimension the rows of the victims' table
   */
  public void setRowDimension(Dimension rowDimension) {
    this.rowDimension = rowDimension;
  }

  /**
   * @return the columns of the victims' table
   */
  public Dimension getColumnDimension() {
    return columnDimension;
  }

  /**
   * @param columnDimension the columns of the victims' table
   */
  public void setColumnDimension(Dimension columnDimension) {
    this.columnDimension = columnDimension;
  }
}
