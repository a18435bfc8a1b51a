package rs.astra.nrm.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Lets {@code /openapi} answer a caller who asks for YAML by its media type ({@code Accept:
 * application/yaml}, {@code text/yaml} and their {@code x-} forms) with the YAML document, typed
 * {@code application/yaml}: Payara's OpenAPI service offers YAML only as {@code text/plain} (its
 * default, also {@code ?format=yaml}) and JSON as {@code application/json}, and answered such a
 * caller 406 with the server's HTML error page. Payara adds its OpenAPI service to the web
 * application at the root context, so this filter applies where the portal is deployed at {@code /}
 * (as in production: {@code docker/start-portal.sh}, the EAR); deployed under another context root,
 * {@code /openapi} belongs to Payara's default web module and answers as Payara does.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"})
public class OpenApiYamlFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The media type of the answer to a caller who asked for YAML. */
  static final String YAML = "application/yaml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!wantsYaml(request.getHeader("Accept"))) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new AcceptingPlainText(request), new TypedYaml(response));
  }

  /**
   * @param accept the request's {@code Accept} header, or {@code null}
   * @return whether it names a YAML media type and neither JSON nor {@code text/plain} (which
   *     Payara's service answers as they are)
   */
  static boolean wantsYaml(String accept) {
    if (accept == null) {
      return false;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    return (a.contains("/yaml") || a.contains("/x-yaml"))
        && !a.contains("application/json")
        && !a.contains("text/plain");
  }

  /** The request as Payara's service understands a wish for YAML: {@code Accept: text/plain}. */
  static final class AcceptingPlainText extends HttpServletRequestWrapper {

    AcceptingPlainText(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return "Accept".equalsIgnoreCase(name) ? "text/plain" : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Accept".equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of("text/plain"))
          : super.getHeaders(name);
    }
  }

  /** The answer with the YAML media type the caller asked for instead of {@code text/plain}. */
  static final class TypedYaml extends HttpServletResponseWrapper {

    TypedYaml(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setContentType(String type) {
      super.setContentType(yaml(type));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? yaml(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? yaml(value) : value);
    }

    private static String yaml(String type) {
      return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain")
          ? YAML + type.substring("text/plain".length())
          : type;
    }
  }
}
