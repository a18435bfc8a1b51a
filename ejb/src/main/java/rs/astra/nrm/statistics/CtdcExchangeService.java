package rs.astra.nrm.statistics;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.MultiValueColumn;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.casefile.TypeOfSexExploitation;
import rs.astra.nrm.exchange.CtdcFlag;
import rs.astra.nrm.exchange.CtdcImportException;
import rs.astra.nrm.exchange.CtdcPortalMapping;
import rs.astra.nrm.exchange.CtdcReader;
import rs.astra.nrm.exchange.CtdcRow;
import rs.astra.nrm.exchange.CtdcWriter;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Data exchange in the layout of the CTDC global dataset.
 *
 * <ul>
 *   <li><b>Import</b> of anonymised historical records into the statistics-only store (no case, no
 *       person is created), all or nothing, so that the yearly tables reach back before the portal.
 *       NGO coordinators, CPTV officers and administrators import; the records count as the figures
 *       of the importer's organisation and of the whole NRM.
 *   <li><b>Export</b> of the portal's own presumed and identified victims in the same layout,
 *       anonymised: no names, the year of registration only, ages as bands, and no group smaller
 *       than 5 on gender, age band, citizenship and forms of exploitation ({@link CtdcAnonymiser}).
 *       The cases are those of all organisations for the roles that see all statistics, the
 *       viewer's organisation's own cases otherwise. The query selects only the columns the mapping
 *       needs.
 * </ul>
 */
@Stateless
@StoredBeforeReturn
public class CtdcExchangeService {

  private static final Logger LOG = Logger.getLogger(CtdcExchangeService.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * An exported file.
   *
   * @param fileName e.g. {@code ctdc-2026-05-11.csv}
   * @param content UTF-8 CSV, semicolon-separated
   * @param records records in the file
   * @param generalised records with a value made unknown to protect them
   * @param suppressed records left out because no generalisation protected them
   */
  public record ExportFile(
      String fileName, byte[] content, int records, int generalised, int suppressed)
      implements Serializable {}

  /**
   * Imports a CTDC file.
   *
   * @param viewer an NGO coordinator, CPTV officer or administrator
   * @param in the file (UTF-8 CSV); read to its end, not closed
   * @param fileName the uploaded file's name, kept with the batch
   * @return how many records were stored
   * @throws CtdcImportException with every row-numbered problem; nothing is stored then
   * @throws NotPermittedException for other roles
   */
  public int importFile(Viewer viewer, InputStream in, String fileName) throws CtdcImportException {
    if (!StatisticsService.seesAllOrganisations(viewer)) {
      throw new NotPermittedException("CTDC import");
    }
    List<CtdcRow> rows = new CtdcReader(Clock.system(NrmTime.ZONE)).read(in);
    CtdcImportBatch batch =
        new CtdcImportBatch(
            em.find(PortalUser.class, viewer.userId()), Instant.now(), fileName, rows.size());
    em.persist(batch);
    for (CtdcRow r : rows) {
      List<String> yes = new ArrayList<>();
      List<String> no = new ArrayList<>();
      for (Map.Entry<CtdcFlag, Boolean> flag : r.flags().entrySet()) {
        (flag.getValue() ? yes : no).add(flag.getKey().column());
      }
      em.persist(
          new CtdcRecord(
              batch,
              r.yearOfRegistration(),
              r.datasource(),
              r.gender(),
              r.ageBand(),
              r.majorityStatus(),
              r.majorityStatusAtExploit(),
              r.majorityEntry(),
              r.citizenship(),
              r.countryOfExploitation(),
              r.recruiterRelationship(),
              yes,
              no));
    }
    em.flush();
    LOG.log(
        Level.INFO,
        "CTDC import by user {0}: {1} records",
        new Object[] {viewer.userId(), rows.size()});
    return rows.size();
  }

  /**
   * Exports the portal's presumed and identified victims, anonymised.
   *
   * @param viewer who exports; administrators and DPOs included, as nothing personal leaves
   * @return the file
   */
  public ExportFile export(Viewer viewer) {
    boolean all = StatisticsService.seesAllOrganisations(viewer);
    TypedQuery<Object[]> q =
        em.createQuery(
                "select c.openedOn, p.gender, p.birthdate, p.citizenship, c.typeOfExploitation, c.methodsOfControl, c.typeOfSexExploitation,"
                    + " c.forcedLabourIndustry from CaseFile c join c.person p where c.mergedIntoId is null and c.traffickingStatus in :victims"
                    + (all ? "" : " and c.ownerOrganisation.id = :org")
                    + " order by c.openedOn, c.id",
                Object[].class)
            .setParameter(
                "victims",
                List.of(
                    TraffickingStatus.ActualVictimOfTrafficking,
                    TraffickingStatus.PossibleVictimOfTrafficking));
    if (!all) {
      q.setParameter("org", viewer.organisationId());
    }
    List<CtdcRow> rows = new ArrayList<>();
    for (Object[] c : q.getResultList()) {
      rows.add(
          CtdcPortalMapping.fromCase(
              (LocalDate) c[0],
              (Gender) c[1],
              (LocalDate) c[2],
              MultiValueColumn.toCodes((String) c[3]),
              MultiValueColumn.toEnums(TypeOfExploitation.class, (String) c[4]),
              MultiValueColumn.toEnums(MethodOfControl.class, (String) c[5]),
              MultiValueColumn.toEnums(TypeOfSexExploitation.class, (String) c[6]),
              (ForcedLabourIndustry) c[7]));
    }
    CtdcAnonymiser.Result result = new CtdcAnonymiser().anonymise(rows);
    LOG.log(
        Level.INFO,
        "CTDC export by user {0}: {1} records, {2} generalised, {3} left out",
        new Object[] {
          viewer.userId(), result.rows().size(), result.generalised(), result.suppressed()
        });
    String day = LocalDate.now(NrmTime.ZONE).toString();
    return new ExportFile(
        "ctdc-" + day + ".csv",
        new CtdcWriter().write(result.rows()),
        result.rows().size(),
        result.generalised(),
        result.suppressed());
  }
}
