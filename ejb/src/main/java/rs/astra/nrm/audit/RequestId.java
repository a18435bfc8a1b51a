package rs.astra.nrm.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The id of the current request, shared by every audit record written while serving it, so that the
 * records of one page view can be grouped.
 */
@RequestScoped
public class RequestId {

  private final String value = UUID.randomUUID().toString();

  private final java.util.Set<String> permitsRecorded =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private volatile boolean pageView;

  private volatile boolean api;

  private volatile String apiClient;

  /**
   * Marks this request as a call of the REST API (issue 22): its audit records carry the channel
   * {@code API} and the client id.
   *
   * @param clientId the calling system's client id (the token's {@code azp}), or {@code null}
   */
  public void markApiCall(String clientId) {
    api = true;
    apiClient = clientId;
  }

  /**
   * @return whether this request is a call of the REST API
   */
  public boolean isApiCall() {
    return api;
  }

  /**
   * @return the calling system's client id for an API call, else {@code null}
   */
  public String apiClient() {
    return apiClient;
  }

  /** Marks this request as a page view of the portal (the web module's {@code PageViewFilter}). */
  public void markPageView() {
    pageView = true;
  }

  /**
   * @return whether this request draws or posts a page of the portal
   */
  public boolean isPageView() {
    return pageView;
  }

  /**
   * @return a random UUID, the same for the whole request
   */
  public String value() {
    return value;
  }

  /**
   * Notes a permit about to be recorded in this page view and says whether it is the first such
   * one: one page view leaves one record per case, category, action and basis, however many of its
   * sections (the support plan, the timeline) read that category.
   *
   * @param key the permit's case, category, action and basis
   * @return {@code true} the first time in this request
   */
  public boolean firstPermit(String key) {
    return permitsRecorded.add(key);
  }
}
