package rs.astra.nrm.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.support.NewServiceForm;
import rs.astra.nrm.support.SafetyPlanService;
import rs.astra.nrm.support.ServiceEntryService;
import rs.astra.nrm.support.ServiceStatus;
import rs.astra.nrm.support.ServiceType;

/**
 * Gives the first three sample cases at stage ASSISTANCE (by case code) a support plan, and the
 * first of them a safety plan, recorded by the demo coordinator through {@link ServiceEntryService}
 * and {@link SafetyPlanService} so that the tour shows them with their timeline events. Fictional
 * texts, no personal data.
 */
@Dependent
public class DemoSupportPlans {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private SafetyPlanService safetyPlans;
  @Inject private ServiceEntryService serviceEntries;

  /**
   * Adds the demo support plans.
   *
   * @param coordinator the demo NGO's coordinator, who owns the sample caseload
   * @return the number of cases that got a plan (0 to 3)
   */
  public int add(Viewer coordinator) {
    List<Long> cases =
        em.createQuery(
                "select c.id from CaseFile c where c.ownerOrganisation.id = :org and c.stage = :stage order by c.code",
                Long.class)
            .setParameter("org", coordinator.organisationId())
            .setParameter("stage", NrmStage.ASSISTANCE)
            .setMaxResults(3)
            .getResultList();
    LocalDate today = NrmTime.today();
    Long clinic = organisation("Univerzitetski klinički centar Srbije");
    Long cswBelgrade = organisation("Centar za socijalni rad Beograd");
    for (int i = 0; i < cases.size(); i++) {
      long id = cases.get(i);
      switch (i) {
        case 0 -> {
          service(
              coordinator,
              id,
              ServiceType.Accommodation,
              null,
              "Safe house",
              ServiceStatus.IN_PROGRESS,
              null,
              today.minusDays(40),
              null,
              null);
          service(
              coordinator,
              id,
              ServiceType.MedicalExamination,
              clinic,
              null,
              ServiceStatus.PROVIDED,
              null,
              today.minusDays(35),
              today.minusDays(35),
              null);
          service(
              coordinator,
              id,
              ServiceType.PsychologicalCounselling,
              null,
              "ASTRA psychologist",
              ServiceStatus.IN_PROGRESS,
              null,
              today.minusDays(30),
              null,
              "Weekly sessions");
          service(
              coordinator,
              id,
              ServiceType.Legal,
              null,
              "Legal aid lawyer",
              ServiceStatus.PLANNED,
              today.plusDays(10),
              null,
              null,
              "Compensation claim");
          safetyPlans.saveSafetyPlan(
              coordinator,
              id,
              new rs.astra.nrm.support.SafetyPlanForm(
                  null,
                  "The recruiter knows the family's village and has called the person's sister twice.",
                  "No contact with the recruiter; accompanied travel only; the shelter's address is not shared.",
                  "ASTRA SOS hotline; police 192; the caseworker on duty",
                  today.plusDays(30)));
        }
        case 1 -> {
          service(
              coordinator,
              id,
              ServiceType.Documents,
              null,
              "Police administration, personal card",
              ServiceStatus.REFERRED,
              today.plusDays(5),
              null,
              null,
              null);
          service(
              coordinator,
              id,
              ServiceType.SocialCare,
              cswBelgrade,
              null,
              ServiceStatus.PLANNED,
              today.plusDays(14),
              null,
              null,
              null);
          service(
              coordinator,
              id,
              ServiceType.Health,
              clinic,
              null,
              ServiceStatus.DECLINED_BY_PERSON,
              null,
              null,
              today.minusDays(3),
              null);
        }
        default -> {
          service(
              coordinator,
              id,
              ServiceType.Livelihood,
              null,
              "Vocational training centre",
              ServiceStatus.IN_PROGRESS,
              null,
              today.minusDays(60),
              null,
              "Tailoring course");
          service(
              coordinator,
              id,
              ServiceType.AssistedReturn,
              null,
              "IOM",
              ServiceStatus.UNAVAILABLE,
              null,
              null,
              today.minusDays(20),
              null);
        }
      }
    }
    return cases.size();
  }

  private void service(
      Viewer by,
      long caseId,
      ServiceType type,
      Long providerId,
      String providerName,
      ServiceStatus status,
      LocalDate plannedOn,
      LocalDate startedOn,
      LocalDate endedOn,
      String note) {
    serviceEntries.addService(
        by,
        caseId,
        new NewServiceForm(
            type, providerId, providerName, status, plannedOn, startedOn, endedOn, note));
  }

  private Long organisation(String name) {
    return em
        .createQuery("select o.id from Organisation o where o.name = :name", Long.class)
        .setParameter("name", name)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }
}
