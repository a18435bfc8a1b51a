package rs.astra.nrm.web.hotline;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.hotline.CallChannel;
import rs.astra.nrm.hotline.CallLanguage;
import rs.astra.nrm.hotline.CallPurpose;
import rs.astra.nrm.hotline.CallerType;
import rs.astra.nrm.hotline.CheckOutcome;
import rs.astra.nrm.hotline.HotlineService;
import rs.astra.nrm.hotline.OfferSource;
import rs.astra.nrm.hotline.RedFlag;
import rs.astra.nrm.hotline.VerificationStep;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * Recording a hotline call while it happens: the call starts now, by phone, from an anonymous
 * caller in Serbian unless changed; only the purpose must be chosen. For a job-offer check the
 * check's part of the form opens (names, destination, wage, red flags, steps, outcome, advice). A
 * caseworker can save the call and open a case from it in one step.
 */
@Named
@ViewScoped
public class RecordCall implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private HotlineService hotline;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private LocalDateTime calledAt;
  private Integer durationMinutes;
  private CallChannel channel;
  private CallerType callerType;
  private CallLanguage language;
  private CallPurpose purpose;
  private String summary;
  private String outcome;
  private LocalDate followUpOn;
  private String callerAlias;
  private String callerContact;
  private boolean callerAgreed;
  private String caseCode;

  private OfferSource offerSource;
  private String employerName;
  private String agencyName;
  private String agencyLicence;
  private String destinationCountry;
  private String destinationCity;
  private String destinationAddress;
  private String jobType;
  private ForcedLabourIndustry industry;
  private BigDecimal promisedWage;
  private String currency;
  private List<RedFlag> offerFlags;
  private List<RedFlag> iloFlags;
  private List<VerificationStep> verificationSteps;
  private CheckOutcome checkOutcome;
  private String advice;

  /** Starts with an empty form. */
  public RecordCall() {
    clear();
  }

  /** Clears the form for the next call: now, phone, anonymous, Serbian, EUR. */
  private void clear() {
    calledAt = LocalDateTime.now(NrmTime.ZONE).withSecond(0).withNano(0);
    durationMinutes = null;
    channel = CallChannel.PHONE;
    callerType = CallerType.ANONYMOUS;
    language = CallLanguage.SERBIAN;
    purpose = null;
    summary = null;
    outcome = null;
    followUpOn = null;
    callerAlias = null;
    callerContact = null;
    callerAgreed = false;
    caseCode = null;
    offerSource = null;
    employerName = null;
    agencyName = null;
    agencyLicence = null;
    destinationCountry = null;
    destinationCity = null;
    destinationAddress = null;
    jobType = null;
    industry = null;
    promisedWage = null;
    currency = "EUR";
    offerFlags = new ArrayList<>();
    iloFlags = new ArrayList<>();
    verificationSteps = new ArrayList<>();
    checkOutcome = null;
    advice = null;
  }

  /** Records the call; on success the form is cleared for the next one. */
  public void save() {
    if (feedback.run(() -> hotline.record(user.viewer(), form()), "hotline.saved")) {
      clear();
    }
  }

  /**
   * Records the call, opens a case from it (caseworkers and coordinators) and goes to the case.
   *
   * @throws IOException if the redirect fails
   */
  public void saveAndOpenCase() throws IOException {
    long[] caseId = new long[1];
    if (feedback.run(
        () -> caseId[0] = hotline.recordAndOpenCase(user.viewer(), form()), "hotline.caseOpened")) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().getFlash().setKeepMessages(true);
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/app/case.xhtml?id="
                  + caseId[0]);
    }
  }

  private rs.astra.nrm.hotline.NewCallForm form() {
    rs.astra.nrm.hotline.JobOfferCheckForm check =
        isCheck()
            ? new rs.astra.nrm.hotline.JobOfferCheckForm(
                offerSource,
                employerName,
                agencyName,
                agencyLicence,
                destinationCountry,
                destinationCity,
                destinationAddress,
                jobType,
                industry,
                promisedWage,
                promisedWage == null ? null : currency,
                flags(),
                verificationSteps.isEmpty() ? Set.of() : EnumSet.copyOf(verificationSteps),
                checkOutcome,
                advice)
            : null;
    return new rs.astra.nrm.hotline.NewCallForm(
        calledAt == null ? null : calledAt.atZone(NrmTime.ZONE).toInstant(),
        durationMinutes,
        channel,
        callerType,
        language,
        purpose,
        summary,
        outcome,
        followUpOn,
        callerAlias,
        callerContact,
        callerAgreed,
        caseCode,
        check);
  }

  private Set<RedFlag> flags() {
    Set<RedFlag> all = EnumSet.noneOf(RedFlag.class);
    all.addAll(offerFlags);
    all.addAll(iloFlags);
    return all;
  }

  /**
   * @return whether the call is a job-offer check, so that the check's part of the form shows
   */
  public boolean isCheck() {
    return purpose == CallPurpose.JOB_OFFER_CHECK;
  }

  /**
   * @return the channels
   */
  public CallChannel[] getChannels() {
    return CallChannel.values();
  }

  /**
   * @return the caller types
   */
  public CallerType[] getCallerTypes() {
    return CallerType.values();
  }

  /**
   * @return the languages
   */
  public CallLanguage[] getLanguages() {
    return CallLanguage.values();
  }

  /**
   * @return the purposes
   */
  public CallPurpose[] getPurposes() {
    return CallPurpose.values();
  }

  /**
   * @return where offers are found
   */
  public OfferSource[] getOfferSources() {
    return OfferSource.values();
  }

  /**
   * @return the HTCDS industries
   */
  public ForcedLabourIndustry[] getIndustries() {
    return ForcedLabourIndustry.values();
  }

  /**
   * @return the red flags that are not ILO indicators
   */
  public List<RedFlag> getOfferFlags() {
    return EnumSet.allOf(RedFlag.class).stream().filter(f -> !f.isIloIndicator()).toList();
  }

  /**
   * @return the ILO indicators of forced labour
   */
  public List<RedFlag> getIloFlags() {
    return EnumSet.allOf(RedFlag.class).stream().filter(RedFlag::isIloIndicator).toList();
  }

  /**
   * @return the verification steps
   */
  public VerificationStep[] getSteps() {
    return VerificationStep.values();
  }

  /**
   * @return the outcomes of a check
   */
  public CheckOutcome[] getOutcomes() {
    return CheckOutcome.values();
  }

  public LocalDateTime getCalledAt() {
    return calledAt;
  }

  public void setCalledAt(LocalDateTime calledAt) {
    this.calledAt = calledAt;
  }

  public Integer getDurationMinutes() {
    return durationMinutes;
  }

  public void setDurationMinutes(Integer durationMinutes) {
    this.durationMinutes = durationMinutes;
  }

  public CallChannel getChannel() {
    return channel;
  }

  public void setChannel(CallChannel channel) {
    this.channel = channel;
  }

  public CallerType getCallerType() {
    return callerType;
  }

  public void setCallerType(CallerType callerType) {
    this.callerType = callerType;
  }

  public CallLanguage getLanguage() {
    return language;
  }

  public void setLanguage(CallLanguage language) {
    this.language = language;
  }

  public CallPurpose getPurpose() {
    return purpose;
  }

  public void setPurpose(CallPurpose purpose) {
    this.purpose = purpose;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public LocalDate getFollowUpOn() {
    return followUpOn;
  }

  public void setFollowUpOn(LocalDate followUpOn) {
    this.followUpOn = followUpOn;
  }

  public String getCallerAlias() {
    return callerAlias;
  }

  public void setCallerAlias(String callerAlias) {
    this.callerAlias = callerAlias;
  }

  public String getCallerContact() {
    return callerContact;
  }

  public void setCallerContact(String callerContact) {
    this.callerContact = callerContact;
  }

  public boolean isCallerAgreed() {
    return callerAgreed;
  }

  public void setCallerAgreed(boolean callerAgreed) {
    this.callerAgreed = callerAgreed;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public void setCaseCode(String caseCode) {
    this.caseCode = caseCode;
  }

  public OfferSource getOfferSource() {
    return offerSource;
  }

  public void setOfferSource(OfferSource offerSource) {
    this.offerSource = offerSource;
  }

  public String getEmployerName() {
    return employerName;
  }

  public void setEmployerName(String employerName) {
    this.employerName = employerName;
  }

  public String getAgencyName() {
    return agencyName;
  }

  public void setAgencyName(String agencyName) {
    this.agencyName = agencyName;
  }

  public String getAgencyLicence() {
    return agencyLicence;
  }

  public void setAgencyLicence(String agencyLicence) {
    this.agencyLicence = agencyLicence;
  }

  public String getDestinationCountry() {
    return destinationCountry;
  }

  public void setDestinationCountry(String destinationCountry) {
    this.destinationCountry = destinationCountry;
  }

  public String getDestinationCity() {
    return destinationCity;
  }

  public void setDestinationCity(String destinationCity) {
    this.destinationCity = destinationCity;
  }

  public String getDestinationAddress() {
    return destinationAddress;
  }

  public void setDestinationAddress(String destinationAddress) {
    this.destinationAddress = destinationAddress;
  }

  public String getJobType() {
    return jobType;
  }

  public void setJobType(String jobType) {
    this.jobType = jobType;
  }

  public ForcedLabourIndustry getIndustry() {
    return industry;
  }

  public void setIndustry(ForcedLabourIndustry industry) {
    this.industry = industry;
  }

  public BigDecimal getPromisedWage() {
    return promisedWage;
  }

  public void setPromisedWage(BigDecimal promisedWage) {
    this.promisedWage = promisedWage;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public List<RedFlag> getOfferFlagsChosen() {
    return offerFlags;
  }

  public void setOfferFlagsChosen(List<RedFlag> flags) {
    this.offerFlags = flags == null ? new ArrayList<>() : new ArrayList<>(flags);
  }

  public List<RedFlag> getIloFlagsChosen() {
    return iloFlags;
  }

  public void setIloFlagsChosen(List<RedFlag> flags) {
    this.iloFlags = flags == null ? new ArrayList<>() : new ArrayList<>(flags);
  }

  public List<VerificationStep> getVerificationSteps() {
    return verificationSteps;
  }

  public void setVerificationSteps(List<VerificationStep> verificationSteps) {
    this.verificationSteps =
        verificationSteps == null ? new ArrayList<>() : new ArrayList<>(verificationSteps);
  }

  public CheckOutcome getCheckOutcome() {
    return checkOutcome;
  }

  public void setCheckOutcome(CheckOutcome checkOutcome) {
    this.checkOutcome = checkOutcome;
  }

  public String getAdvice() {
    return advice;
  }

  public void setAdvice(String advice) {
    this.advice = advice;
  }
}
