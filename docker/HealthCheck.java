import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK: exits 0 when the portal's readiness endpoint answers 200, 1 otherwise
 * (503 while the database is unreachable or not migrated, connection refused while Payara Micro
 * starts). Run by the JDK's source launcher, {@code java /opt/payara/HealthCheck.java [url]}, so the
 * image needs no curl or wget. Prints nothing on success; one line on failure (Docker keeps it in
 * {@code docker inspect}). Reads no personal data: the endpoint reports only the schema version.
 */
public class HealthCheck {

  /** The readiness endpoint of the portal inside its own container. */
  static final String DEFAULT_URL = "http://localhost:8080/health/ready";

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : DEFAULT_URL;
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200) {
        System.exit(0);
      }
      System.out.println("not ready: " + url + " answered " + status);
    } catch (Exception e) {
      System.out.println("not ready: " + url + ": " + e);
    }
    System.exit(1);
  }
}
