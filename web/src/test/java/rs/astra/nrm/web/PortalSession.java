package rs.astra.nrm.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser session over plain HTTP, as a person uses the portal: sign in on the login form, open
 * pages, and submit a Faces form (full, non-Ajax post with the page's view state), e.g. a button
 * that downloads an export.
 */
final class PortalSession {

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new BrowserCookies())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final URI base;
  private String lastPage = "";
  private URI lastUri;

  PortalSession(URI base) {
    this.base = base;
  }

  /**
   * Signs in on the login form.
   *
   * @return the page the portal lands on after the login (the home page, or the login page again)
   */
  String signIn(String username, String password) throws Exception {
    get("app/home.xhtml");
    String body =
        "loginForm=loginForm&loginForm%3Ausername="
            + enc(username)
            + "&loginForm%3Apassword="
            + enc(password)
            + "&loginForm%3Asubmit=&jakarta.faces.ViewState="
            + enc(viewState())
            + nonceParameter(lastPage);
    HttpResponse<String> after =
        http.send(post(formAction("loginForm"), body), HttpResponse.BodyHandlers.ofString());
    remember(after);
    return after.body();
  }

  /** Opens a page and keeps it as the page forms are posted from. */
  HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
    remember(response);
    return response;
  }

  /**
   * Submits a form of the last page.
   *
   * @param form the form's id
   * @param button the client id of the button pressed
   * @param fields client id → value of the fields to send
   * @return the response, as bytes (a page or a download)
   */
  HttpResponse<byte[]> submit(String form, String button, Map<String, String> fields)
      throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(form, form);
    params.putAll(fields);
    params.put(button, "");
    params.put("jakarta.faces.ViewState", viewState());
    String body =
        params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"))
            + nonceParameter(lastPage);
    lastPostUri = formAction(form);
    lastPostBody = body;
    HttpResponse<byte[]> response =
        http.send(post(lastPostUri, body), HttpResponse.BodyHandlers.ofByteArray());
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
      lastPage = new String(response.body(), StandardCharsets.UTF_8);
      lastUri = response.uri();
    }
    return response;
  }

  /**
   * Sends a Faces Ajax request from the last page, as PrimeFaces does (e.g. a table's paging).
   *
   * @param form the form's id
   * @param source the client id of the component that sends it (executed and rendered)
   * @param fields further parameters
   * @return the partial response's text
   */
  String ajax(String form, String source, Map<String, String> fields) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("jakarta.faces.partial.ajax", "true");
    params.put("jakarta.faces.source", source);
    params.put("jakarta.faces.partial.execute", source);
    params.put("jakarta.faces.partial.render", source);
    params.put(form, form);
    params.putAll(fields);
    params.put("jakarta.faces.ViewState", viewState());
    String body =
        params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"))
            + nonceParameter(lastPage);
    HttpRequest request =
        HttpRequest.newBuilder(formAction(form))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Faces-Request", "partial/ajax")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private URI lastPostUri;
  private String lastPostBody;

  /**
   * Sends the last form post again, byte for byte, as Back and resend, a double click or a replay
   * would.
   *
   * @return the page that answers
   */
  String resendLastPost() throws Exception {
    return http.send(post(lastPostUri, lastPostBody), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Submits a form of the last page and returns the page that answers. */
  String submitForPage(String form, String button, Map<String, String> fields) throws Exception {
    return new String(submit(form, button, fields).body(), StandardCharsets.UTF_8);
  }

  /** The session's client (its cookies), for requests beside the page flow, e.g. a load. */
  HttpClient http() {
    return http;
  }

  String lastPage() {
    return lastPage;
  }

  private void remember(HttpResponse<String> response) {
    lastPage = response.body();
    lastUri = response.uri();
  }

  private HttpRequest post(URI to, String body) {
    return HttpRequest.newBuilder(to)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String viewState() {
    return find(lastPage, "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  }

  private URI formAction(String form) {
    return lastUri.resolve(
        find(lastPage, "<form id=\"" + Pattern.quote(form) + "\"[^>]*action=\"([^\"]+)\""));
  }

  /**
   * The page's Content-Security-Policy nonce as a form parameter ({@code &primefaces.nonce=…}), as
   * PrimeFaces' script adds it to every post of a page; PrimeFaces refuses a post that re-renders
   * its page without it ("CSP nonce mismatch").
   *
   * @param html a page of the portal
   * @return the parameter with its leading {@code &}, or {@code ""} if the page has no nonce
   */
  static String nonceParameter(String html) {
    Matcher m = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(html);
    return m.find() ? "&primefaces.nonce=" + enc(m.group(1)) : "";
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    if (!m.find()) {
      throw new AssertionError("the page has no " + regex);
    }
    return m.group(1).replace("&amp;", "&");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
