package rs.astra.nrm.web.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import rs.astra.nrm.web.security.ApiSettings;

/**
 * Answers a post that is larger than the portal takes with a clear page in the user's language
 * (HTTP 413, "nothing was saved"), instead of the server's "post too large" failure and a stack
 * trace in the log for what anyone can send. The limits are the server's: {@value #FORM_LIMIT}
 * bytes for a form (Grizzly's {@code max-post-size}), {@value #UPLOAD_LIMIT} bytes for an upload
 * ({@code multipart-config} in {@code web.xml}: a 27 MiB file and its form; case documents are
 * limited to 25 MiB by their service). A Faces Ajax request, e.g. an upload, is sent to the same
 * page ({@value #PAGE}). Mapped in {@code web.xml} before the Faces servlet reads any parameter.
 * Calls of the REST API are left to its own, smaller limit, answered as a problem detail ({@code
 * rs.astra.nrm.web.api.ApiGate}).
 */
public class RequestSizeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Largest form post, in bytes. */
  public static final long FORM_LIMIT = 2L * 1024 * 1024;

  /** Largest upload request, in bytes. */
  public static final long UPLOAD_LIMIT = 29_360_128L;

  /** The page a too-large Ajax request is sent to. */
  public static final String PAGE = "/too-large";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (PAGE.equals(path)) {
      UnavailablePage.send(
          request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "tooLarge");
      return;
    }
    if (!ApiSettings.isApiCall(request)
        && tooLarge(
            request.getMethod(), request.getContentType(), request.getContentLengthLong())) {
      discardBody(request);
      refuse(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IllegalStateException | ServletException e) {
      // A chunked post (no length given) that turned out too large while it was read.
      if (response.isCommitted() || !saysTooLarge(e)) {
        throw e;
      }
      response.reset();
      refuse(request, response);
    }
  }

  /**
   * Whether a request is larger than the portal takes.
   *
   * @param method the HTTP method
   * @param contentType its content type, may be {@code null}
   * @param contentLength its length in bytes, or -1 when not given
   * @return {@code true} when it must be refused
   */
  static boolean tooLarge(String method, String contentType, long contentLength) {
    if (!"POST".equals(method) || contentLength < 0) {
      return false;
    }
    boolean upload =
        contentType != null
            && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    return contentLength > (upload ? UPLOAD_LIMIT : FORM_LIMIT);
  }

  private static boolean saysTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Post too large")
          || m.contains("SizeLimitExceeded")
          || m.contains("exceeds its maximum")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads and drops what the client sends, up to {@link #DISCARD_LIMIT} bytes: a client that is
   * still sending when the answer comes (most do) would otherwise see the connection end instead of
   * the page. Beyond that, the connection is closed after the answer.
   */
  private static void discardBody(HttpServletRequest request) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    try (var in = request.getInputStream()) {
      for (int n; read < DISCARD_LIMIT && (n = in.read(buffer)) > 0; ) {
        read += n;
      }
    }
  }

  /** The most a refused request's body is read to be dropped, in bytes. */
  static final long DISCARD_LIMIT = 64L * 1024 * 1024;

  private static void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (DatabaseOutageFilter.isAjax(request)) {
      DatabaseOutageFilter.sendAjaxRedirect(request, response, request.getContextPath() + PAGE);
    } else {
      UnavailablePage.send(
          request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "tooLarge");
    }
  }
}
