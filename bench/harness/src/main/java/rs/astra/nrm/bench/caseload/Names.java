package rs.astra.nrm.bench.caseload;

import java.util.SplittableRandom;

/**
 * Given names and surnames of the people an NRM in the Western Balkans meets: Serbian in both
 * scripts, and foreign ones (Romanian, Albanian, Bulgarian and Ukrainian in Cyrillic, Nigerian,
 * Chinese in pinyin, Afghan, Syrian), with the ISO 3166 citizenship that goes with each.
 */
final class Names {

  /** One naming tradition: given names, surnames and the citizenship that goes with them. */
  record Origin(String country, String[] given, String[] surnames, int weight) {}

  static final Origin SERBIAN_LATIN =
      new Origin(
          "RS",
          new String[] {
            "Jelena",
            "Marija",
            "Ana",
            "Milica",
            "Jovana",
            "Ivana",
            "Snežana",
            "Dragana",
            "Tijana",
            "Nevena",
            "Sanja",
            "Katarina",
            "Marko",
            "Nikola",
            "Stefan",
            "Luka",
            "Đorđe",
            "Ljiljana",
            "Nataša",
            "Vesna"
          },
          new String[] {
            "Petrović",
            "Nikolić",
            "Jovanović",
            "Marković",
            "Đorđević",
            "Stojanović",
            "Ilić",
            "Pavlović",
            "Milošević",
            "Stanković",
            "Kostić",
            "Lazić",
            "Živković",
            "Ristić",
            "Todorović",
            "Savić",
            "Mitrović",
            "Popović",
            "Radovanović",
            "Šarić"
          },
          30);
  static final Origin SERBIAN_CYRILLIC =
      new Origin(
          "RS",
          new String[] {
            "Јелена",
            "Марија",
            "Ана",
            "Милица",
            "Јована",
            "Ивана",
            "Снежана",
            "Драгана",
            "Тијана",
            "Невена",
            "Сања",
            "Катарина",
            "Марко",
            "Никола",
            "Стефан",
            "Лука",
            "Ђорђе",
            "Љиљана",
            "Наташа",
            "Весна"
          },
          new String[] {
            "Петровић",
            "Николић",
            "Јовановић",
            "Марковић",
            "Ђорђевић",
            "Стојановић",
            "Илић",
            "Павловић",
            "Милошевић",
            "Станковић",
            "Костић",
            "Лазић",
            "Живковић",
            "Ристић",
            "Тодоровић",
            "Савић",
            "Митровић",
            "Поповић",
            "Радовановић",
            "Шарић"
          },
          25);
  static final Origin ROMANIAN =
      new Origin(
          "RO",
          new String[] {"Ioana", "Maria", "Elena", "Andreea", "Mihaela", "Alexandru"},
          new String[] {"Popescu", "Ionescu", "Stan", "Dumitru", "Constantin", "Munteanu"},
          6);
  static final Origin ALBANIAN =
      new Origin(
          "AL",
          new String[] {"Drita", "Arta", "Blerta", "Elira", "Besnik", "Fatmira"},
          new String[] {"Krasniqi", "Gashi", "Hoxha", "Berisha", "Shala", "Morina"},
          6);
  static final Origin BULGARIAN =
      new Origin(
          "BG",
          new String[] {"Мария", "Десислава", "Цветелина", "Радостина", "Георги"},
          new String[] {"Иванова", "Георгиева", "Димитрова", "Петкова", "Тодоров"},
          5);
  static final Origin UKRAINIAN =
      new Origin(
          "UA",
          new String[] {"Олена", "Оксана", "Ірина", "Юлія", "Наталія", "Тетяна"},
          new String[] {"Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник"},
          8);
  static final Origin NIGERIAN =
      new Origin(
          "NG",
          new String[] {"Blessing", "Joy", "Precious", "Favour", "Gift", "Esther"},
          new String[] {"Okafor", "Adeyemi", "Eze", "Obi", "Nwosu", "Ogunleye"},
          6);
  static final Origin CHINESE =
      new Origin(
          "CN",
          new String[] {"Li Na", "Wang Fang", "Zhang Wei", "Liu Yang", "Chen Jing"},
          new String[] {"Wang", "Li", "Zhang", "Liu", "Chen"},
          4);
  static final Origin AFGHAN =
      new Origin(
          "AF",
          new String[] {"Ahmad", "Farid", "Mariam", "Zahra", "Hamid"},
          new String[] {"Ahmadi", "Rahimi", "Karimi", "Hakimi", "Noori"},
          5);
  static final Origin SYRIAN =
      new Origin(
          "SY",
          new String[] {"Yusuf", "Omar", "Fatima", "Layla", "Khaled"},
          new String[] {"Haddad", "Khalil", "Nasser", "Saleh", "Darwish"},
          5);

  static final Origin[] ORIGINS = {
    SERBIAN_LATIN,
    SERBIAN_CYRILLIC,
    ROMANIAN,
    ALBANIAN,
    BULGARIAN,
    UKRAINIAN,
    NIGERIAN,
    CHINESE,
    AFGHAN,
    SYRIAN
  };

  private static final int TOTAL_WEIGHT;

  static {
    int total = 0;
    for (Origin o : ORIGINS) {
      total += o.weight();
    }
    TOTAL_WEIGHT = total;
  }

  /** Serbian towns, for addresses. */
  static final String[] TOWNS = {
    "Beograd",
    "Novi Sad",
    "Niš",
    "Kragujevac",
    "Subotica",
    "Šabac",
    "Vranje",
    "Novi Pazar",
    "Pančevo",
    "Leskovac",
    "Čačak",
    "Kraljevo"
  };

  private Names() {}

  /**
   * @param random the case's random source
   * @return a naming tradition, Serbian in more than half of the cases
   */
  static Origin origin(SplittableRandom random) {
    int pick = random.nextInt(TOTAL_WEIGHT);
    for (Origin o : ORIGINS) {
      pick -= o.weight();
      if (pick < 0) {
        return o;
      }
    }
    throw new AssertionError();
  }

  /**
   * @param random a random source
   * @return a staff member's name (Serbian, Latin script)
   */
  static String staff(SplittableRandom random) {
    return pick(random, SERBIAN_LATIN.given()) + " " + pick(random, SERBIAN_LATIN.surnames());
  }

  static <T> T pick(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
