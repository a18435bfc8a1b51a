package rs.astra.nrm.web.support;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.support.ServiceEntryService;
import rs.astra.nrm.support.ServiceStatus;
import rs.astra.nrm.support.ServiceType;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The support plan on the case page: the services of the categories the user may read (SOCIAL, and
 * HEALTH for health and medical services), putting a service on the plan (only types of a category
 * she may change), and changing a service's status (optimistic locking: a conflict is explained and
 * the table shows the current state).
 */
@Named
@ViewScoped
public class ManageServices implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ServiceEntryService serviceEntries;
  @Inject private SupportSections sections;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private rs.astra.nrm.organisation.ActiveOrganisationChoices organisations;
  @Inject private UserFeedback feedback;

  private ServiceType type;
  private Long providerOrganisationId;
  private String providerName;
  private ServiceStatus status = ServiceStatus.PLANNED;
  private LocalDate plannedOn;
  private LocalDate startedOn;
  private LocalDate endedOn;
  private String note;

  private Long chosenId;
  private long chosenVersion;
  private ServiceType chosenType;
  private ServiceStatus nextStatus;
  private LocalDate changedOn;

  /**
   * @return the services of the categories the user may read, oldest first
   */
  public List<rs.astra.nrm.support.ServiceRow> getServices() {
    return sections.view().services();
  }

  /**
   * @return the service types the user may put on the plan (those of a category she may change)
   */
  public List<ServiceType> getTypes() {
    return Arrays.stream(ServiceType.values())
        .filter(t -> sections.readable(t.category()) && sections.updatable(t.category()))
        .toList();
  }

  /**
   * @return the statuses
   */
  public ServiceStatus[] getStatuses() {
    return ServiceStatus.values();
  }

  /**
   * @return the portal's organisations, as id/name pairs, to name a provider
   */
  public List<Object[]> getProviders() {
    return organisations.list().stream().map(o -> new Object[] {o.id(), o.name()}).toList();
  }

  /** Puts the service of the form on the plan. */
  public void add() {
    if (feedback.run(
        () ->
            serviceEntries.addService(
                user.viewer(),
                page.getCaseId(),
                new rs.astra.nrm.support.NewServiceForm(
                    type,
                    providerOrganisationId,
                    providerName,
                    status,
                    plannedOn,
                    startedOn,
                    endedOn,
                    note)),
        "support.added")) {
      type = null;
      providerOrganisationId = null;
      providerName = null;
      status = ServiceStatus.PLANNED;
      plannedOn = null;
      startedOn = null;
      endedOn = null;
      note = null;
    }
    reload();
  }

  /**
   * Chooses the service whose status the dialog changes.
   *
   * @param serviceId the service
   * @param version the version shown
   * @param type its type, named in the dialog
   */
  public void choose(long serviceId, long version, ServiceType type) {
    chosenId = serviceId;
    chosenVersion = version;
    chosenType = type;
    nextStatus = null;
    changedOn = NrmTime.today();
  }

  /** Changes the chosen service's status. */
  public void changeStatus() {
    if (chosenId != null) {
      feedback.run(
          () ->
              serviceEntries.changeStatus(
                  user.viewer(), chosenId, chosenVersion, nextStatus, changedOn),
          "support.statusChanged");
    }
    chosenId = null;
    chosenType = null;
    reload();
  }

  private void reload() {
    sections.reset();
    page.load();
  }

  public ServiceType getType() {
    return type;
  }

  public void setType(ServiceType type) {
    this.type = type;
  }

  public Long getProviderOrganisationId() {
    return providerOrganisationId;
  }

  public void setProviderOrganisationId(Long providerOrganisationId) {
    this.providerOrganisationId = providerOrganisationId;
  }

  public String getProviderName() {
    return providerName;
  }

  public void setProviderName(String providerName) {
    this.providerName = providerName;
  }

  public ServiceStatus getStatus() {
    return status;
  }

  public void setStatus(ServiceStatus status) {
    this.status = status;
  }

  public LocalDate getPlannedOn() {
    return plannedOn;
  }

  public void setPlannedOn(LocalDate plannedOn) {
    this.plannedOn = plannedOn;
  }

  public LocalDate getStartedOn() {
    return startedOn;
  }

  public void setStartedOn(LocalDate startedOn) {
    this.startedOn = startedOn;
  }

  public LocalDate getEndedOn() {
    return endedOn;
  }

  public void setEndedOn(LocalDate endedOn) {
    this.endedOn = endedOn;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  /**
   * @return the type of the service whose status the dialog changes, or {@code null}
   */
  public ServiceType getChosenType() {
    return chosenType;
  }

  public ServiceStatus getNextStatus() {
    return nextStatus;
  }

  public void setNextStatus(ServiceStatus nextStatus) {
    this.nextStatus = nextStatus;
  }

  public LocalDate getChangedOn() {
    return changedOn;
  }

  public void setChangedOn(LocalDate changedOn) {
    this.changedOn = changedOn;
  }
}
