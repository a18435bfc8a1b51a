package rs.astra.nrm.web;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with both binaries given explicitly (no driver
 * download): what a person does in the portal, step by step, with screenshots under {@code
 * web/target/screenshots/}.
 */
final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String base;

  Browser(URL base) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("nrm.test.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--lang=sr");
    // The console is read for Content-Security-Policy violations (cspViolations).
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("nrm.test.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    this.base = base.toString().endsWith("/") ? base.toString() : base + "/";
  }

  /** Signs in on the login page, after signing out any previous user. */
  void login(String username) {
    driver.manage().deleteAllCookies();
    openLoginPage();
    driver.findElement(By.id("loginForm:username")).sendKeys(username);
    driver.findElement(By.id("loginForm:password")).sendKeys("demo");
    driver.findElement(By.id("loginForm:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("currentUser")));
  }

  /**
   * Opens the login page and waits for its form. A page without the form is loaded again up to
   * three times, each such answer printed (address, title, text) so that a CI log says what the
   * browser saw; after that the test fails with the same description.
   */
  private void openLoginPage() {
    String seen = "";
    for (int attempt = 1; attempt <= 3; attempt++) {
      open("login.xhtml");
      try {
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.presenceOfElementLocated(By.id("loginForm:username")));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        seen = describePage();
        System.out.println(
            "Browser: the login page had no form (attempt " + attempt + "): " + seen);
        screenshot("login-page-without-form-" + attempt);
      }
    }
    throw new AssertionError("the login page never showed its form; the browser saw " + seen);
  }

  /** Address, title and the start of the text of the current page, for a failure message. */
  private String describePage() {
    try {
      String text = driver.findElement(By.tagName("body")).getText();
      return driver.getCurrentUrl()
          + " «"
          + driver.getTitle()
          + "» "
          + text.substring(0, Math.min(400, text.length())).replace('\n', ' ');
    } catch (org.openqa.selenium.WebDriverException e) {
      return driver.getCurrentUrl() + " (page unreadable: " + e.getClass().getSimpleName() + ")";
    }
  }

  void open(String path) {
    driver.get(base + path);
  }

  WebElement find(String cssSelector) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
  }

  WebElement visible(String cssSelector) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
  }

  List<WebElement> all(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector));
  }

  boolean present(String cssSelector) {
    return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
  }

  /** Clicks and waits for the next page of a full (non-Ajax) submit. */
  void submit(WebElement button) {
    WebElement html = driver.findElement(By.tagName("html"));
    reveal(button);
    button.click();
    wait.until(d -> isGone(html));
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Whether an element of the previous page is gone. Selenium's own staleness check expects a
   * StaleElementReferenceException; Chromium sometimes answers a moment earlier with "Node with
   * given id does not belong to the document", which means the same.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Sets a value in a PrimeFaces selectOneMenu through its widget. In PrimeFaces 15 this fires no
   * change event and no Ajax: use it before a full submit, or follow it with an action that
   * processes the form (a ticked checkbox with Ajax does).
   */
  void choose(String clientId, String value) {
    String widget = "widget_" + clientId.replace(':', '_');
    ((JavascriptExecutor) driver)
        .executeScript("PF(arguments[0]).selectValue(arguments[1]);", widget, value);
    waitForAjax();
  }

  /**
   * Chooses the option with this value in a PrimeFaces selectOneMenu through its widget (see {@link
   * #choose}: no Ajax fires), then checks that the form will submit it. Language-independent: works
   * with values, not labels.
   */
  void pickValue(String clientId, String value) {
    choose(clientId, value);
    Object selected =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return document.getElementById(arguments[0]).value;", clientId + "_input");
    if (!value.equals(selected)) {
      screenshot("failed-pick-" + clientId.replace(':', '_'));
      throw new AssertionError(clientId + " holds " + selected + ", not " + value);
    }
  }

  /** Replaces the text of an input with this text, checks it is there and leaves the field. */
  void typeText(String id, String text) {
    WebElement input = driver.findElement(By.id(id));
    reveal(input);
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = '';", input);
    input.sendKeys(text);
    wait.until(d -> text.equals(d.findElement(By.id(id)).getAttribute("value")));
    input.sendKeys(org.openqa.selenium.Keys.TAB);
  }

  /**
   * Types a date as dd.MM.yyyy into a PrimeFaces datePicker, checks it is there, closes its
   * overlay.
   */
  void typeDate(String clientId, java.time.LocalDate date) {
    typeText(
        clientId + "_input",
        date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
  }

  /** Ticks the checkbox of a PrimeFaces selectManyCheckbox that has this value. */
  void tick(String clientId, String value) {
    WebElement input =
        driver.findElement(By.cssSelector("input[name='" + clientId + "'][value='" + value + "']"));
    reveal(input);
    driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
    waitForAjax();
  }

  /**
   * Opens the closed {@code <details>} panels around an element by clicking their summaries, as a
   * person opens the "add" panel of the case page before she fills its form (issue 19); an element
   * in no closed panel is left as it is.
   */
  void reveal(WebElement element) {
    for (int i = 0; i < 5; i++) {
      Object summary =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "const d = arguments[0].closest('details:not([open])');"
                      + " return d ? d.querySelector(':scope > summary') : null;",
                  element);
      if (!(summary instanceof WebElement s)) {
        return;
      }
      s.click();
    }
  }

  /**
   * Gives the page a viewport of this size (Chromium's device metrics, as its device toolbar does),
   * e.g. 390 px wide for a phone or 768 px for a tablet; the window itself stays as it is.
   */
  void resize(int width, int height) {
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    wait.until(
        d ->
            ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;"))
                    .intValue()
                == width);
  }

  /**
   * @return the document's width beyond the window's, in CSS pixels (0 when nothing makes the page
   *     scroll sideways)
   */
  long horizontalOverflow() {
    return ((Number)
            script("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);"))
        .longValue();
  }

  void waitForAjax() {
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();"));
  }

  /**
   * Runs JavaScript in the page until its result satisfies the condition or 20 seconds have passed
   * (for what an Ajax update changes a moment after the queue looks empty).
   *
   * @return the last result, whether or not it satisfied the condition (the caller asserts on it)
   */
  Object scriptUntil(String javascript, java.util.function.Predicate<Object> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Object last = script(javascript);
    while (!condition.test(last) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      last = script(javascript);
    }
    return last;
  }

  /** Waits a moment (an animation of the page), without asking the page anything. */
  void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs JavaScript in the page and returns its result. */
  Object script(String javascript) {
    return ((JavascriptExecutor) driver).executeScript(javascript);
  }

  /**
   * The Content-Security-Policy violations Chromium reported in the console since the last call (a
   * blocked inline script or handler, a blocked resource).
   *
   * @return the console messages about the policy
   */
  List<String> cspViolations() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .toList();
  }

  /** The browser's Back button. */
  void back() {
    driver.navigate().back();
  }

  String pageSource() {
    return driver.getPageSource();
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  /**
   * Runs axe-core on the current page.
   *
   * @return the violations of impact "critical" or "serious", as "rule: target" lines
   */
  List<String> seriousAccessibilityViolations() {
    com.deque.html.axecore.results.Results results =
        new com.deque.html.axecore.selenium.AxeBuilder().analyze(driver);
    List<String> found = new java.util.ArrayList<>();
    for (com.deque.html.axecore.results.Rule rule : results.getViolations()) {
      if ("critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact())) {
        rule.getNodes()
            .forEach(
                n -> found.add(rule.getId() + " (" + rule.getImpact() + "): " + n.getTarget()));
      }
    }
    return found;
  }

  /**
   * The browser's cookies as a {@code Cookie} header, so that a plain HTTP client can fetch what
   * the signed-in user would download (headless Chromium's downloads are not read here).
   */
  String cookieHeader() {
    return driver.manage().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** Saves a PNG of the page as {@code web/target/screenshots/<name>.png}. */
  void screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("nrm.test.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      File png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Ends the browser; fails when a page of the portal broke its Content-Security-Policy while the
   * browser was open (every browser test thus checks that the policy, enforced, leaves the pages
   * working; Keycloak's own pages, under /realms/, are not judged here).
   */
  @Override
  public void close() {
    List<String> violations;
    try {
      violations = cspViolations().stream().filter(m -> !m.contains("/realms/")).toList();
    } finally {
      driver.quit();
    }
    if (!violations.isEmpty()) {
      throw new AssertionError("Content-Security-Policy violations: " + violations);
    }
  }
}
