package rs.astra.nrm.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The id of the current request, shared by every audit record written while serving it, so that
 * the records of one page view can be grouped.
 */
@RequestScoped
public class RequestId {

  private final String value = UUID.randomUUID().toString();

  /** @return a random UUID, the same for the whole request */
  public String value() {
    return value;
  }
}
