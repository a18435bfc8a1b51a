package rs.astra.nrm.web.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import rs.astra.nrm.demo.DemoDataSeeder;
import rs.astra.nrm.operations.DatabaseSettings;
import rs.astra.nrm.organisation.PortalRole;

/**
 * The deployment files under {@code docker/} (no Docker engine needed): the Dockerfile, the compose
 * file, its {@code .env.example}, the Keycloak realm and the container health check agree with each
 * other and with the portal. Paths are relative to the web module, where surefire runs.
 */
class DeploymentFilesTest {

  private static final Path DOCKER = Path.of("..", "docker");
  private static final Path ROOT_POM = Path.of("..", "pom.xml");

  /** The portal instances of compose.yaml (issue 20: two behind HAProxy). */
  private static final List<String> PORTALS = List.of("portal-a", "portal-b");

  /** The realm roles: the portal's roles ({@link PortalRole}) and the data protection officer. */
  static final List<String> REALM_ROLES =
      List.of(
          "ngo-caseworker",
          "ngo-coordinator",
          "csw-officer",
          "police-officer",
          "prosecutor",
          "health-worker",
          "cptv-officer",
          "admin",
          "dpo",
          "hotline-operator");

  private static final String PLACEHOLDER_SECRET = "change-me";
  private static final Pattern VARIABLE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}");

  // ---------------------------------------------------------------- images

  @Test
  void everyImageIsPinned() throws IOException {
    Map<String, Map<String, Object>> services = services();
    for (var service : services.entrySet()) {
      if (service.getValue().containsKey("build")) {
        continue; // the image name of a local build, never pulled
      }
      String image = (String) service.getValue().get("image");
      assertNotNull(image, service.getKey() + " has no image");
      assertPinned(image, "service " + service.getKey());
    }
    assertTrue(
        tag(image("db")).matches("15\\.\\d+"), "PostgreSQL 15, an exact minor: " + image("db"));
    assertEquals("quay.io/keycloak/keycloak:26.7.3", image("keycloak"));
  }

  @Test
  void dockerfileRunsThePayaraMicroOfThePom() throws Exception {
    List<String> from = dockerfile("FROM");
    assertEquals(1, from.size(), "one stage: " + from);
    String image = from.get(0).trim();
    assertPinned(image, "FROM");
    assertEquals("payara/micro", repository(image));
    String version = payaraMicroVersion();
    assertTrue(tag(image).contains(version), image + " is not Payara Micro " + version);
    // Payara 7 publishes JDK 21 under the bare version (older lines used a -jdk21 suffix).
    assertTrue(
        Set.of(version, version + "-jdk21").contains(tag(image)),
        image + " is not the JDK 21 image");
  }

  @Test
  void imageRunsAsPayaraAndHoldsNoSecret() throws IOException {
    List<String> users = dockerfile("USER");
    assertFalse(users.isEmpty(), "the Dockerfile names its user");
    assertEquals("payara", users.get(users.size() - 1).trim());
    for (String instruction : List.of("ENV", "ARG", "LABEL")) {
      for (String value : dockerfile(instruction)) {
        assertFalse(
            value.toUpperCase().matches("(?s).*(PASSWORD|SECRET|TOKEN).*"),
            instruction + " holds a secret: " + value);
      }
    }
  }

  @Test
  void imageDeploysTheWarAtTheRootThroughTheStartScript() throws Exception {
    assertEquals(
        List.of("/opt/payara/start-portal.sh"), jsonArray(dockerfile("ENTRYPOINT").get(0)));
    assertTrue(
        dockerfile("COPY").stream()
            .anyMatch(
                c ->
                    c.contains("docker/start-portal.sh")
                        && c.trim().endsWith("/opt/payara/start-portal.sh")),
        "the start script is in the image");
    List<String> args = startScript(Map.of());
    assertEquals("java", args.get(0));
    assertEquals("/", args.get(args.indexOf("--contextroot") + 1));
    assertEquals("8080", args.get(args.indexOf("--port") + 1));
    assertTrue(args.contains("--nocluster"), "one instance by default: " + args);
    // ... which Faces is told with a JVM option, to keep its views as objects (ViewStateStorage).
    assertTrue(args.contains("-Dnrm.singleInstance=true"), args.toString());
    assertTrue(args.indexOf("-Dnrm.singleInstance=true") < args.indexOf("-jar"), args.toString());
    // ... whose sessions stay in its memory: the pre-boot commands are in the image, where the
    // script looks for them by default; outside it (here) it takes the sources' file beside it.
    String image = "/opt/payara/single-instance.asadmin";
    assertTrue(
        Files.readString(DOCKER.resolve("start-portal.sh"))
            .contains("NRM_SINGLE_INSTANCE_COMMANDS-" + image),
        "the script's default");
    assertTrue(
        dockerfile("COPY").stream()
            .anyMatch(
                c ->
                    c.contains("web/src/main/payara/single-instance.asadmin")
                        && c.trim().endsWith(image)),
        "the single instance's pre-boot commands are copied to " + image);
    assertEquals(
        Path.of("src/main/payara/single-instance.asadmin").toRealPath(),
        Path.of(args.get(args.indexOf("--prebootcommandfile") + 1)).toRealPath(),
        "outside the image, the file beside the script");
    assertFalse(args.contains("--clustermode"), args.toString());
    String war = args.get(args.indexOf("--deploy") + 1);
    assertTrue(
        dockerfile("COPY").stream()
            .anyMatch(c -> c.contains("web/target/nrm-portal.war") && c.trim().endsWith(war)),
        "the WAR is copied to " + war);
    assertEquals("/opt/payara/payara-micro.jar", args.get(args.indexOf("-jar") + 1));
  }

  @Test
  void clusterMembersMakeACluster() throws Exception {
    String password = "a-cluster-password-of-some-length";
    List<String> args =
        startScript(
            Map.of(
                "NRM_CLUSTER_MEMBERS", "10.0.0.1:6900,10.0.0.2:6900",
                "NRM_CLUSTER_NAME", "nrm-test",
                "NRM_CLUSTER_PASSWORD", password,
                "NRM_CLUSTER_INTERFACE", "10.0.0.*"));
    assertFalse(args.contains("--nocluster"), args.toString());
    assertFalse(args.contains("--prebootcommandfile"), "a member replicates its sessions: " + args);
    assertFalse(args.contains("-Dnrm.singleInstance=true"), "and serialises its views: " + args);
    assertEquals("tcpip:10.0.0.1:6900,10.0.0.2:6900", args.get(args.indexOf("--clustermode") + 1));
    assertEquals("10.0.0.*", args.get(args.indexOf("--interfaces") + 1));
    assertEquals("6900", args.get(args.indexOf("--startport") + 1));
    String name = args.get(args.indexOf("--clustername") + 1);
    assertTrue(name.matches("nrm-test-[0-9a-f]{32}"), name);
    assertFalse(String.join(" ", args).contains(password), "the password is not on the command");
    // Another password, another cluster: Hazelcast refuses a member whose cluster name differs.
    List<String> stray =
        startScript(
            Map.of(
                "NRM_CLUSTER_MEMBERS", "10.0.0.1:6900,10.0.0.2:6900",
                "NRM_CLUSTER_NAME", "nrm-test",
                "NRM_CLUSTER_PASSWORD", password + "x"));
    assertNotEquals(name, stray.get(stray.indexOf("--clustername") + 1));
    // A member that stops answering is dropped within 10 s (issue 20: a frozen instance).
    String heartbeat =
        args.stream()
            .filter(a -> a.startsWith("-Dhazelcast.max.no.heartbeat.seconds="))
            .findFirst()
            .orElseThrow();
    assertTrue(Integer.parseInt(heartbeat.substring(heartbeat.indexOf('=') + 1)) <= 10);
    assertTrue(args.indexOf(heartbeat) < args.indexOf("-jar"), "a JVM option");

    List<String> dns =
        startScript(
            Map.of(
                "NRM_CLUSTER_MEMBERS",
                "dns:portal.nrm.svc:6900",
                "NRM_CLUSTER_PASSWORD",
                password));
    assertEquals("dns:portal.nrm.svc:6900", dns.get(dns.indexOf("--clustermode") + 1));
    assertEquals(
        64, startScriptExit(Map.of("NRM_CLUSTER_MEMBERS", "10.0.0.1:6900")), "no password");
    assertEquals(
        64,
        startScriptExit(
            Map.of("NRM_CLUSTER_MEMBERS", "10.0.0.1:6900", "NRM_CLUSTER_PASSWORD", "change-me")),
        "the placeholder of .env.example is too short");
    assertEquals(
        64,
        startScriptExit(
            Map.of(
                "NRM_CLUSTER_MEMBERS",
                "multicast:228.9.9.9:6900",
                "NRM_CLUSTER_PASSWORD",
                password)),
        "never multicast");
  }

  @Test
  void twoInstancesBehindHaproxyWithStickySessions() throws IOException {
    Map<String, Object> lb = services().get("lb");
    assertEquals("haproxy", repository((String) lb.get("image")));
    assertPinned((String) lb.get("image"), "lb");
    assertTrue(
        volumes("lb").contains("./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro"),
        "HAProxy's configuration mounted read-only");
    assertEquals(new TreeSet<>(PORTALS), new TreeSet<>(map(lb.get("depends_on")).keySet()));
    List<String> cfg =
        Files.readAllLines(DOCKER.resolve("haproxy").resolve("haproxy.cfg")).stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertTrue(cfg.contains("option httpchk GET /health/ready"), "health check on /health/ready");
    assertTrue(
        cfg.stream().anyMatch(l -> l.matches("cookie \\S+ insert indirect nocache.*")),
        "sticky sessions by a cookie of HAProxy's own");
    assertTrue(cfg.stream().anyMatch(l -> l.matches("default-server .*\\bcheck\\b.*")));
    String exposed = dockerfile("EXPOSE").get(0).trim();
    Set<String> cookies = new HashSet<>();
    for (String portal : PORTALS) {
      String server =
          cfg.stream()
              .filter(l -> l.startsWith("server " + portal + " "))
              .findFirst()
              .orElseThrow(() -> new AssertionError("HAProxy has no server " + portal));
      assertTrue(server.contains(" " + portal + ":" + exposed + " "), server);
      Matcher cookie = Pattern.compile(" cookie (\\S+)").matcher(server);
      assertTrue(cookie.find() && cookies.add(cookie.group(1)), "a cookie of its own: " + server);
    }
    String lbPort = hostPort(ports("lb").get(0));
    assertTrue(cfg.stream().anyMatch(l -> l.startsWith("bind :" + lbPort)));

    for (String portal : PORTALS) {
      Map<String, Object> environment = environment(portal);
      List<String> members = List.of(environment.get("NRM_CLUSTER_MEMBERS").toString().split(","));
      assertEquals(
          PORTALS.stream().map(p -> p + ":6900").toList(), members, portal + " knows every member");
      assertEquals(
          "${NRM_CLUSTER_PASSWORD:?set NRM_CLUSTER_PASSWORD in docker/.env}",
          environment.get("NRM_CLUSTER_PASSWORD"),
          "the cluster password comes from docker/.env");
      assertEquals(environment("portal-a"), environment, "the instances are configured alike");
      assertEquals(volumes("portal-a"), volumes(portal), "one data volume (the demo document key)");
    }
  }

  @Test
  void buildContextHoldsOnlyWhatTheDockerfileCopies() throws IOException {
    List<String> ignore =
        Files.readAllLines(DOCKER.resolve("Dockerfile.dockerignore")).stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertEquals("*", ignore.get(0), "everything is left out first");
    Set<String> kept =
        ignore.stream()
            .filter(l -> l.startsWith("!"))
            .map(l -> l.substring(1))
            .collect(Collectors.toSet());
    Set<String> copied = new TreeSet<>();
    for (String copy : dockerfile("COPY")) {
      List<String> words = new ArrayList<>(List.of(copy.trim().split("\\s+")));
      words.removeIf(w -> w.startsWith("--"));
      copied.addAll(words.subList(0, words.size() - 1));
    }
    assertEquals(copied, kept, "the build context is exactly what the Dockerfile copies");
    for (String source : copied) {
      assertFalse(source.contains(".env"), "no env file in the image: " + source);
    }
  }

  // ---------------------------------------------------------------- compose and .env

  @Test
  void portalGetsEveryVariableItReads() throws IOException {
    for (String portal : PORTALS) {
      portalGetsEveryVariableItReads(portal);
    }
  }

  private void portalGetsEveryVariableItReads(String portal) throws IOException {
    Map<String, Object> environment = environment(portal);
    List<String> read = new ArrayList<>(DatabaseSettings.ENVIRONMENT);
    read.addAll(rs.astra.nrm.web.security.AuthenticationSettings.ENVIRONMENT);
    for (String variable : read) {
      Object value = environment.get(variable);
      assertNotNull(value, "portal lacks " + variable);
      assertFalse(value.toString().isBlank(), variable + " is empty");
    }
    assertTrue(environment.get("NRM_DB_URL").toString().startsWith("jdbc:postgresql://db:5432/"));
    assertEquals("oidc", environment.get("NRM_AUTH"));
    assertEquals("nrm-portal", environment.get("NRM_OIDC_CLIENT_ID"));
    assertEquals("http://keycloak:8180/realms/nrm", environment.get("NRM_OIDC_ISSUER"));
    assertEquals("http://localhost:8080/callback", environment.get("NRM_OIDC_REDIRECT_URI"));
    String dataDir = environment.get("NRM_DATA_DIR").toString();
    assertTrue(
        volumes(portal).stream()
            .anyMatch(v -> v.endsWith(":" + dataDir) && !v.startsWith(".") && !v.startsWith("/")),
        "NRM_DATA_DIR " + dataDir + " is a named volume");
  }

  @Test
  void secretsComeOnlyFromTheEnvFile() throws IOException {
    for (var service : services().entrySet()) {
      Map<String, Object> environment = environment(service.getKey());
      for (var variable : environment.entrySet()) {
        if (variable.getKey().matches(".*(PASSWORD|SECRET).*")) {
          assertTrue(
              variable.getValue().toString().matches("\\$\\{[A-Z0-9_]+(:?[?-][^}]*)?}"),
              service.getKey() + " " + variable.getKey() + " is written into compose.yaml");
        }
      }
    }
  }

  @Test
  void everyComposeVariableIsInTheEnvExample() throws IOException {
    Set<String> used = new TreeSet<>();
    collectVariables(compose(), used);
    assertFalse(used.isEmpty());
    Map<String, String> example = envExample();
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(example.keySet());
    assertTrue(missing.isEmpty(), "not in .env.example: " + missing);
  }

  @Test
  void envExampleHoldsNoRealSecret() throws IOException {
    Map<String, String> example = envExample();
    assertTrue(example.keySet().stream().anyMatch(k -> k.contains("PASSWORD")));
    for (var entry : example.entrySet()) {
      if (entry.getKey().contains("PASSWORD") || entry.getKey().contains("SECRET")) {
        assertEquals(PLACEHOLDER_SECRET, entry.getValue(), entry.getKey());
      }
    }
    List<String> ignored =
        Files.readAllLines(Path.of("..", ".gitignore")).stream().map(String::trim).toList();
    assertTrue(ignored.contains(".env"), "git ignores docker/.env");
  }

  @Test
  void everyNamedVolumeIsDeclaredAndUsed() throws IOException {
    Map<String, Object> declared = map(compose().get("volumes"));
    Set<String> used = new TreeSet<>();
    for (String service : services().keySet()) {
      for (String volume : volumes(service)) {
        String source = volume.split(":")[0];
        if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~")) {
          used.add(source);
        }
      }
    }
    assertFalse(used.isEmpty());
    assertEquals(new TreeSet<>(declared.keySet()), used, "declared volumes = named volumes in use");
    assertTrue(
        volumes("db").stream().anyMatch(v -> v.endsWith(":/var/lib/postgresql/data")),
        "database on a volume");
    assertTrue(
        volumes("keycloak").contains("./keycloak:/opt/keycloak/data/import:ro"),
        "realm mounted read-only for import");
  }

  @Test
  void hostPortsAreUniqueAndThePortalPortIsTheImagePort() throws IOException {
    Set<String> hostPorts = new HashSet<>();
    for (String service : services().keySet()) {
      for (String port : ports(service)) {
        String host = hostPort(port);
        assertTrue(hostPorts.add(host), "host port " + host + " used twice");
      }
    }
    assertEquals(List.of("8180:8180"), ports("keycloak"));
    // The portal instances are reached through HAProxy only.
    for (String portal : PORTALS) {
      assertEquals(List.of(), ports(portal), portal);
    }
    List<String> lb = ports("lb");
    assertEquals(1, lb.size());
    assertEquals("8080", hostPort(lb.get(0)));
  }

  @Test
  void portalStartsWhenDatabaseAndKeycloakAreHealthy() throws IOException {
    for (String portal : PORTALS) {
      portalStartsWhenDatabaseAndKeycloakAreHealthy(portal);
    }
  }

  private void portalStartsWhenDatabaseAndKeycloakAreHealthy(String portal) throws IOException {
    Map<String, Object> dependsOn = map(services().get(portal).get("depends_on"));
    assertEquals(Set.of("db", "keycloak"), dependsOn.keySet());
    for (String dependency : dependsOn.keySet()) {
      assertEquals("service_healthy", map(dependsOn.get(dependency)).get("condition"), dependency);
    }
    for (String service : List.of("db", "keycloak", portal)) {
      Map<String, Object> healthcheck = map(services().get(service).get("healthcheck"));
      assertNotNull(healthcheck.get("test"), service + " has a health check");
      assertNotEquals(Boolean.TRUE, healthcheck.get("disable"), service);
    }
    assertTrue(
        services().get("db").get("healthcheck").toString().contains("pg_isready"),
        "the database is checked by pg_isready");
    assertEquals("true", environment("keycloak").get("KC_HEALTH_ENABLED").toString());
    assertEquals(List.of("start-dev", "--import-realm"), services().get("keycloak").get("command"));
    Map<String, Object> build = map(services().get(portal).get("build"));
    assertEquals("..", build.get("context"));
    assertEquals("docker/Dockerfile", build.get("dockerfile"));
    assertEquals("nrm-portal:local", services().get(portal).get("image"));
  }

  // ---------------------------------------------------------------- Keycloak realm

  @Test
  void realmHasTheConfidentialPortalClient() throws IOException {
    Map<String, Object> realm = realm();
    assertEquals("nrm", realm.get("realm"));
    assertEquals(Boolean.TRUE, realm.get("enabled"));
    Map<String, Object> client = portalClient(realm);
    assertEquals("openid-connect", client.get("protocol"));
    assertEquals(Boolean.FALSE, client.get("publicClient"), "confidential");
    assertEquals(Boolean.TRUE, client.get("standardFlowEnabled"));
    assertEquals(Boolean.FALSE, client.get("directAccessGrantsEnabled"));
    assertEquals(Boolean.FALSE, client.get("implicitFlowEnabled"));
    List<String> redirects = strings(client.get("redirectUris"));
    assertFalse(redirects.isEmpty());
    // 8080 for the run command and compose, 18080 for the portal that .ci/run starts for the login
    // tests.
    assertEquals(List.of("http://localhost:8080/*", "http://localhost:18080/*"), redirects);
    assertEquals(
        List.of("http://localhost:8080", "http://localhost:18080"), client.get("webOrigins"));
    assertEquals(
        "http://localhost:8080/*##http://localhost:18080/*",
        map(client.get("attributes")).get("post.logout.redirect.uris"));
  }

  @Test
  void everyInstitutionSystemClientHasOneOrganisationAndASecretFromTheEnvironment()
      throws IOException {
    int systems = 0;
    for (Object o : (List<?>) realm().get("clients")) {
      Map<String, Object> client = map(o);
      if (!Boolean.TRUE.equals(client.get("serviceAccountsEnabled"))) {
        continue;
      }
      String id = (String) client.get("clientId");
      assertEquals(Boolean.FALSE, client.get("standardFlowEnabled"), id + " signs in no person");
      assertTrue(
          String.valueOf(client.get("secret")).startsWith("${"),
          id + "'s secret comes from the environment, never from the file");
      List<String> organisations = new ArrayList<>();
      for (Object m : (List<?>) client.getOrDefault("protocolMappers", List.of())) {
        Map<String, Object> config = map(map(m).get("config"));
        if ("organisation".equals(config.get("claim.name"))) {
          organisations.add(String.valueOf(config.get("claim.value")));
        }
      }
      if (id.equals("ci-no-organisation")) {
        assertEquals(List.of(), organisations, "the CI's client without organisation (403)");
      } else {
        assertEquals(1, organisations.size(), id + " carries exactly one organisation");
        assertFalse(organisations.get(0).isBlank(), id);
        systems++;
      }
    }
    assertTrue(systems > 0, "the realm has an institution system's client (issue 22)");
  }

  @Test
  void keycloakAndPortalShareTheClientSecretOfTheEnvFile() throws IOException {
    // Keycloak replaces ${VAR} in a realm file it imports at start-up with the environment
    // variable.
    assertEquals("${NRM_OIDC_CLIENT_SECRET}", portalClient(realm()).get("secret"));
    assertEquals(
        environment("portal-a").get("NRM_OIDC_CLIENT_SECRET"),
        environment("keycloak").get("NRM_OIDC_CLIENT_SECRET"));
  }

  @Test
  void realmHasEveryPortalRole() throws IOException {
    List<String> roles = realmRoles(realm());
    assertEquals(new TreeSet<>(REALM_ROLES), new TreeSet<>(roles));
    for (PortalRole role : PortalRole.values()) {
      assertTrue(roles.contains(role.roleName()), "realm lacks " + role.roleName());
    }
  }

  @Test
  void everyDemoUserHasOnePortalRoleAndAnOrganisation() throws IOException {
    Map<String, Map<String, Object>> users = users(realm());
    assertFalse(users.isEmpty());
    for (var entry : users.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> user = entry.getValue();
      if (name.equals(NO_ORGANISATION)) {
        continue;
      }
      List<String> roles =
          strings(user.get("realmRoles")).stream().filter(REALM_ROLES::contains).toList();
      assertEquals(1, roles.size(), name + " has exactly one portal role: " + roles);
      if (user.get("serviceAccountClientId") != null) {
        // An institution system's client (issue 22): its organisation is a claim of the client's.
        continue;
      }
      List<String> organisation = strings(map(user.get("attributes")).get("organisation"));
      assertEquals(1, organisation.size(), name);
      assertFalse(organisation.get(0).isBlank(), name);
      assertEquals(
          Boolean.TRUE,
          user.get("enabled"),
          name + " is enabled (Keycloak imports users disabled otherwise)");
      assertEquals(Boolean.TRUE, user.get("emailVerified"), name);
      assertEquals(name + "@nrm.example", user.get("email"));
      Map<String, Object> credential = map(((List<?>) user.get("credentials")).get(0));
      assertEquals("password", credential.get("type"), name);
      assertEquals(DemoDataSeeder.DEMO_PASSWORD, credential.get("value"), name);
      assertEquals(Boolean.FALSE, credential.get("temporary"), name);
    }
    assertEquals(
        REALM_ROLES.size(),
        users.values().stream().map(DeploymentFilesTest::role).distinct().count(),
        "a user per role");
  }

  /**
   * The one realm user without an organisation: the login tests prove that the portal refuses her.
   */
  static final String NO_ORGANISATION = "no.organisation";

  @Test
  void theUserWithoutOrganisationHasARoleButNoOrganisation() throws IOException {
    Map<String, Object> user = users(realm()).get(NO_ORGANISATION);
    assertNotNull(user);
    assertEquals("ngo-caseworker", role(user));
    assertNull(map(user.get("attributes")).get("organisation"));
  }

  @Test
  void realmHasThePortalsDemoUsers() throws IOException {
    Map<String, Map<String, Object>> users = users(realm());
    for (DemoDataSeeder.DemoUser demo : DemoDataSeeder.USERS) {
      Map<String, Object> user = users.get(demo.username());
      assertNotNull(user, "realm lacks " + demo.username());
      assertEquals(demo.role().roleName(), role(user), demo.username());
      assertEquals(
          List.of(demo.organisation()),
          map(user.get("attributes")).get("organisation"),
          demo.username());
      assertEquals(
          demo.displayName(), user.get("firstName") + " " + user.get("lastName"), demo.username());
    }
    assertEquals("dpo", role(users.get("dpo")));
    assertEquals(
        List.of(DemoDataSeeder.ASTRA), map(users.get("dpo").get("attributes")).get("organisation"));
  }

  @Test
  void tokensCarryTheRolesAsGroupsAndTheOrganisation() throws IOException {
    Map<String, Object> client = portalClient(realm());
    Map<String, Map<String, Object>> mappers = new LinkedHashMap<>();
    for (Object mapper : (List<?>) client.get("protocolMappers")) {
      mappers.put(
          (String) map(mapper).get("protocolMapper")
              + "/"
              + map(map(mapper).get("config")).get("claim.name"),
          map(mapper));
    }
    Map<String, Object> groups = mappers.get("oidc-usermodel-realm-role-mapper/groups");
    assertNotNull(groups, "realm roles → groups mapper: " + mappers.keySet());
    Map<String, Object> groupsConfig = map(groups.get("config"));
    assertEquals("true", groupsConfig.get("multivalued"));
    assertEquals("true", groupsConfig.get("id.token.claim"));
    assertEquals("true", groupsConfig.get("access.token.claim"));

    Map<String, Object> organisation = mappers.get("oidc-usermodel-attribute-mapper/organisation");
    assertNotNull(organisation, "organisation mapper: " + mappers.keySet());
    Map<String, Object> organisationConfig = map(organisation.get("config"));
    assertEquals("organisation", organisationConfig.get("user.attribute"));
    assertEquals("true", organisationConfig.get("id.token.claim"));
    assertEquals("true", organisationConfig.get("access.token.claim"));

    // Only the portal's roles reach the groups claim (no default-roles-nrm, offline_access, ...).
    assertEquals(Boolean.FALSE, client.get("fullScopeAllowed"));
    Map<String, Object> scope =
        ((List<?>) realm().get("scopeMappings"))
            .stream()
                .map(DeploymentFilesTest::map)
                .filter(s -> "nrm-portal".equals(s.get("client")))
                .findFirst()
                .orElseThrow();
    assertEquals(new TreeSet<>(REALM_ROLES), new TreeSet<>(strings(scope.get("roles"))));
  }

  @Test
  void organisationIsAUserProfileAttributeOnlyAdministratorsEdit() throws IOException {
    // Keycloak 24+ keeps only attributes its user profile declares; undeclared ones never reach a
    // token.
    Map<String, Object> components = map(realm().get("components"));
    Map<String, Object> profile =
        map(((List<?>) components.get("org.keycloak.userprofile.UserProfileProvider")).get(0));
    assertEquals("declarative-user-profile", profile.get("providerId"));
    String json = strings(map(profile.get("config")).get("kc.user.profile.config")).get(0);
    Map<String, Object> config = map(yaml().load(json));
    Map<String, Map<String, Object>> attributes = new LinkedHashMap<>();
    for (Object attribute : (List<?>) config.get("attributes")) {
      attributes.put((String) map(attribute).get("name"), map(attribute));
    }
    assertTrue(
        attributes
            .keySet()
            .containsAll(List.of("username", "email", "firstName", "lastName", "organisation")));
    Map<String, Object> permissions = map(attributes.get("organisation").get("permissions"));
    assertEquals(
        List.of("admin"), permissions.get("edit"), "users cannot change their own organisation");
  }

  @Test
  void administratorsMustUseOtp() throws IOException {
    Map<String, Object> realm = realm();
    Map<String, Object> admin = users(realm).get("admin");
    assertEquals("admin", role(admin));
    // The demo admin has a seeded authenticator (TOTP, HMAC-SHA1, 6 digits, 30 s) so that the login
    // tests can compute her code; real administrators enrol their own device.
    Map<String, Object> otp =
        ((List<?>) admin.get("credentials"))
            .stream()
                .map(DeploymentFilesTest::map)
                .filter(c -> "otp".equals(c.get("type")))
                .findFirst()
                .orElseThrow();
    assertEquals(
        "totp", map(yaml().load(String.valueOf(otp.get("credentialData")))).get("subType"));

    // And for every holder of the admin role: the browser flow asks for OTP after the password.
    Map<String, Map<String, Object>> flows = new LinkedHashMap<>();
    for (Object flow : (List<?>) realm.get("authenticationFlows")) {
      flows.put((String) map(flow).get("alias"), map(flow));
    }
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    for (Object config : (List<?>) realm.get("authenticatorConfig")) {
      Map<String, Object> c = map(config);
      Map<String, String> values = new LinkedHashMap<>();
      map(c.get("config")).forEach((k, v) -> values.put(k, String.valueOf(v)));
      configs.put((String) c.get("alias"), values);
    }
    String browser = (String) realm.get("browserFlow");
    assertNotNull(flows.get(browser), "browser flow " + browser + " is defined");
    assertEquals(Boolean.TRUE, flows.get(browser).get("topLevel"));
    List<Map<String, Object>> reachable = reachableExecutions(flows, browser);
    boolean adminOtp = false;
    for (Map<String, Object> flow : flows.values()) {
      List<Map<String, Object>> executions = executions(flow);
      boolean adminCondition =
          executions.stream()
              .anyMatch(
                  e ->
                      "conditional-user-role".equals(e.get("authenticator"))
                          && "REQUIRED".equals(e.get("requirement"))
                          && Map.of("condUserRole", "admin", "negate", "false")
                              .equals(configs.get((String) e.get("authenticatorConfig"))));
      boolean otpRequired =
          executions.stream()
              .anyMatch(
                  e ->
                      "auth-otp-form".equals(e.get("authenticator"))
                          && "REQUIRED".equals(e.get("requirement")));
      boolean conditionalSubflow =
          reachable.stream()
              .anyMatch(
                  e ->
                      flow.get("alias").equals(e.get("flowAlias"))
                          && "CONDITIONAL".equals(e.get("requirement")));
      adminOtp |= adminCondition && otpRequired && conditionalSubflow;
    }
    assertTrue(adminOtp, "the browser flow has a conditional sub-flow: role admin → OTP required");
    assertTrue(
        reachable.stream()
            .anyMatch(e -> "auth-username-password-form".equals(e.get("authenticator"))),
        "the browser flow still asks for the password");
  }

  // ---------------------------------------------------------------- health check

  @Test
  void healthCheckPassesOnlyWhenThePortalIsReady() throws Exception {
    assertTrue(
        dockerfile("COPY").stream()
            .anyMatch(
                c ->
                    c.contains("docker/HealthCheck.java")
                        && c.trim().endsWith("/opt/payara/HealthCheck.java")));
    assertTrue(
        String.join(" ", dockerfile("HEALTHCHECK")).contains("/opt/payara/HealthCheck.java"));

    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    int[] status = {200};
    server.createContext(
        "/health/ready",
        exchange -> {
          exchange.sendResponseHeaders(status[0], -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready";
      assertEquals(0, runHealthCheck(url), "200 is healthy");
      status[0] = 503;
      assertEquals(1, runHealthCheck(url), "503 is not");
    } finally {
      server.stop(0);
    }
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertEquals(
        1, runHealthCheck("http://127.0.0.1:" + closed + "/health/ready"), "no answer is not");
  }

  /**
   * A single instance's pre-boot commands and the operator's own (NRM_PREBOOT_COMMANDS, e.g. the
   * scheme mapping README gives for a proxy that ends TLS) go to Payara Micro as one file, because
   * it reads one pre-boot file only: a second {@code --prebootcommandfile} would silently replace
   * the single instance's (ninth trial, 2026-12-07), so the script refuses one among its arguments.
   */
  @Test
  void preBootCommandsOfTheOperatorAreJoinedWithTheSingleInstances() throws Exception {
    Path own = Files.createTempFile("own", ".asadmin");
    String mapping =
        "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
            + ".scheme-mapping=X-Forwarded-Proto";
    Files.writeString(own, mapping + "\n");
    Path single = Path.of("src/main/payara/single-instance.asadmin").toAbsolutePath();
    List<String> args =
        startScript(
            Map.of(
                "NRM_SINGLE_INSTANCE_COMMANDS", single.toString(),
                "NRM_PREBOOT_COMMANDS", own.toString()));
    assertEquals(1, args.stream().filter("--prebootcommandfile"::equals).count(), args.toString());
    Path joined = Path.of(args.get(args.indexOf("--prebootcommandfile") + 1));
    List<String> commands = Files.readAllLines(joined).stream().filter(l -> !l.isBlank()).toList();
    assertEquals(
        List.of(Files.readString(single).strip(), mapping), commands, "both, the instance's first");
    Files.delete(joined);
    assertEquals(
        64,
        startScriptExit(Map.of(), "--prebootcommandfile", own.toString()),
        "a second pre-boot file would replace the single instance's");
    assertEquals(
        64,
        startScriptExit(Map.of(), "--PreBootCommandFile", own.toString()),
        "Payara Micro reads its options in any case");
    assertEquals(
        64,
        startScriptExit(Map.of("NRM_SINGLE_INSTANCE_COMMANDS", own + ".missing")),
        "a file named but missing is not replaced by the default");
    assertEquals(
        64,
        startScriptExit(Map.of("NRM_PREBOOT_COMMANDS", own + ".missing")),
        "a file that is not there");
    List<String> none = startScript(Map.of("NRM_SINGLE_INSTANCE_COMMANDS", ""));
    assertFalse(none.contains("--prebootcommandfile"), "empty: none " + none);
    Files.delete(own);
  }

  /**
   * Trial of session 19: the JVM options were expanded as file patterns in the working directory,
   * and blanks alone in NRM_CLUSTER_MEMBERS made a member of a cluster of no address.
   */
  @Test
  void theStartScriptTakesJvmOptionsAsTheyAreAndBlankMembersAsNone(@TempDir Path dir)
      throws Exception {
    Files.createFile(dir.resolve("-Xlog:gcfoo"));
    List<String> args =
        startScript(
            dir,
            Map.of(
                "NRM_JAVA_OPTS", "-Xlog:gc* -Xmx1g",
                "NRM_CLUSTER_MEMBERS", "  ",
                "NRM_SINGLE_INSTANCE_COMMANDS", ""));
    assertTrue(args.contains("-Xlog:gc*"), args.toString());
    assertFalse(args.contains("-Xlog:gcfoo"), args.toString());
    assertTrue(args.contains("--nocluster"), "blanks are no members: " + args);
    assertFalse(args.contains("--clustermode"), args.toString());
    List<String> spaced =
        startScript(
            Map.of(
                "NRM_CLUSTER_MEMBERS", " 10.0.0.1:6900, 10.0.0.2:6900 ",
                "NRM_CLUSTER_PASSWORD", "a-cluster-password-of-some-length"));
    assertEquals(
        "tcpip:10.0.0.1:6900,10.0.0.2:6900", spaced.get(spaced.indexOf("--clustermode") + 1));
  }

  /** The command line docker/start-portal.sh builds from these settings (its dry run). */
  private static List<String> startScript(Map<String, String> settings) throws Exception {
    return startScript(null, settings);
  }

  /** The same, run in the working directory {@code dir} ({@code null}: the test's own). */
  private static List<String> startScript(Path dir, Map<String, String> settings) throws Exception {
    Process process = startScriptProcess(dir, settings);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the start script ended");
    assertEquals(0, process.exitValue(), out);
    return List.of(out.split("\n"));
  }

  private static int startScriptExit(Map<String, String> settings, String... arguments)
      throws Exception {
    Process process = startScriptProcess(null, settings, arguments);
    process.getInputStream().transferTo(System.out);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the start script ended");
    return process.exitValue();
  }

  private static Process startScriptProcess(
      Path dir, Map<String, String> settings, String... arguments) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of("sh", DOCKER.resolve("start-portal.sh").toAbsolutePath().toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      builder.directory(dir.toFile());
    }
    builder.environment().keySet().removeIf(k -> k.startsWith("NRM_"));
    builder.environment().putAll(settings);
    builder.environment().put("NRM_START_DRY_RUN", "1");
    return builder.start();
  }

  private static int runHealthCheck(String url) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(java, DOCKER.resolve("HealthCheck.java").toString(), url)
            .redirectErrorStream(true)
            .start();
    process.getInputStream().transferTo(System.out);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("health check did not end");
    }
    return process.exitValue();
  }

  // ---------------------------------------------------------------- reading the files

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static Map<String, Object> load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return map(yaml().load(reader));
    }
  }

  private static Map<String, Object> compose() throws IOException {
    return load(DOCKER.resolve("compose.yaml"));
  }

  private static Map<String, Object> realm() throws IOException {
    return load(DOCKER.resolve("keycloak").resolve("nrm-realm.json")); // JSON is YAML
  }

  private static Map<String, Map<String, Object>> services() throws IOException {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    map(compose().get("services")).forEach((name, service) -> services.put(name, map(service)));
    assertEquals(
        Set.of("db", "keycloak", "mailpit", "portal-a", "portal-b", "lb"), services.keySet());
    return services;
  }

  private static String image(String service) throws IOException {
    return (String) services().get(service).get("image");
  }

  private static Map<String, Object> environment(String service) throws IOException {
    Object environment = services().get(service).get("environment");
    if (environment instanceof List<?> list) { // KEY=value form
      Map<String, Object> map = new LinkedHashMap<>();
      for (Object entry : list) {
        String[] kv = entry.toString().split("=", 2);
        map.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
      return map;
    }
    return environment == null ? Map.of() : map(environment);
  }

  private static List<String> volumes(String service) throws IOException {
    Object volumes = services().get(service).get("volumes");
    List<String> result = new ArrayList<>();
    if (volumes != null) {
      for (Object volume : (List<?>) volumes) {
        if (volume instanceof Map<?, ?> longForm) {
          result.add(longForm.get("source") + ":" + longForm.get("target"));
        } else {
          result.add(volume.toString());
        }
      }
    }
    return result;
  }

  private static List<String> ports(String service) throws IOException {
    Object ports = services().get(service).get("ports");
    return ports == null ? List.of() : strings(ports);
  }

  private static String hostPort(String mapping) {
    String[] parts = mapping.split(":");
    assertTrue(parts.length >= 2, "host port given: " + mapping);
    return parts[parts.length - 2];
  }

  private static void collectVariables(Object node, Set<String> into) {
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            collectVariables(k, into);
            collectVariables(v, into);
          });
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectVariables(v, into));
    } else if (node instanceof String s) {
      Matcher matcher = VARIABLE.matcher(s);
      while (matcher.find()) {
        into.add(matcher.group(1));
      }
    }
  }

  private static Map<String, String> envExample() throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] kv = trimmed.split("=", 2);
      assertEquals(2, kv.length, "KEY=value: " + line);
      values.put(kv[0].trim(), kv[1].trim());
    }
    return values;
  }

  /** The arguments of every instruction of that name, continuation lines joined. */
  private static List<String> dockerfile(String instruction) throws IOException {
    List<String> logical = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile"))) {
      if (current.isEmpty() && (line.isBlank() || line.trim().startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        logical.add(current.append(line).toString().trim());
        current.setLength(0);
      }
    }
    List<String> arguments = new ArrayList<>();
    for (String line : logical) {
      String[] parts = line.split("\\s+", 2);
      if (parts[0].equalsIgnoreCase(instruction)) {
        arguments.add(parts.length > 1 ? parts[1] : "");
      }
    }
    return arguments;
  }

  private static List<String> jsonArray(String exec) {
    return strings(yaml().load(exec));
  }

  private static String payaraMicroVersion() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document pom;
    try (InputStream in = Files.newInputStream(ROOT_POM)) {
      pom = factory.newDocumentBuilder().parse(in);
    }
    NodeList nodes = pom.getElementsByTagName("payara.micro.version");
    assertEquals(1, nodes.getLength(), "payara.micro.version in the root pom");
    return nodes.item(0).getTextContent().trim();
  }

  private static void assertPinned(String image, String where) {
    String tag = tag(image);
    assertNotNull(tag, where + ": " + image + " has no tag");
    assertNotEquals("latest", tag, where + ": " + image);
    assertTrue(tag.matches(".*\\d.*"), where + ": " + image + " is not a version");
  }

  /** The tag of {@code registry[:port]/name:tag}, or null. */
  private static String tag(String image) {
    String last = image.substring(image.lastIndexOf('/') + 1);
    int colon = last.indexOf(':');
    return colon < 0 ? null : last.substring(colon + 1);
  }

  private static String repository(String image) {
    String tag = tag(image);
    return tag == null ? image : image.substring(0, image.length() - tag.length() - 1);
  }

  private static Map<String, Object> portalClient(Map<String, Object> realm) {
    return ((List<?>) realm.get("clients"))
        .stream()
            .map(DeploymentFilesTest::map)
            .filter(c -> "nrm-portal".equals(c.get("clientId")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no client nrm-portal"));
  }

  private static List<String> realmRoles(Map<String, Object> realm) {
    return ((List<?>) map(realm.get("roles")).get("realm"))
        .stream().map(r -> (String) map(r).get("name")).toList();
  }

  private static Map<String, Map<String, Object>> users(Map<String, Object> realm) {
    Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    for (Object user : (List<?>) realm.get("users")) {
      Map<String, Object> u = map(user);
      assertNull(users.put((String) u.get("username"), u), "duplicate " + u.get("username"));
    }
    return users;
  }

  private static String role(Map<String, Object> user) {
    return strings(user.get("realmRoles")).stream()
        .filter(REALM_ROLES::contains)
        .findFirst()
        .orElse(null);
  }

  private static List<Map<String, Object>> executions(Map<String, Object> flow) {
    return ((List<?>) flow.get("authenticationExecutions"))
        .stream().map(DeploymentFilesTest::map).toList();
  }

  /** Every execution of a flow and of the sub-flows it reaches. */
  private static List<Map<String, Object>> reachableExecutions(
      Map<String, Map<String, Object>> flows, String alias) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> execution : executions(flows.get(alias))) {
      result.add(execution);
      Object sub = execution.get("flowAlias");
      if (sub != null) {
        assertNotNull(flows.get(sub), "sub-flow " + sub + " is defined");
        result.addAll(reachableExecutions(flows, (String) sub));
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertTrue(node instanceof Map, "a mapping: " + node);
    return (Map<String, Object>) node;
  }

  private static List<String> strings(Object node) {
    assertTrue(node instanceof List, "a list: " + node);
    return ((List<?>) node).stream().map(String::valueOf).toList();
  }
}
