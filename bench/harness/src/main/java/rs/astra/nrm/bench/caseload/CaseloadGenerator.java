package rs.astra.nrm.bench.caseload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import rs.astra.nrm.bench.caseload.Directory.Org;
import rs.astra.nrm.bench.caseload.Directory.User;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.MultiValueColumn;
import rs.astra.nrm.casefile.Person;
import rs.astra.nrm.consent.AccessPolicy;

/**
 * Fills an empty PostgreSQL database with a national-scale caseload for the benchmarks: first the
 * portal's own Flyway migrations (the schema the portal runs on), then, through {@code COPY}, the
 * demo organisations and users plus 30 organisations of every type and users up to 300 (password
 * {@code demo}), and N cases (default 100,000) with their persons (Serbian and foreign names, Latin
 * and Cyrillic), 1–4 referrals in every state, consents active, expired, withdrawn and not yet
 * valid, criminal-proceedings entries, emergency accesses, timeline events and ten audit records
 * per case, support-plan services, safety plans, assessments and treatments, and twenty years of
 * SOS hotline calls with job-offer checks against each NGO's registry of agencies. Deterministic:
 * the same seed, number of cases and anchor day give the same rows.
 *
 * <p>Run alone: {@code java -cp … rs.astra.nrm.bench.caseload.CaseloadGenerator
 * --url=jdbc:postgresql://127.0.0.1:5432/nrm_bench --user=postgres --cases=100000 --seed=20260101}
 * (the database must exist and be empty). The benchmark harness calls {@link #generate()}.
 *
 * <p><b>Extending it</b> when a migration adds a table: add one {@link Table} to {@link #tables()}
 * — a {@link PerCaseTable} for rows that hang on a case, after the tables it references — and, if
 * it needs new per-case facts, a list on {@link GeneratedCase} filled after the existing ones.
 */
public final class CaseloadGenerator {

  /**
   * What to generate where.
   *
   * @param jdbcUrl the empty database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/nrm_bench}
   * @param user database user
   * @param password its password, may be empty
   * @param cases number of cases
   * @param seed the random seed
   * @param anchor the caseload's "today" (Europe/Belgrade): nothing is dated after it
   * @param schemaTarget the schema version to migrate to, {@code null} for the newest (an older one
   *     measures an older portal against the same caseload)
   */
  public record Settings(
      String jdbcUrl,
      String user,
      String password,
      int cases,
      long seed,
      LocalDate anchor,
      String schemaTarget) {

    /** Settings that migrate the schema to the newest version. */
    public Settings(
        String jdbcUrl, String user, String password, int cases, long seed, LocalDate anchor) {
      this(jdbcUrl, user, password, cases, seed, anchor, null);
    }
  }

  /**
   * What was written.
   *
   * @param rows rows per table, in the order written
   * @param millis wall time of the whole generation, migrations included
   */
  public record Summary(Map<String, Long> rows, long millis) {
    /**
     * @return rows of all tables
     */
    public long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** One table the generator fills with {@code COPY}. */
  abstract static class Table {
    final String name;
    final String columns;
    final String sequence;

    /**
     * @param name the table
     * @param columns its columns, in the order {@link #write} adds values
     * @param sequence the sequence its ids come from, set past the generated ids afterwards; {@code
     *     null} if none
     */
    Table(String name, String columns, String sequence) {
      this.name = name;
      this.columns = columns;
      this.sequence = sequence;
    }

    abstract void write(CaseloadGenerator g, CopyRows out) throws SQLException;
  }

  /** A table whose rows hang on cases: written in one pass over all generated cases. */
  abstract static class PerCaseTable extends Table {
    PerCaseTable(String name, String columns, String sequence) {
      super(name, columns, sequence);
    }

    @Override
    final void write(CaseloadGenerator g, CopyRows out) throws SQLException {
      for (int i = 0; i < g.settings.cases(); i++) {
        write(g.caseNumber(i), out);
      }
    }

    abstract void write(GeneratedCase c, CopyRows out) throws SQLException;
  }

  private final Settings settings;
  private final Directory directory;
  private final String passwordHash;

  /** Whether the schema has {@code person.name_key} (V22): the newest does, an older target not. */
  private boolean personNameKey = true;

  /**
   * @param settings what to generate where
   */
  public CaseloadGenerator(Settings settings) {
    this.settings = settings;
    this.directory = new Directory(settings.seed());
    this.passwordHash =
        DemoPasswordHash.of(rs.astra.nrm.demo.DemoDataSeeder.DEMO_PASSWORD, settings.seed());
  }

  GeneratedCase caseNumber(int i) {
    return new GeneratedCase(settings.seed(), i, directory, settings.anchor());
  }

  /**
   * @return the generated users who work on cases (not administrators, DPOs or hotline operators),
   *     login name → organisation name, in id order
   */
  public Map<String, String> users() {
    Map<String, String> users = new LinkedHashMap<>();
    directory.users.stream()
        .filter(u -> !u.role().readsNoCaseData())
        .forEach(u -> users.put(u.username(), u.org().name()));
    return users;
  }

  /**
   * @return the realm role name of each of {@link #users()} (e.g. {@code csw-officer}), login name
   *     → role, for the REST API's tokens
   */
  public Map<String, String> roles() {
    Map<String, String> roles = new LinkedHashMap<>();
    directory.users.stream()
        .filter(u -> !u.role().readsNoCaseData())
        .forEach(u -> roles.put(u.username(), u.role().roleName()));
    return roles;
  }

  /**
   * Migrates the schema with the portal's Flyway migrations and writes the caseload.
   *
   * @return rows per table and time taken
   * @throws SQLException if the database refuses
   * @throws IllegalStateException if the database already holds organisations
   */
  public Summary generate() throws SQLException {
    long start = System.nanoTime();
    Flyway.configure(getClass().getClassLoader())
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .failOnMissingLocations(false)
        .target(settings.schemaTarget() == null ? "latest" : settings.schemaTarget())
        .load()
        .migrate();
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c =
        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
      // Schema V22 added the persons' name key; an older target (measuring an older portal) has
      // none.
      try (var rs = c.getMetaData().getColumns(null, null, "person", "name_key")) {
        personNameKey = rs.next();
      }
      try (Statement st = c.createStatement();
          var rs = st.executeQuery("select count(*) from organisation")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new IllegalStateException("the database is not empty: generate into a new one");
        }
      }
      for (Table t : tables()) {
        long tableStart = System.nanoTime();
        CopyRows out =
            new CopyRows(
                c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + t.name + " (" + t.columns + ") FROM STDIN"));
        t.write(this, out);
        long n = out.finish();
        rows.put(t.name, n);
        System.out.printf(
            "  %-22s %,12d rows  %6.1f s%n", t.name, n, (System.nanoTime() - tableStart) / 1e9);
      }
      try (Statement st = c.createStatement()) {
        for (Table t : tables()) {
          if (t.sequence != null) {
            // EclipseLink takes ids in blocks of 50 below the value nextval returns.
            st.execute(
                "select setval('"
                    + t.sequence
                    + "', (select coalesce(max(id), 0) + 100 from "
                    + t.name
                    + "))");
          }
        }
        st.execute("select setval('case_code_seq', " + Math.max(1, settings.cases()) + ")");
        // As a database that has been running for a while: statistics and visibility maps current.
        st.execute("vacuum analyze");
      }
    }
    return new Summary(rows, (System.nanoTime() - start) / 1_000_000);
  }

  /** The tables in the order they are written (a table after those it references). */
  List<Table> tables() {
    List<Table> t = new ArrayList<>();
    t.add(
        new Table("organisation", "id, version, name, type, city", "organisation_seq") {
          @Override
          void write(CaseloadGenerator g, CopyRows out) throws SQLException {
            for (Org o : g.directory.organisations) {
              out.add(o.id()).add(1).add(o.name()).add(o.type()).add(o.city()).end();
            }
          }
        });
    t.add(
        new Table(
            "portal_user",
            "id, version, username, display_name, password_hash, organisation_id, role, role_name, active, email",
            "portal_user_seq") {
          @Override
          void write(CaseloadGenerator g, CopyRows out) throws SQLException {
            for (User u : g.directory.users) {
              out.add(u.id())
                  .add(1)
                  .add(u.username())
                  .add(u.displayName())
                  .add(g.passwordHash)
                  .add(u.org().id())
                  .add(u.role())
                  .add(u.role().roleName())
                  .add(true)
                  .add(u.username() + "@example.org")
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable(
            "person",
            "id, version, first_name, second_name, "
                + (personNameKey ? "name_key, " : "")
                + "birthdate, gender, citizenship, mobile_phone, mailing_city, mailing_country",
            "person_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            out.add(c.id).add(1).add(c.firstName).add(c.secondName);
            if (personNameKey) {
              // The name filter searches the key, not the names: without it no name is found.
              out.add(Person.nameKeyOf(c.firstName, c.secondName));
            }
            out.add(c.birthdate)
                .add(c.gender)
                .add(c.citizenship)
                .add(c.mobilePhone)
                .add(c.city)
                .add("RS")
                .end();
          }
        });
    t.add(
        new PerCaseTable(
            "case_file",
            "id, version, code, owner_organisation_id, owner_user_id, person_id, opened_on, created_at, status, consent_flag, trafficking_status,"
                + " type_of_exploitation, referring_organisation, incoming_referral_date, stage, identification_decided_on, identification_decided_by_id",
            "case_file_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            out.add(c.id)
                .add(1)
                .add(c.code)
                .add(c.owner.id())
                .add(c.ownerUser.id())
                .add(c.id)
                .add(c.openedOn)
                .add(c.createdAt)
                .add(c.status)
                .add(!c.consents.isEmpty())
                .add(c.traffickingStatus)
                .add(MultiValueColumn.ofEnums(c.exploitation))
                .add("SOS hotline")
                .add(c.openedOn)
                .add(c.stage)
                .add(c.identifiedOn)
                .add(c.identifiedBy == null ? null : c.identifiedBy.id())
                .end();
          }
        });
    t.add(
        new PerCaseTable(
            "consent",
            "id, version, case_file_id, recipient_organisation_id, purpose, given_on, valid_until, given_as, recorded_by_id, recorded_at, withdrawn_at, withdrawn_by_id",
            "consent_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Consent k : c.consents) {
              out.add(k.id())
                  .add(1)
                  .add(c.id)
                  .add(k.recipient().id())
                  .add(k.purpose())
                  .add(k.givenOn())
                  .add(k.validUntil())
                  .add(k.givenAs())
                  .add(k.recordedBy().id())
                  .add(k.recordedAt())
                  .add(k.withdrawnAt())
                  .add(k.withdrawnBy() == null ? null : k.withdrawnBy().id())
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable("consent_category", "consent_id, category", null) {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Consent k : c.consents) {
              for (DataCategory category : k.categories()) {
                out.add(k.id()).add(category).end();
              }
            }
          }
        });
    t.add(
        new PerCaseTable(
            "referral",
            "id, version, case_file_id, from_organisation_id, to_organisation_id, reason, referral_date, state, created_at, purpose, consent_id, legal_basis,"
                + " sent_by_id, answered_by_id, answered_at, rejection_reason, completed_at, revoked_by_id, revoked_at, revocation_reason",
            "referral_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Referral r : c.referrals) {
              out.add(r.id())
                  .add(1)
                  .add(c.id)
                  .add(c.owner.id())
                  .add(r.to().id())
                  .add(r.reason())
                  .add(r.date())
                  .add(r.state())
                  .add(GeneratedCase.at(r.date(), new java.util.SplittableRandom(r.id())))
                  .add(r.purpose())
                  .add(r.consentId())
                  .add(r.legalBasis())
                  .add(r.sentBy().id())
                  .add(r.answeredBy() == null ? null : r.answeredBy().id())
                  .add(r.answeredAt())
                  .add(r.rejectionReason())
                  .add(r.completedAt())
                  .add(r.revokedBy() == null ? null : r.revokedBy().id())
                  .add(r.revokedAt())
                  .add(r.revocationReason())
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable("referral_category", "referral_id, category", null) {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Referral r : c.referrals) {
              for (DataCategory category : r.categories()) {
                out.add(r.id()).add(category).end();
              }
            }
          }
        });
    t.add(
        new PerCaseTable(
            "break_glass_access",
            "id, case_file_id, user_id, category, reason, opened_at, expires_at",
            "break_glass_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.BreakGlass b : c.breakGlass) {
              out.add(b.id())
                  .add(c.id)
                  .add(b.user().id())
                  .add(b.category())
                  .add(b.reason())
                  .add(b.openedAt())
                  .add(b.openedAt().plus(rs.astra.nrm.consent.BreakGlassAccess.DURATION))
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable(
            "proceedings_entry",
            "id, version, case_file_id, organisation_id, recorded_by_id, recorded_at, kind, entry_date, offence, suspects_count, victim_status, outcome, sentence",
            "proceedings_entry_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Proceeding p : c.proceedings) {
              out.add(p.id())
                  .add(1)
                  .add(c.id)
                  .add(p.org().id())
                  .add(p.by().id())
                  .add(p.recordedAt())
                  .add(p.kind())
                  .add(p.date())
                  .add(p.offence())
                  .add(p.suspects())
                  .add(p.victimStatus())
                  .add(p.outcome())
                  .add(p.sentence())
                  .end();
            }
          }
        });
    // The support plan (V7).
    t.add(
        new PerCaseTable(
            "service_entry",
            "id, version, case_file_id, data_category, service_type, organisation_id, recorded_by_id, recorded_at, provider_organisation_id, status,"
                + " planned_on, started_on, ended_on",
            "service_entry_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Service v : c.services) {
              out.add(v.id())
                  .add(1)
                  .add(c.id)
                  .add(v.type().category())
                  .add(v.type())
                  .add(v.org().id())
                  .add(v.by().id())
                  .add(v.recordedAt())
                  .add(v.provider() == null ? null : v.provider().id())
                  .add(v.status())
                  .add(v.plannedOn())
                  .add(v.startedOn())
                  .add(v.endedOn())
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable(
            "safety_plan",
            "id, version, case_file_id, organisation_id, risks, measures, review_on, updated_by_id, updated_at",
            "safety_plan_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            GeneratedCase.Note p = c.safetyPlan;
            if (p != null) {
              out.add(p.id())
                  .add(1)
                  .add(c.id)
                  .add(p.org().id())
                  .add(p.text())
                  .add("Safe house; phone with emergency numbers; escorted court dates.")
                  .add(p.on())
                  .add(p.by().id())
                  .add(p.recordedAt())
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable(
            "assessment_note",
            "id, version, case_file_id, organisation_id, recorded_by_id, recorded_at, assessed_on, assessment",
            "assessment_note_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Note n : c.assessments) {
              out.add(n.id())
                  .add(1)
                  .add(c.id)
                  .add(n.org().id())
                  .add(n.by().id())
                  .add(n.recordedAt())
                  .add(n.on())
                  .add(n.text())
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable(
            "treatment_record",
            "id, version, case_file_id, organisation_id, recorded_by_id, recorded_at, treated_on, treatment",
            "treatment_record_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Note n : c.treatments) {
              out.add(n.id())
                  .add(1)
                  .add(c.id)
                  .add(n.org().id())
                  .add(n.by().id())
                  .add(n.recordedAt())
                  .add(n.on())
                  .add(n.text())
                  .end();
            }
          }
        });
    // The SOS hotline (V9): the NGOs' registries of agencies, then calls and job-offer checks.
    t.add(
        new Table(
            "registry_entry",
            "id, version, organisation_id, name, match_key, licence_number, flagged, first_checked_on, last_checked_on",
            "registry_entry_seq") {
          @Override
          void write(CaseloadGenerator g, CopyRows out) throws SQLException {
            for (Directory.RegistryEntry e : g.directory.registries()) {
              out.add(e.id())
                  .add(1)
                  .add(e.org().id())
                  .add(e.name())
                  .add(e.matchKey())
                  .add(e.licence())
                  .add(e.flagged())
                  .add(g.settings.anchor().minusDays(GeneratedCase.SPAN_DAYS))
                  .add(g.settings.anchor())
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable(
            "hotline_call",
            "id, version, organisation_id, taken_by_id, called_at, call_year, call_month, duration_minutes, channel, caller_type, language, purpose,"
                + " summary, case_file_id, caller_agreed, recorded_at",
            "hotline_call_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Call k : c.calls) {
              var local = k.calledAt().atZone(rs.astra.nrm.shared.NrmTime.ZONE);
              out.add(k.id())
                  .add(1)
                  .add(k.org().id())
                  .add(k.takenBy().id())
                  .add(k.calledAt())
                  .add(local.getYear())
                  .add(local.getMonthValue())
                  .add(k.durationMinutes())
                  .add(k.channel())
                  .add(k.callerType())
                  .add(k.language())
                  .add(k.purpose())
                  .add(
                      k.opensCase()
                          ? "Reported a woman held at a construction site; case opened."
                          : "Asked about working abroad.")
                  .add(k.opensCase() ? c.id : null)
                  .add(true)
                  .add(k.calledAt())
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable(
            "job_offer_check",
            "id, version, call_id, organisation_id, offer_source, agency_name, agency_licence, agency_entry_id, destination_country, job_type, industry,"
                + " promised_wage, wage_currency, red_flags, outcome, flagged",
            "job_offer_check_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Call k : c.calls) {
              GeneratedCase.JobCheck j = k.check();
              if (j != null) {
                out.add(k.id())
                    .add(1)
                    .add(k.id())
                    .add(k.org().id())
                    .add(rs.astra.nrm.hotline.OfferSource.AGENCY)
                    .add(j.agency().name())
                    .add(j.agency().licence())
                    .add(j.agency().id())
                    .add(j.country())
                    .add(j.jobType())
                    .add(j.industry())
                    .add(j.wage())
                    .add("EUR")
                    .add(MultiValueColumn.ofEnums(j.flags()))
                    .add(j.outcome())
                    .add(j.flagged())
                    .end();
              }
            }
          }
        });
    // Another table that hangs on cases: a PerCaseTable here (after what it references), its rows
    // made in GeneratedCase after everything else (so the earlier rows stay as they were).
    t.add(
        new PerCaseTable(
            "case_event",
            "id, case_file_id, occurred_at, type, user_display_name, organisation_id, organisation_name, detail",
            "case_event_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Event e : c.events) {
              out.add(e.id())
                  .add(c.id)
                  .add(e.at())
                  .add(e.type())
                  .add(e.by().displayName())
                  .add(e.by().org().id())
                  .add(e.by().org().name())
                  .add(e.detail())
                  .end();
            }
          }
        });
    t.add(
        new PerCaseTable(
            "audit_record",
            "id, occurred_at, user_id, username, organisation_id, case_file_id, person_id, category, action, permitted, basis, basis_ref, request_id",
            "audit_record_seq") {
          @Override
          void write(GeneratedCase c, CopyRows out) throws SQLException {
            for (GeneratedCase.Audit a : c.audit) {
              out.add(a.id())
                  .add(a.at())
                  .add(a.user().id())
                  .add(a.user().username())
                  .add(a.user().org().id())
                  .add(c.id)
                  .add(c.id)
                  .add(a.category())
                  .add(a.action())
                  .add(a.permitted())
                  .add(a.basis())
                  .add(a.basisRef())
                  .add(a.requestId())
                  .end();
            }
          }
        });
    return t;
  }

  /**
   * Command line: {@code --url=… --user=… --password=… --cases=N --seed=S --today=yyyy-MM-dd}.
   *
   * @param args the options; defaults: the local {@code nrm_bench} database, 100,000 cases
   * @throws Exception if generation fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      o.put(
          eq < 0 ? a.replaceFirst("^--", "") : a.substring(0, eq).replaceFirst("^--", ""),
          eq < 0 ? "true" : a.substring(eq + 1));
    }
    Settings s =
        new Settings(
            o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/nrm_bench"),
            o.getOrDefault("user", "postgres"),
            o.getOrDefault("password", ""),
            Integer.parseInt(o.getOrDefault("cases", "100000")),
            Long.parseLong(o.getOrDefault("seed", "20260101")),
            o.containsKey("today")
                ? LocalDate.parse(o.get("today"))
                : LocalDate.now(AccessPolicy.ZONE));
    Summary summary = new CaseloadGenerator(s).generate();
    System.out.printf(
        "%,d rows in %.1f s (%,.0f rows/s)%n",
        summary.totalRows(),
        summary.millis() / 1e3,
        summary.totalRows() * 1000.0 / Math.max(1, summary.millis()));
  }
}
