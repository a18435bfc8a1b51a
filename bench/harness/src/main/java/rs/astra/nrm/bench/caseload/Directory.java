package rs.astra.nrm.bench.caseload;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import rs.astra.nrm.demo.DemoDataSeeder;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;

/**
 * The organisations and users of the generated caseload: the demo organisations and users exactly
 * as {@link DemoDataSeeder} creates them (ids 1–7 and 1–11), then {@value #PER_TYPE} more
 * organisations of every type, and users up to {@value #USERS} in all, each organisation with at
 * least one. Deterministic for a seed.
 */
final class Directory {

  /** Generated organisations per type, besides the demo ones. */
  static final int PER_TYPE = 30;

  /** Users in all, demo users included. */
  static final int USERS = 300;

  /** An organisation. */
  record Org(long id, String name, OrganisationType type, String city, boolean demo) {}

  /** A user. */
  record User(long id, String username, String displayName, Org org, PortalRole role) {}

  /** An employer or recruitment agency in an organisation's hotline registry (V9). */
  record RegistryEntry(
      long id, Org org, String name, String matchKey, String licence, boolean flagged) {}

  /** Registry entries per NGO. */
  static final int REGISTRY_PER_NGO = 40;

  private static final String[] AGENCIES = {
    "Euro Work Consulting",
    "Balkan Jobs Agency",
    "Global Care Staff",
    "Adriatic Seasonal",
    "Nord Logistik Personal",
    "Sunrise Hospitality",
    "Agencija Posao Plus",
    "Агенција Нови Пут",
    "Danube Construction",
    "Alpine Care Services"
  };

  private static final String[] CITIES = {
    "Novi Sad", "Kragujevac", "Subotica", "Zrenjanin", "Pančevo", "Čačak", "Kraljevo", "Novi Pazar",
        "Smederevo", "Leskovac",
    "Valjevo", "Kruševac", "Vranje", "Šabac", "Užice", "Sombor", "Požarevac", "Pirot", "Zaječar",
        "Kikinda",
    "Sremska Mitrovica", "Jagodina", "Vršac", "Bor", "Prokuplje", "Loznica", "Podgorica",
        "Sarajevo", "Skopje", "Tirana"
  };

  final List<Org> organisations = new ArrayList<>();
  final List<User> users = new ArrayList<>();
  final Map<OrganisationType, List<Org>> byType = new EnumMap<>(OrganisationType.class);
  private final Map<Long, List<User>> usersByOrg = new java.util.HashMap<>();

  Directory(long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_D12EC7L);
    for (DemoDataSeeder.DemoOrganisation d : DemoDataSeeder.ORGANISATIONS) {
      add(new Org(organisations.size() + 1, d.name(), d.type(), d.city(), true));
    }
    for (OrganisationType type : OrganisationType.values()) {
      for (int i = 0; i < PER_TYPE; i++) {
        add(new Org(organisations.size() + 1, name(type, CITIES[i]), type, CITIES[i], false));
      }
    }
    for (DemoDataSeeder.DemoUser u : DemoDataSeeder.USERS) {
      Org org =
          organisations.stream()
              .filter(o -> o.name().equals(u.organisation()))
              .findFirst()
              .orElseThrow();
      addUser(u.username(), u.displayName(), org, u.role());
    }
    // Every generated organisation gets one user of its kind; then NGOs a coordinator and a second
    // caseworker, centres for social work and police a second officer, until USERS.
    for (Org o : organisations) {
      if (!o.demo()) {
        addUser(username(o, 1), Names.staff(random), o, firstRole(o.type()));
      }
    }
    List<Runnable> extra = new ArrayList<>();
    for (Org o : generated(OrganisationType.NGO)) {
      extra.add(
          () ->
              addUser(
                  prefix(o) + ".coordinator", Names.staff(random), o, PortalRole.NGO_COORDINATOR));
    }
    for (Org o : generated(OrganisationType.NGO)) {
      extra.add(() -> addUser(username(o, 2), Names.staff(random), o, PortalRole.NGO_CASEWORKER));
    }
    for (Org o : generated(OrganisationType.SOCIAL_WORK_CENTRE)) {
      extra.add(() -> addUser(username(o, 2), Names.staff(random), o, PortalRole.CSW_OFFICER));
    }
    for (Org o : generated(OrganisationType.POLICE)) {
      extra.add(() -> addUser(username(o, 2), Names.staff(random), o, PortalRole.POLICE_OFFICER));
    }
    for (Runnable r : extra) {
      if (users.size() < USERS) {
        r.run();
      }
    }
    // Every NGO keeps a registry of the agencies and employers its hotline has checked.
    for (Org o : byType.get(OrganisationType.NGO)) {
      List<RegistryEntry> entries = new ArrayList<>();
      for (int k = 0; k < REGISTRY_PER_NGO; k++) {
        String name =
            AGENCIES[k % AGENCIES.length]
                + (k < AGENCIES.length ? "" : " " + (k / AGENCIES.length + 1));
        entries.add(
            new RegistryEntry(
                o.id() * 1000 + k + 1,
                o,
                name,
                rs.astra.nrm.shared.NameMatchKey.of(name),
                k % 3 == 0 ? "LIC-" + (1000 + k) : null,
                k % 7 == 0));
      }
      registries.put(o.id(), List.copyOf(entries));
    }
    // Looked up for every generated case: computed once.
    for (OrganisationType type : OrganisationType.values()) {
      generatedByType.put(type, byType.get(type).stream().filter(o -> !o.demo()).toList());
    }
    for (Org o : organisations) {
      staffByOrg.put(
          o.id(),
          usersByOrg.getOrDefault(o.id(), List.of()).stream()
              .filter(u -> !u.role().readsNoCaseData())
              .toList());
      if (o.demo()) {
        demoByName.put(o.name(), o);
      }
    }
  }

  private final Map<OrganisationType, List<Org>> generatedByType =
      new EnumMap<>(OrganisationType.class);
  private final Map<Long, List<User>> staffByOrg = new java.util.HashMap<>();
  private final Map<String, Org> demoByName = new java.util.HashMap<>();
  private final Map<Long, List<RegistryEntry>> registries = new java.util.LinkedHashMap<>();

  /**
   * @return the hotline registry of an NGO (empty for other organisations)
   */
  List<RegistryEntry> registry(Org org) {
    return registries.getOrDefault(org.id(), List.of());
  }

  /**
   * @return every registry entry, by organisation
   */
  List<RegistryEntry> registries() {
    return registries.values().stream().flatMap(List::stream).toList();
  }

  /**
   * @return who takes an NGO's hotline calls: its hotline operator, else its first caseworker
   */
  User hotlineOperator(Org org) {
    return usersByOrg.getOrDefault(org.id(), List.of()).stream()
        .filter(u -> u.role() == PortalRole.HOTLINE_OPERATOR)
        .findFirst()
        .orElseGet(() -> staff(org).getFirst());
  }

  private void add(Org o) {
    organisations.add(o);
    byType.computeIfAbsent(o.type(), t -> new ArrayList<>()).add(o);
  }

  private void addUser(String username, String displayName, Org org, PortalRole role) {
    User u = new User(users.size() + 1, username, displayName, org, role);
    users.add(u);
    usersByOrg.computeIfAbsent(org.id(), k -> new ArrayList<>()).add(u);
  }

  /**
   * @return the generated (not demo) organisations of a type
   */
  List<Org> generated(OrganisationType type) {
    List<Org> done = generatedByType.get(type);
    return done != null ? done : byType.get(type).stream().filter(o -> !o.demo()).toList();
  }

  /**
   * @return the demo organisation with that name
   */
  Org demo(String name) {
    Org o = demoByName.get(name);
    if (o == null) {
      throw new IllegalArgumentException("no demo organisation " + name);
    }
    return o;
  }

  /**
   * @return the users of an organisation who may work on cases (not administrators or DPOs)
   */
  List<User> staff(Org org) {
    return staffByOrg.getOrDefault(org.id(), List.of());
  }

  private static String name(OrganisationType type, String city) {
    return switch (type) {
      case NGO -> "Safe House " + city;
      case POLICE -> "Police Administration " + city;
      case PROSECUTOR -> "Higher Public Prosecutor's Office " + city;
      case SOCIAL_WORK_CENTRE -> "Centre for Social Work " + city;
      case HEALTH -> "General Hospital " + city;
      case CPTV -> "Victim Protection Centre " + city;
    };
  }

  private String prefix(Org o) {
    String type =
        switch (o.type()) {
          case NGO -> "ngo";
          case POLICE -> "police";
          case PROSECUTOR -> "prosecutor";
          case SOCIAL_WORK_CENTRE -> "csw";
          case HEALTH -> "health";
          case CPTV -> "cptv";
        };
    return String.format(
        "%s%02d",
        type, byType.get(o.type()).stream().filter(x -> !x.demo()).toList().indexOf(o) + 1);
  }

  private String username(Org o, int n) {
    String role =
        switch (o.type()) {
          case NGO -> "caseworker";
          case HEALTH -> "worker";
          case PROSECUTOR -> "prosecutor";
          default -> "officer";
        };
    return prefix(o) + "." + role + n;
  }

  private static PortalRole firstRole(OrganisationType type) {
    return switch (type) {
      case NGO -> PortalRole.NGO_CASEWORKER;
      case POLICE -> PortalRole.POLICE_OFFICER;
      case PROSECUTOR -> PortalRole.PROSECUTOR;
      case SOCIAL_WORK_CENTRE -> PortalRole.CSW_OFFICER;
      case HEALTH -> PortalRole.HEALTH_WORKER;
      case CPTV -> PortalRole.CPTV_OFFICER;
    };
  }
}
