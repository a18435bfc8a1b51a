package rs.astra.nrm.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser session against the portal (or the floor): its own cookie jar, the form login, the
 * case list page and the Ajax requests PrimeFaces' data table sends for paging, sorting and
 * filtering (the same parameters its JavaScript sends), the case page, and accepting a referral in
 * the inbox. Every request is timed from sending to the last byte of the answer.
 */
final class PortalSession {

  /** What one request gave. */
  record Answer(int status, String body, long nanos, boolean ok, String problem) {
    double millis() {
      return nanos / 1e6;
    }
  }

  /**
   * PrimeFaces' Content-Security-Policy nonce of a page, which its script sends with every post.
   */
  private static final Pattern CSP_NONCE =
      Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
  private static final Pattern PARTIAL_VIEW_STATE =
      Pattern.compile(
          "<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]*)\\]\\]>");
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form id=\"%s\"[^>]*action=\"([^\"]*)\"");
  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
  private static final Pattern SELECT =
      Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
  private static final Pattern SELECTED_OPTION =
      Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected");
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)=\"([^\"]*)\"");
  private static final Pattern HEADER = Pattern.compile("<th id=\"(casesForm:cases:[^\"]+)\"");
  private static final Pattern CASE_LINK = Pattern.compile("case\\.xhtml\\?id=(\\d+)");
  private static final Pattern TOTAL = Pattern.compile("\\d+–\\d+ / (\\d+)");
  private static final Pattern TOTAL_RECORDS = Pattern.compile("\"totalRecords\":(\\d+)");
  private static final Pattern ACCEPT_BUTTON =
      Pattern.compile(
          "<button id=\"([^\"]+)\" name=\"([^\"]+)\"[^>]*class=\"[^\"]*accept-referral");

  private final URI base;
  private final HttpClient http;
  final String username;

  // The case list view this session has open.
  private String listPath;
  private String viewState;
  private String nonce;
  private Map<String, String> form = new LinkedHashMap<>();
  private List<String> columns = List.of();
  private long total = -1;
  private List<Long> rowIds = List.of();

  /**
   * @param base the server's root, e.g. {@code http://localhost:18480/}
   * @param username who this session is (for reports only until {@link #login})
   */
  PortalSession(URI base, String username) {
    this.base = base;
    this.username = username;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new BrowserCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * Logs in through the login form as a browser does.
   *
   * @param password the password
   * @return the answer of the page the portal lands on; {@code ok} when it is inside {@code /app/}
   */
  Answer login(String password) throws IOException, InterruptedException {
    Answer page = get("login.xhtml");
    if (!page.ok()) {
      return page;
    }
    Matcher action =
        Pattern.compile(String.format(FORM_ACTION.pattern(), "loginForm")).matcher(page.body());
    Matcher state = VIEW_STATE.matcher(page.body());
    if (!action.find() || !state.find()) {
      return new Answer(page.status(), page.body(), page.nanos(), false, "no login form");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("loginForm", "loginForm");
    fields.put("loginForm:username", username);
    fields.put("loginForm:password", password);
    fields.put("loginForm:submit", "");
    fields.put("jakarta.faces.ViewState", state.group(1));
    putNonce(fields, page.body());
    long start = System.nanoTime();
    HttpResponse<String> r = send(post(base.resolve(unescape(action.group(1))), fields, false));
    long nanos = System.nanoTime() - start;
    boolean inside = r.uri().getPath().contains("/app/") && !r.body().contains("id=\"loginForm\"");
    return new Answer(
        r.statusCode(),
        r.body(),
        nanos,
        r.statusCode() == 200 && inside,
        inside ? null : "login refused for " + username);
  }

  /**
   * GETs a page.
   *
   * @param path relative to the server's root
   * @return the answer; not {@code ok} on a status other than 200, the error page or the login page
   */
  Answer get(String path) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(120))
                .GET()
                .build());
    long nanos = System.nanoTime() - start;
    return answer(r, nanos, path.startsWith("login") ? null : "id=\"loginForm\"");
  }

  /**
   * Opens the case list (a new view, as a browser's GET does): count and first page.
   *
   * @param path {@code app/cases.xhtml} for the portal, {@code floor/app/cases.xhtml} for the floor
   * @return the answer
   */
  Answer openCaseList(String path) throws IOException, InterruptedException {
    Answer a = get(path);
    if (!a.ok()) {
      return a;
    }
    listPath = path;
    Matcher state = VIEW_STATE.matcher(a.body());
    if (!state.find()) {
      return fail(a, "no view state on the case list");
    }
    viewState = state.group(1);
    Matcher n = CSP_NONCE.matcher(a.body());
    nonce = n.find() ? n.group(1) : null;
    form = formFields(a.body(), "casesForm");
    List<String> th = new ArrayList<>();
    Matcher m = HEADER.matcher(a.body());
    while (m.find()) {
      if (!th.contains(m.group(1))) {
        th.add(m.group(1));
      }
    }
    columns = th;
    Matcher t = TOTAL.matcher(a.body());
    total = t.find() ? Long.parseLong(t.group(1)) : -1;
    rowIds = caseIds(a.body());
    if (!a.body().contains("id=\"casesForm:cases\"")) {
      return fail(a, "no case table");
    }
    return a;
  }

  /**
   * @return the total the list's paginator shows, -1 if unknown
   */
  long total() {
    return total;
  }

  /**
   * @return the case ids on the rows last loaded
   */
  List<Long> rowIds() {
    return rowIds;
  }

  /**
   * @return the client ids of the table's column headers, in order (code, person, opened, …)
   */
  List<String> columns() {
    return columns;
  }

  /**
   * Asks for another page of the open list, as the paginator does.
   *
   * @param first index of the first row
   * @param rows rows per page
   */
  Answer paginate(int first, int rows) throws IOException, InterruptedException {
    Map<String, String> p = ajax("casesForm:cases");
    p.put("casesForm:cases_pagination", "true");
    p.put("casesForm:cases_first", String.valueOf(first));
    p.put("casesForm:cases_rows", String.valueOf(rows));
    p.put("casesForm:cases_skipChildren", "true");
    p.put("casesForm:cases_encodeFeature", "true");
    return tableAjax(p, "data-ri=\"" + first + "\"");
  }

  /**
   * Sorts the open list by a column, as a click on its header does.
   *
   * @param column index in {@link #columns()}
   * @param ascending direction
   */
  Answer sort(int column, boolean ascending) throws IOException, InterruptedException {
    Map<String, String> p = ajax("casesForm:cases");
    p.put("casesForm:cases_sorting", "true");
    p.put("casesForm:cases_skipChildren", "true");
    p.put("casesForm:cases_encodeFeature", "true");
    p.put("casesForm:cases_sortKey", columns.get(column));
    p.put("casesForm:cases_sortDir", ascending ? "1" : "-1");
    return tableAjax(p, "<update id=\"casesForm:cases\"");
  }

  /**
   * Filters the open list by a column's text filter, as typing in it does.
   *
   * @param column index in {@link #columns()}
   * @param text the filter text
   */
  Answer filter(int column, String text) throws IOException, InterruptedException {
    form.put(columns.get(column) + ":filter", text);
    Map<String, String> p = ajax("casesForm:cases");
    p.put("casesForm:cases_filtering", "true");
    p.put("casesForm:cases_encodeFeature", "true");
    return tableAjax(p, "<update id=\"casesForm:cases\"");
  }

  /**
   * Opens a case page.
   *
   * @param id the case id
   * @return the answer; not {@code ok} unless the case is shown
   */
  Answer openCase(long id) throws IOException, InterruptedException {
    Answer a = get("app/case.xhtml?id=" + id);
    if (a.ok() && !a.body().contains("id=\"caseCode\"")) {
      return fail(a, "case " + id + " not shown");
    }
    return a;
  }

  /**
   * Opens the referral inbox and accepts the first referral waiting there, as the "Accept" button
   * does.
   *
   * @return the answers of the inbox and of the acceptance; only the inbox's when none is waiting
   */
  List<Answer> acceptFirstWaitingReferral() throws IOException, InterruptedException {
    Answer inbox = get("app/inbox.xhtml");
    List<Answer> answers = new ArrayList<>(List.of(inbox));
    if (!inbox.ok()) {
      return answers;
    }
    Matcher button = ACCEPT_BUTTON.matcher(inbox.body());
    Matcher action =
        Pattern.compile(String.format(FORM_ACTION.pattern(), "inboxForm")).matcher(inbox.body());
    Matcher state = VIEW_STATE.matcher(inbox.body());
    if (!button.find() || !action.find() || !state.find()) {
      return answers;
    }
    Map<String, String> fields = formFields(inbox.body(), "inboxForm");
    fields.put(button.group(2), "");
    fields.put("jakarta.faces.ViewState", state.group(1));
    putNonce(fields, inbox.body());
    long start = System.nanoTime();
    HttpResponse<String> r = send(post(base.resolve(unescape(action.group(1))), fields, false));
    answers.add(answer(r, System.nanoTime() - start, "id=\"loginForm\""));
    return answers;
  }

  /**
   * Uploads a file to the HTCDS import page as PrimeFaces' file upload does (one Ajax multipart
   * request), and when the page then waits for a choice about persons who already have a case,
   * chooses to import them as new cases ({@link #importKnownAsNew}; a second Ajax request, timed
   * with the first).
   *
   * @param fileName the file's name
   * @param content its bytes
   * @param successText what the last answer holds when the import is done
   * @return the last answer, with the time of both requests; {@code ok} when the page reports the
   *     import as done
   */
  Answer importHtcds(String fileName, byte[] content, String successText)
      throws IOException, InterruptedException {
    Answer page = get("app/import.xhtml");
    if (!page.ok()) {
      return page;
    }
    Matcher action =
        Pattern.compile(String.format(FORM_ACTION.pattern(), "importForm")).matcher(page.body());
    Matcher state = VIEW_STATE.matcher(page.body());
    if (!action.find() || !state.find() || !page.body().contains("id=\"importForm:file\"")) {
      return fail(page, "no import form");
    }
    // PrimeFaces sends the file under the upload component's client id (its widget's paramName).
    String fileField = "importForm:file";
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("importForm", "importForm");
    fields.put("jakarta.faces.ViewState", state.group(1));
    putNonce(fields, page.body());
    fields.put("jakarta.faces.partial.ajax", "true");
    fields.put("jakarta.faces.partial.execute", "importForm:file");
    fields.put("jakarta.faces.source", "importForm:file");
    fields.put("jakarta.faces.partial.render", IMPORT_RENDER);
    fields.put("importForm:file_totalFilesCount", "1");
    String boundary = "----nrmbench" + Long.toHexString(System.nanoTime());
    List<byte[]> parts = new ArrayList<>();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    parts.add(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    parts.add(content);
    parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(unescape(action.group(1))))
            .timeout(Duration.ofMinutes(30))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Faces-Request", "partial/ajax")
            .header("X-Requested-With", "XMLHttpRequest")
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
            .build();
    URI formAction = base.resolve(unescape(action.group(1)));
    long start = System.nanoTime();
    HttpResponse<String> r = send(request);
    Map<String, String> choice =
        r.statusCode() == 200 ? importKnownAsNew(r.body(), fields.get("primefaces.nonce")) : null;
    if (choice != null) {
      r = send(post(formAction, choice, true));
    }
    long nanos = System.nanoTime() - start;
    boolean done = r.statusCode() == 200 && r.body().contains(successText);
    return new Answer(
        r.statusCode(), r.body(), nanos, done, done ? null : "import not reported as done");
  }

  /** What the import page's upload and its choice redraw: messages, row errors, the choice. */
  private static final String IMPORT_RENDER =
      "importForm:messages importForm:errors importForm:known";

  /**
   * The coordinator's answer when the import page waits for her choice: the file names persons who
   * already have a case, or a person twice (issue 19), and nothing is imported until she chooses.
   * She imports them as new cases (the page's "import as new cases" button, as PrimeFaces posts
   * it), so that every row of the file is imported and timed; at 100,000 generated cases a file of
   * 10,000 rows names a few dozen of them.
   *
   * @param answer the upload's partial response
   * @param nonce the page's Content-Security-Policy nonce, or {@code null}
   * @return the fields of the button's Ajax post; {@code null} when the answer asks for no choice
   *     (the import is done or refused) or holds no view state to post with
   */
  static Map<String, String> importKnownAsNew(String answer, String nonce) {
    Matcher vs = PARTIAL_VIEW_STATE.matcher(answer);
    if (!answer.contains("id=\"importForm:knownRows\"") || !vs.find()) {
      return null;
    }
    String button = "importForm:importKnownAsNew";
    Map<String, String> p = new LinkedHashMap<>();
    p.put("importForm", "importForm");
    p.put("jakarta.faces.partial.ajax", "true");
    p.put("jakarta.faces.source", button);
    p.put("jakarta.faces.partial.execute", "importForm");
    p.put("jakarta.faces.partial.render", IMPORT_RENDER);
    p.put(button, button);
    p.put("jakarta.faces.ViewState", vs.group(1));
    if (nonce != null) {
      p.put("primefaces.nonce", nonce);
    }
    return p;
  }

  /** What one document download gave: its status, the bytes read, and whether they matched. */
  record Download(int status, long bytes, long nanos, boolean matches, String problem) {}

  /**
   * Uploads a file through the case page's Documents form, as the browser posts it: one non-Ajax
   * multipart request with the form's fields, the title, the type, the file and the upload button.
   *
   * @param caseId the case
   * @param title the document's title
   * @param type the document type's value, e.g. {@code OTHER}
   * @param fileName the file's name
   * @param contentType the file part's content type
   * @param content the file's bytes
   * @return the answer, timed from sending the post to the last byte of the page it answers with;
   *     not {@code ok} when the page has no upload form or the post fails (whether the document was
   *     stored is for the caller to check)
   */
  Answer uploadCaseDocument(
      long caseId, String title, String type, String fileName, String contentType, byte[] content)
      throws IOException, InterruptedException {
    Answer page = get("app/case.xhtml?id=" + caseId);
    if (!page.ok()) {
      return page;
    }
    String html = page.body();
    Matcher action =
        Pattern.compile(String.format(FORM_ACTION.pattern(), "documentsForm")).matcher(html);
    if (!action.find() || !html.contains("id=\"documentsForm:uploadDocument\"")) {
      return fail(page, "no document upload form on case " + caseId);
    }
    String fileField = fileInputName(html, "documentsForm");
    if (fileField == null) {
      return fail(page, "no file input in the document upload form");
    }
    Map<String, String> fields = formFields(html, "documentsForm");
    fields.put("documentsForm", "documentsForm");
    fields.put("documentsForm:documentTitle", title);
    fields.put("documentsForm:documentType_input", type);
    fields.put("documentsForm:uploadDocument", "");
    putNonce(fields, html);
    String boundary = "----nrmbench" + Long.toHexString(System.nanoTime());
    List<byte[]> parts = new ArrayList<>();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    parts.add(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    parts.add(content);
    parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(unescape(action.group(1))))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> r = send(request);
    return answer(r, System.nanoTime() - start, "id=\"loginForm\"");
  }

  /**
   * Downloads a file and compares it, as it arrives, with the bytes expected (nothing is kept).
   *
   * @param path relative to the server's root, e.g. {@code app/document?id=7}
   * @param expected the bytes the file must have
   * @param timeout how long the whole download may take
   * @return status, bytes read, time from sending to the last byte, and whether they matched
   */
  Download download(String path, byte[] expected, Duration timeout)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<java.io.InputStream> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long count = 0;
    boolean same = true;
    byte[] buffer = new byte[64 * 1024];
    try (java.io.InputStream in = r.body()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (same
            && (count + n > expected.length
                || !java.util.Arrays.equals(
                    buffer, 0, n, expected, (int) count, (int) count + n))) {
          same = false;
        }
        count += n;
      }
    }
    long nanos = System.nanoTime() - start;
    boolean matches = r.statusCode() == 200 && same && count == expected.length;
    String problem = null;
    if (r.statusCode() != 200) {
      problem = "HTTP " + r.statusCode() + " for " + path;
    } else if (!matches) {
      problem = "the bytes of " + path + " differ from the upload (" + count + " read)";
    }
    return new Download(r.statusCode(), count, nanos, matches, problem);
  }

  /** The name of the first file input of a form, or null. */
  private static String fileInputName(String html, String formId) {
    int start = html.indexOf("<form id=\"" + formId + "\"");
    int end = start < 0 ? -1 : html.indexOf("</form>", start);
    if (start < 0 || end < 0) {
      return null;
    }
    Matcher in = INPUT.matcher(html.substring(start, end));
    while (in.find()) {
      Map<String, String> a = attributes(in.group(1));
      if ("file".equals(a.get("type")) && a.get("name") != null) {
        return a.get("name");
      }
    }
    return null;
  }

  private Map<String, String> ajax(String source) {
    Map<String, String> p = new LinkedHashMap<>(form);
    p.put("jakarta.faces.partial.ajax", "true");
    p.put("jakarta.faces.source", source);
    p.put("jakarta.faces.partial.execute", source);
    p.put("jakarta.faces.partial.render", source);
    p.put(source, source);
    p.put("jakarta.faces.ViewState", viewState);
    if (nonce != null) {
      p.put("primefaces.nonce", nonce);
    }
    return p;
  }

  /**
   * Adds the page's Content-Security-Policy nonce, as PrimeFaces' script does, if the page has one.
   */
  private static void putNonce(Map<String, String> fields, String html) {
    Matcher m = CSP_NONCE.matcher(html);
    if (m.find()) {
      fields.put("primefaces.nonce", m.group(1));
    }
  }

  private Answer tableAjax(Map<String, String> params, String expected)
      throws IOException, InterruptedException {
    if (viewState == null) {
      throw new IllegalStateException("open the case list first");
    }
    URI uri = base.resolve(listPath.replaceFirst("\\?.*", ""));
    long start = System.nanoTime();
    HttpResponse<String> r = send(post(uri, params, true));
    long nanos = System.nanoTime() - start;
    String body = r.body();
    Matcher vs = PARTIAL_VIEW_STATE.matcher(body);
    if (vs.find()) {
      viewState = vs.group(1);
    }
    Matcher t = TOTAL_RECORDS.matcher(body);
    if (t.find()) {
      total = Long.parseLong(t.group(1));
    }
    rowIds = caseIds(body);
    boolean ok =
        r.statusCode() == 200
            && body.contains("<partial-response")
            && !body.contains("<error>")
            && body.contains(expected);
    String problem = null;
    if (!ok) {
      Matcher error = Pattern.compile("<error-name>([^<]*)</error-name>").matcher(body);
      problem =
          "unexpected answer to a table request (HTTP "
              + r.statusCode()
              + (error.find()
                  ? ", " + error.group(1)
                  : body.contains("<redirect") ? ", redirect" : "")
              + "; asked for "
              + expected.replace('"', '\'')
              + ", got "
              + rowIds.size()
              + " rows: "
              + glimpse(body)
              + ")";
    }
    return new Answer(r.statusCode(), body, nanos, ok, problem);
  }

  private HttpRequest post(URI uri, Map<String, String> fields, boolean ajax) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      if (!body.isEmpty()) {
        body.append('&');
      }
      body.append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (ajax) {
      b.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
    }
    return b.build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Answer answer(HttpResponse<String> r, long nanos, String mustNotContain) {
    String body = r.body();
    String problem = null;
    if (r.statusCode() != 200) {
      problem = "HTTP " + r.statusCode() + " for " + r.uri().getPath();
    } else if (body.contains("id=\"errorTitle\"")) {
      problem = "error page for " + r.uri().getPath();
    } else if (mustNotContain != null && body.contains(mustNotContain)) {
      problem = "sent to the login page from " + r.uri().getPath();
    }
    return new Answer(r.statusCode(), body, nanos, problem == null, problem);
  }

  private static Answer fail(Answer a, String problem) {
    return new Answer(a.status(), a.body(), a.nanos(), false, problem);
  }

  /**
   * What an unexpected answer said, for the error samples (the caseload is generated; no real
   * person's data): its text without markup, blanks collapsed, at most 240 characters.
   */
  static String glimpse(String body) {
    String text =
        body.replaceAll("(?s)<!\\[CDATA\\[|\\]\\]>", " ")
            .replaceAll("(?s)<script.*?</script>", " ")
            .replaceAll("<[^>]*>", " ")
            .replaceAll("\\s+", " ")
            .strip();
    return text.length() <= 240 ? text : text.substring(0, 240) + "…";
  }

  private static List<Long> caseIds(String body) {
    List<Long> ids = new ArrayList<>();
    Matcher m = CASE_LINK.matcher(body);
    while (m.find()) {
      long id = Long.parseLong(m.group(1));
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The fields a browser would submit with a form: its inputs (not buttons or files) and selects.
   */
  static Map<String, String> formFields(String html, String formId) {
    int start = html.indexOf("<form id=\"" + formId + "\"");
    int end = start < 0 ? -1 : html.indexOf("</form>", start);
    Map<String, String> fields = new LinkedHashMap<>();
    if (start < 0 || end < 0) {
      return fields;
    }
    String form = html.substring(start, end);
    Matcher in = INPUT.matcher(form);
    while (in.find()) {
      Map<String, String> a = attributes(in.group(1));
      String type = a.getOrDefault("type", "text");
      String name = a.get("name");
      if (name == null
          || type.equals("submit")
          || type.equals("button")
          || type.equals("file")
          || type.equals("image")
          || ((type.equals("checkbox") || type.equals("radio"))
              && !in.group(1).contains("checked"))) {
        continue;
      }
      fields.put(name, unescape(a.getOrDefault("value", "")));
    }
    Matcher sel = SELECT.matcher(form);
    while (sel.find()) {
      String name = attributes(sel.group(1)).get("name");
      if (name != null) {
        Matcher opt = SELECTED_OPTION.matcher(sel.group(2));
        fields.put(name, opt.find() ? unescape(opt.group(1)) : "");
      }
    }
    return fields;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> a = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      a.putIfAbsent(m.group(1), m.group(2));
    }
    return a;
  }

  private static String unescape(String s) {
    return s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'");
  }

  /**
   * A cookie jar that sends cookies back as a browser does ({@code name=value}, unquoted). A plain
   * {@link CookieManager} takes Payara's {@code JSESSIONIDVERSION} cookie (set when the WAR is
   * distributable) for an RFC 2965 cookie, because its header contains {@code version=}, and sends
   * it back quoted; Payara then fails to parse it over HTTP/1.1 and answers an empty 200.
   */
  private static final class BrowserCookies extends CookieManager {
    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
      super.put(uri, responseHeaders);
      for (HttpCookie cookie : getCookieStore().getCookies()) {
        cookie.setVersion(0);
      }
    }
  }
}
