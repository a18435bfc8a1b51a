package rs.astra.nrm.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.consent.AccessPolicy.StatisticsScope;
import rs.astra.nrm.exchange.AgeBand;
import rs.astra.nrm.exchange.CtdcFlag;

/**
 * The SQL of the statistics: GROUP BY queries that count in the database and return only (label,
 * label, count) rows, written in the SQL that H2 and PostgreSQL both accept. Parameters are
 * numbered ({@code ?1} …) and each number is used once, so the queries run unchanged through JPA or
 * JDBC. The condition on one organisation's rows is the access policy's ({@link
 * StatisticsScope#predicate}, for the scope {@link
 * rs.astra.nrm.consent.AccessPolicy#statisticsScope} gives a viewer).
 */
final class StatisticsQueries {

  private StatisticsQueries() {}

  /** Label for a value not recorded. */
  static final String UNKNOWN = "UNKNOWN";

  /**
   * Victims by two dimensions, from the portal's presumed and identified victims (cases whose
   * {@code vic_TraffickingStatus} is possible or actual victim, opened in the period) and the
   * historical CTDC records (registered in the period's years). Age is taken on the day the case
   * was opened. Each person counts once per pair of labels (twice only across two forms of
   * exploitation).
   *
   * <p>Parameters: ?1 first day, ?2 last day, ?3 first year, ?4 last year, and for one organisation
   * ?5 and ?6 its id (case owner, CTDC importer).
   *
   * @param rows the row dimension (a victim dimension)
   * @param columns the column dimension (a victim dimension)
   * @param oneOrganisation whether to count one organisation's cases and imports only
   * @return the query; columns: row label, column label, count
   */
  static String victims(Dimension rows, Dimension columns, boolean oneOrganisation) {
    String age =
        "(cast(extract(year from c.opened_on) as integer) - cast(extract(year from p.birthdate) as integer)"
            + " - case when cast(extract(month from c.opened_on) as integer) * 100 + cast(extract(day from c.opened_on) as integer)"
            + " < cast(extract(month from p.birthdate) as integer) * 100 + cast(extract(day from p.birthdate) as integer) then 1 else 0 end)";
    StringBuilder band =
        new StringBuilder("case when pb.age is null or pb.age < 0 then '" + UNKNOWN + "'");
    for (AgeBand b : AgeBand.values()) {
      if (b.to() != Integer.MAX_VALUE) {
        band.append(" when pb.age <= ")
            .append(b.to())
            .append(" then '")
            .append(b.name())
            .append("'");
      }
    }
    band.append(" else '").append(AgeBand.AGE_48_PLUS.name()).append("' end");
    String portalForms =
        java.util.Arrays.stream(TypeOfExploitation.values())
            .map(t -> "select '" + t.name() + "' as form")
            .collect(Collectors.joining(" union all "));
    List<String> flagForms = new ArrayList<>();
    for (CtdcFlag flag : CtdcFlag.values()) {
      for (TypeOfExploitation form : flag.htcdsForms()) {
        flagForms.add("select '" + flag.column() + "' as flag, '" + form.name() + "' as form");
      }
    }
    String portal =
        "select 'C' as src, pb.id as rid, pb.yr, pb.status, pb.sex, "
            + band
            + " as band, case when pb.age is null or pb.age < 0 then '"
            + UNKNOWN
            + "' when pb.age < "
            + rs.astra.nrm.shared.Majority.ADULT_AGE
            + " then 'MINOR' else 'ADULT' end as majority,"
            + " pb.citizenship, pb.form from ("
            + "select c.id, cast(extract(year from c.opened_on) as integer) as yr,"
            + " case when c.trafficking_status = 'ActualVictimOfTrafficking' then 'IDENTIFIED' else 'PRESUMED' end as status,"
            + " case when p.gender = 'Feminine' then 'FEMALE' when p.gender = 'Masculine' then 'MALE'"
            + " when p.gender is null or p.gender = 'NonSpecifiedUnknown' then '"
            + UNKNOWN
            + "' else 'OTHER' end as sex,"
            + " case when p.birthdate is null then null else "
            + age
            + " end as age,"
            + " coalesce(p.citizenship, '"
            + UNKNOWN
            + "') as citizenship, coalesce(f.form, '"
            + UNKNOWN
            + "') as form"
            + " from case_file c join person p on p.id = c.person_id"
            + " left join ("
            + portalForms
            + ") f on (';' || c.type_of_exploitation || ';') like ('%;' || f.form || ';%')"
            + " where c.trafficking_status in ('ActualVictimOfTrafficking', 'PossibleVictimOfTrafficking')"
            + " and c.opened_on >= ?1 and c.opened_on <= ?2 and c.merged_into_id is null"
            + StatisticsScope.predicate(oneOrganisation, 5, "c.owner_organisation_id")
            + ") pb";
    String ctdc =
        "select 'R' as src, r.id as rid, r.year_of_registration as yr, 'IDENTIFIED' as status, coalesce(r.gender, '"
            + UNKNOWN
            + "') as sex,"
            + " coalesce(r.age_band, '"
            + UNKNOWN
            + "') as band, coalesce(r.majority_status, '"
            + UNKNOWN
            + "') as majority,"
            + " coalesce(r.citizenship, '"
            + UNKNOWN
            + "') as citizenship, coalesce(rf.form, '"
            + UNKNOWN
            + "') as form"
            + " from ctdc_record r join ctdc_import_batch b on b.id = r.batch_id"
            + " left join ("
            + String.join(" union all ", flagForms)
            + ") rf on (';' || r.flags_yes || ';') like ('%;' || rf.flag || ';%')"
            + " where r.year_of_registration >= ?3 and r.year_of_registration <= ?4"
            + StatisticsScope.predicate(oneOrganisation, 6, "b.organisation_id");
    return "select v.a, v.b, count(*) from (select distinct u.src, u.rid, "
        + column(rows)
        + " as a, "
        + column(columns)
        + " as b from ("
        + portal
        + " union all "
        + ctdc
        + ") u) v group by v.a, v.b";
  }

  private static String column(Dimension d) {
    return switch (d) {
      case YEAR -> "cast(u.yr as varchar(4))";
      case STATUS -> "u.status";
      case EXPLOITATION -> "u.form";
      case SEX -> "u.sex";
      case AGE_BAND -> "u.band";
      case CITIZENSHIP -> "u.citizenship";
      case MAJORITY -> "u.majority";
      default ->
          throw new IllegalArgumentException(d + " is not a dimension of the victims' table");
    };
  }

  /**
   * Cases opened in the period by NRM stage. Parameters: ?1 first day, ?2 last day, ?3
   * organisation.
   *
   * @param oneOrganisation whether to count one organisation's cases only
   * @return columns: stage, count
   */
  static String casesByStage(boolean oneOrganisation) {
    return "select c.stage, count(*) from case_file c where c.opened_on >= ?1 and c.opened_on <= ?2"
        + " and c.merged_into_id is null"
        + StatisticsScope.predicate(oneOrganisation, 3, "c.owner_organisation_id")
        + " group by c.stage";
  }

  /**
   * Referrals dated in the period by route (sending → receiving organisation type): how many were
   * accepted (or completed), rejected, or neither, how many were answered in the portal, and the
   * median of days from sending to answer. Parameters: ?1 first day, ?2 last day, ?3 and ?4 the
   * organisation (sender or recipient).
   *
   * @param oneOrganisation whether to count only referrals the organisation sent or received
   * @return columns: from type, to type, accepted, rejected, other, answered, median days
   */
  static String referrals(boolean oneOrganisation) {
    String days =
        "(extract(epoch from r.answered_at) - extract(epoch from r.created_at)) / 86400.0";
    return "select fo.type, t.type,"
        + " sum(case when r.state in ('ACCEPTED', 'COMPLETED') then 1 else 0 end),"
        + " sum(case when r.state = 'REJECTED' then 1 else 0 end),"
        + " sum(case when r.state in ('SENT', 'REVOKED') then 1 else 0 end),"
        + " sum(case when r.answered_at is not null then 1 else 0 end),"
        + " percentile_cont(0.5) within group (order by "
        + days
        + ")"
        + " from referral r join organisation fo on fo.id = r.from_organisation_id join organisation t on t.id = r.to_organisation_id"
        + " where r.referral_date >= ?1 and r.referral_date <= ?2"
        + StatisticsScope.predicate(
            oneOrganisation, 3, "r.from_organisation_id", "r.to_organisation_id")
        + " group by fo.type, t.type";
  }

  /**
   * Cases with a step of the criminal proceedings dated in the period, by step. Parameters: ?1
   * first day, ?2 last day, ?3 and ?4 the organisation (case owner or recorder).
   *
   * @param oneOrganisation whether to count only the organisation's cases and its own entries
   * @return columns: step, number of cases
   */
  static String proceedingsBySteps(boolean oneOrganisation) {
    return "select e.kind, count(distinct e.case_file_id) from proceedings_entry e join case_file c on c.id = e.case_file_id"
        + " where e.entry_date >= ?1 and e.entry_date <= ?2"
        + StatisticsScope.predicate(
            oneOrganisation, 3, "c.owner_organisation_id", "e.organisation_id")
        + " group by e.kind";
  }

  /**
   * Verdicts dated in the period by offence. Parameters as {@link #proceedingsBySteps}.
   *
   * @param oneOrganisation whether to count only the organisation's cases and its own entries
   * @return columns: offence (or UNKNOWN), number of verdicts
   */
  static String verdicts(boolean oneOrganisation) {
    return "select coalesce(e.offence, '"
        + UNKNOWN
        + "'), count(*) from proceedings_entry e join case_file c on c.id = e.case_file_id"
        + " where e.kind = 'VERDICT' and e.entry_date >= ?1 and e.entry_date <= ?2"
        + StatisticsScope.predicate(
            oneOrganisation, 3, "c.owner_organisation_id", "e.organisation_id")
        + " group by coalesce(e.offence, '"
        + UNKNOWN
        + "')";
  }

  /**
   * Support-plan services by type and status, for services planned (or, without a planned day,
   * started or recorded) in the period. Parameters: ?1 first day, ?2 last day, and for one
   * organisation ?3, ?4, ?5 its id (case owner, recorder, provider).
   *
   * @param oneOrganisation whether to count only services on the organisation's cases, recorded by
   *     it or provided by it
   * @return columns: service type, status, count
   */
  static String services(boolean oneOrganisation) {
    String day = "coalesce(s.planned_on, s.started_on, cast(s.recorded_at as date))";
    return "select s.service_type, s.status, count(*) from service_entry s join case_file c on c.id = s.case_file_id"
        + " where "
        + day
        + " >= ?1 and "
        + day
        + " <= ?2"
        + StatisticsScope.predicate(
            oneOrganisation,
            3,
            "c.owner_organisation_id",
            "s.organisation_id",
            "s.provider_organisation_id")
        + " group by s.service_type, s.status";
  }

  /**
   * SOS hotline calls by purpose and caller type, in the months the period touches (calls are
   * counted by calendar month, Europe/Belgrade). Parameters: ?1 first month and ?2 last month as
   * yyyyMM numbers, ?3 the organisation keeping the hotline.
   *
   * @param oneOrganisation whether to count only the organisation's own calls
   * @return columns: purpose, caller type, count
   */
  static String hotlineCalls(boolean oneOrganisation) {
    return "select c.purpose, c.caller_type, count(*) from hotline_call c where c.call_year * 100 + c.call_month >= ?1 and c.call_year * 100 + c.call_month <= ?2"
        + StatisticsScope.predicate(oneOrganisation, 3, "c.organisation_id")
        + " group by c.purpose, c.caller_type";
  }

  /**
   * Job-offer checks by outcome, in the months the period touches (the month of the call).
   * Parameters as {@link #hotlineCalls}.
   *
   * @param oneOrganisation whether to count only the organisation's own checks
   * @return columns: outcome, count
   */
  static String jobOfferChecks(boolean oneOrganisation) {
    return "select k.outcome, count(*) from job_offer_check k join hotline_call c on c.id = k.call_id"
        + " where c.call_year * 100 + c.call_month >= ?1 and c.call_year * 100 + c.call_month <= ?2"
        + StatisticsScope.predicate(oneOrganisation, 3, "k.organisation_id")
        + " group by k.outcome";
  }
}
