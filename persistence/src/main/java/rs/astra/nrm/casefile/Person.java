package rs.astra.nrm.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import rs.astra.nrm.shared.NameMatchKey;

/**
 * The data subject of a case: a presumed or identified victim, with the HTCDS {@code prs_*} fields.
 * Identity fields (names, birth date, citizenship) belong to data category IDENTITY, address and
 * phones to CONTACT, the most dangerous to leak.
 */
@Entity
@Table(name = "person")
public class Person {

  @Id
  @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
  private Long id;

  @Version private long version;

  @Column(length = 40)
  private String salutation;

  @Column(name = "first_name", length = 255)
  private String firstName;

  @Column(name = "second_name", length = 255)
  private String secondName;

  /** See {@link #nameKeyOf}; written with the names, never read back into a view. */
  @Column(name = "name_key", length = NAME_KEY_LENGTH)
  private String nameKey;

  private LocalDate birthdate;

  @Enumerated(EnumType.STRING)
  @Column(length = 40)
  private Gender gender;

  @Column(length = 255)
  private String citizenship;

  @Column(length = 255)
  private String title;

  @Column(length = 255)
  private String email;

  @Column(name = "home_phone", length = 255)
  private String homePhone;

  @Column(name = "mobile_phone", length = 255)
  private String mobilePhone;

  @Column(name = "mailing_street", length = 255)
  private String mailingStreet;

  @Column(name = "mailing_city", length = 255)
  private String mailingCity;

  @Column(name = "mailing_state", length = 255)
  private String mailingState;

  @Column(name = "mailing_postal_code", length = 255)
  private String mailingPostalCode;

  @Column(name = "mailing_country", length = 255)
  private String mailingCountry;

  /** Longest {@linkplain #nameKeyOf name key} (the column's length). */
  public static final int NAME_KEY_LENGTH = 3 * NameMatchKey.MAX_LENGTH + 2;

  /** Creates a person with no recorded data; an anonymous person is allowed. */
  public Person() {}

  /**
   * Records the identity data (category IDENTITY).
   *
   * @param salutation HTCDS {@code prs_Salutation}, may be {@code null}
   * @param firstName HTCDS {@code prs_FirstName}, may be {@code null}
   * @param secondName HTCDS {@code prs_SecondName} (surname), may be {@code null}
   * @param birthdate HTCDS {@code prs_Birthdate}, may be {@code null}
   * @param gender HTCDS {@code prs_Gender}, may be {@code null}
   * @param citizenship HTCDS {@code prs_Citizenship}: ISO 3166 alpha-2 codes, {@code null} = none
   * @param title HTCDS {@code prs_Title}, may be {@code null}
   */
  public void recordIdentity(
      String salutation,
      String firstName,
      String secondName,
      LocalDate birthdate,
      Gender gender,
      Set<String> citizenship,
      String title) {
    this.salutation = salutation;
    this.firstName = firstName;
    this.secondName = secondName;
    this.birthdate = birthdate;
    this.gender = gender;
    this.citizenship = MultiValueColumn.ofCodes(citizenship);
    this.title = title;
    refreshNameKey();
  }

  /**
   * The key the case list's name filter searches (column {@code name_key}, indexed): the {@link
   * NameMatchKey#ofPersonName person-name keys} of the first name, the second name and the first
   * name again, one space apart. "Милица Јовановић" is stored as {@code milica jovanovic milica},
   * so the key of a typed fragment found anywhere in it, in either script, finds her: "Milica",
   * "Jovanović", "Jovanovic Milica", "milica jovanovic". Repeating the first name lets one {@code
   * LIKE '%fragment%'} (which a trigram index serves) find the full name typed in either order,
   * whatever number of words each name has.
   *
   * <p>Everything that writes persons' names must store this key: the entity does so itself; SQL
   * that inserts persons (the benchmark caseload, migrations) calls this method.
   *
   * @param firstName HTCDS {@code prs_FirstName}, may be {@code null}
   * @param secondName HTCDS {@code prs_SecondName}, may be {@code null}
   * @return the key, or {@code null} for a person without a name
   */
  public static String nameKeyOf(String firstName, String secondName) {
    String first = NameMatchKey.ofPersonName(firstName);
    String second = NameMatchKey.ofPersonName(secondName);
    String key =
        Stream.of(first, second, second.isEmpty() ? "" : first)
            .filter(k -> !k.isEmpty())
            .collect(Collectors.joining(" "));
    return key.isEmpty() ? null : key;
  }

  /** The stored name key, for tests. */
  String nameKey() {
    return nameKey;
  }

  /** Keeps the name key in step with the names, however they were set. */
  @PrePersist
  @PreUpdate
  void refreshNameKey() {
    nameKey = nameKeyOf(firstName, secondName);
  }

  /**
   * Records the contact data (category CONTACT): HTCDS {@code prs_Email}, {@code prs_HomePhone},
   * {@code prs_MobilePhone} and the {@code prs_Mailing*} address. Every argument may be {@code
   * null}.
   *
   * @param email e-mail address
   * @param homePhone home phone
   * @param mobilePhone mobile phone
   * @param street mailing street
   * @param city mailing city
   * @param state mailing state or district
   * @param postalCode mailing postal code
   * @param country mailing country
   */
  public void recordContact(
      String email,
      String homePhone,
      String mobilePhone,
      String street,
      String city,
      String state,
      String postalCode,
      String country) {
    this.email = email;
    this.homePhone = homePhone;
    this.mobilePhone = mobilePhone;
    this.mailingStreet = street;
    this.mailingCity = city;
    this.mailingState = state;
    this.mailingPostalCode = postalCode;
    this.mailingCountry = country;
  }

  /**
   * @return the database id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return HTCDS {@code prs_Salutation}
   */
  public String getSalutation() {
    return salutation;
  }

  /**
   * @return HTCDS {@code prs_FirstName}
   */
  public String getFirstName() {
    return firstName;
  }

  /**
   * @return HTCDS {@code prs_SecondName}
   */
  public String getSecondName() {
    return secondName;
  }

  /**
   * @return HTCDS {@code prs_Birthdate}
   */
  public LocalDate getBirthdate() {
    return birthdate;
  }

  /**
   * @return HTCDS {@code prs_Gender}
   */
  public Gender getGender() {
    return gender;
  }

  /**
   * @return HTCDS {@code prs_Citizenship}, never {@code null}
   */
  public Set<String> getCitizenship() {
    return MultiValueColumn.toCodes(citizenship);
  }

  /**
   * @return HTCDS {@code prs_Title}
   */
  public String getTitle() {
    return title;
  }

  /**
   * @return HTCDS {@code prs_Email}
   */
  public String getEmail() {
    return email;
  }

  /**
   * @return HTCDS {@code prs_HomePhone}
   */
  public String getHomePhone() {
    return homePhone;
  }

  /**
   * @return HTCDS {@code prs_MobilePhone}
   */
  public String getMobilePhone() {
    return mobilePhone;
  }

  /**
   * @return HTCDS {@code prs_MailingStreet}
   */
  public String getMailingStreet() {
    return mailingStreet;
  }

  /**
   * @return HTCDS {@code prs_MailingCity}
   */
  public String getMailingCity() {
    return mailingCity;
  }

  /**
   * @return HTCDS {@code prs_MailingState}
   */
  public String getMailingState() {
    return mailingState;
  }

  /**
   * @return HTCDS {@code prs_MailingPostalCode}
   */
  public String getMailingPostalCode() {
    return mailingPostalCode;
  }

  /**
   * @return HTCDS {@code prs_MailingCountry}
   */
  public String getMailingCountry() {
    return mailingCountry;
  }

  /** Days as a rectification writes and reads them (the case's fields too). */
  static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu")
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  /** The longest text of a corrected field (the columns' length). */
  public static final int MAX_FIELD = 255;

  /**
   * The value of a correctable field as text, as a rectification shows and logs it: a day as
   * dd.MM.yyyy, citizenships as ISO codes joined by ", ".
   *
   * @param field the field
   * @return the text, or {@code null} when the field is empty
   * @throws IllegalArgumentException for a field of the case ({@link CorrectableField#isOfCase})
   */
  public String valueOf(CorrectableField field) {
    return switch (field) {
      case FIRST_NAME -> firstName;
      case SECOND_NAME -> secondName;
      case BIRTHDATE -> birthdate == null ? null : DAY.format(birthdate);
      case CITIZENSHIP -> getCitizenship().isEmpty() ? null : String.join(", ", getCitizenship());
      case GENDER -> gender == null ? null : gender.name();
      case MOBILE_PHONE -> mobilePhone;
      case HOME_PHONE -> homePhone;
      case EMAIL -> email;
      case MAILING_STREET -> mailingStreet;
      case MAILING_CITY -> mailingCity;
      default -> throw new IllegalArgumentException("a field of the case: " + field);
    };
  }

  /**
   * Corrects one field (rectification, GDPR Art. 16) from its text: a day as dd.MM.yyyy (not in the
   * future, Europe/Belgrade), citizenships as ISO 3166-1 alpha-2 codes separated by commas or
   * spaces, the gender as one HTCDS value name ({@code Feminine}, any case), an e-mail address as
   * name@domain.tld, a telephone number as digits (at least five) with an optional leading + and
   * spaces, dashes, dots, slashes or parentheses, any other field as text of at most {@value
   * #MAX_FIELD} characters; blank text empties it.
   *
   * @param field the field
   * @param text the new value as typed
   * @param today the day (Europe/Belgrade) a birth date may not be after
   * @throws IllegalArgumentException for a value of the wrong form, or a field of the case
   */
  public void correct(CorrectableField field, String text, LocalDate today) {
    String v = text == null || text.isBlank() ? null : text.strip();
    if (v != null && v.length() > MAX_FIELD) {
      throw new IllegalArgumentException("too long");
    }
    switch (field) {
      case FIRST_NAME -> recordIdentityKeeping(v, secondName, birthdate, getCitizenship());
      case SECOND_NAME -> recordIdentityKeeping(firstName, v, birthdate, getCitizenship());
      case BIRTHDATE -> {
        LocalDate day;
        try {
          day = v == null ? null : LocalDate.parse(v, DAY);
        } catch (java.time.format.DateTimeParseException e) {
          throw new IllegalArgumentException("not a day dd.MM.yyyy");
        }
        if (day != null && day.isAfter(today)) {
          throw new IllegalArgumentException("in the future");
        }
        recordIdentityKeeping(firstName, secondName, day, getCitizenship());
      }
      case CITIZENSHIP -> {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        if (v != null) {
          for (String code : v.split("[,\\s]+")) {
            String upper = code.toUpperCase(java.util.Locale.ROOT);
            // The same list as the new-case form and the HTCDS import (ISO 3166-1 alpha-2).
            if (!java.util.Set.of(java.util.Locale.getISOCountries()).contains(upper)) {
              throw new IllegalArgumentException("not an ISO code");
            }
            codes.add(upper);
          }
        }
        recordIdentityKeeping(firstName, secondName, birthdate, codes);
      }
      case GENDER ->
          recordIdentity(
              salutation,
              firstName,
              secondName,
              birthdate,
              CaseFile.single(Gender.class, v),
              getCitizenship(),
              title);
      case MOBILE_PHONE -> mobilePhone = phone(v);
      case HOME_PHONE -> homePhone = phone(v);
      case EMAIL -> {
        if (v != null && !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
          throw new IllegalArgumentException("not an e-mail address");
        }
        email = v;
      }
      case MAILING_STREET -> mailingStreet = v;
      case MAILING_CITY -> mailingCity = v;
      default -> throw new IllegalArgumentException("a field of the case: " + field);
    }
  }

  /**
   * @param v a telephone number as typed, or {@code null}
   * @return it, if it is digits with an optional leading {@code +} and the usual separators
   *     (spaces, {@code -}, {@code /}, {@code .}, parentheses), at least five digits
   * @throws IllegalArgumentException otherwise
   */
  private static String phone(String v) {
    if (v != null && (!v.matches("\\+?[0-9 ()./-]+") || v.replaceAll("[^0-9]", "").length() < 5)) {
      throw new IllegalArgumentException("not a telephone number");
    }
    return v;
  }

  private void recordIdentityKeeping(
      String first, String second, LocalDate born, java.util.Set<String> codes) {
    recordIdentity(salutation, first, second, born, gender, codes, title);
  }

  /**
   * @return the version (optimistic locking)
   */
  public long getVersion() {
    return version;
  }
}
