package rs.astra.nrm.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether the REST API is on: only when the key that verifies bearer tokens is configured ({@code
 * mp.jwt.verify.publickey.location}, e.g. the realm's JWKS URL, or {@code mp.jwt.verify.publickey};
 * environment {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}), with the realm's issuer in {@code
 * mp.jwt.verify.issuer}. The embedded default has neither, and every call answers the problem
 * {@code api-not-configured}. A security setting (which mechanism authenticates a request, {@link
 * MechanismSelector}), used by the API ({@code rs.astra.nrm.web.api}) and the request filters.
 */
@ApplicationScoped
public class ApiSettings {

  /** The path prefix of the API, below the context root. */
  public static final String PREFIX = "/api/";

  /**
   * @return whether a token verification key is configured
   */
  public boolean isEnabled() {
    var config = ConfigProvider.getConfig();
    return present(config.getOptionalValue("mp.jwt.verify.publickey.location", String.class))
        || present(config.getOptionalValue("mp.jwt.verify.publickey", String.class));
  }

  private static boolean present(java.util.Optional<String> value) {
    return value.filter(v -> !v.isBlank()).isPresent();
  }

  /**
   * @param request any request
   * @return whether it is a call of the API
   */
  public static boolean isApiCall(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath() == null ? "" : request.getContextPath();
    return uri != null && uri.startsWith(context + PREFIX);
  }
}
