package rs.astra.nrm.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Hands {@link SecurityHeaders#FACES_POLICY} to PrimeFaces ({@code primefaces.CSP_POLICY} in {@code
 * web.xml} reads it through EL), so the policy is written once.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

  /** @return the policy of Faces pages, without its nonce */
  public String getFacesPolicy() {
    return SecurityHeaders.FACES_POLICY;
  }
}
