#!/usr/bin/env bash
# Two portal instances as one cluster on PostgreSQL (issue 20), proved on this machine:
#  1. both start at once on an empty database: one migrates and seeds the demo data, the other waits
#     (Flyway's advisory lock, DemoDataSeeder's), the 48 sample cases are there once;
#  2. the instances form one Hazelcast cluster (docker/start-portal.sh, NRM_CLUSTER_*);
#  3. a user signs in on A and opens the hotline form; A is killed with kill -9; her form, posted to
#     B with the same cookies, is saved (no "view expired"), stored once, and she is still signed in;
#     a list load alternating between A and B during the kill counts the failed requests on B;
#  4. the size of a user's session in the grid after a round (home, list, case, inbox);
#  5. a consent withdrawn through A hides the case it rested on from the recipient's next request on
#     B (the referral revoked with it);
#  6. scheduled work is done once per cluster: both instances run the hearing notices and the consent
#     expiry every 20 s at the same moments (NRM_SCHEDULE_*); each period is done by one of them
#     (the other logs that it found it done), each user is told of a hearing once per period, and
#     after A's kill B alone does the next periods;
#  7. the e-mails of the notifications are sent once across both instances: both run the outbox's
#     sender every 10 s against one real SMTP server (GreenMail standalone, from Maven Central), and
#     each recipient's mailbox holds exactly as many e-mails as the database has sent to her;
#  8. A started again joins; frozen with kill -STOP, it holds up B's requests (sessions last served by
#     A, and a new sign-in) for at most 10 s each.
# Prints its figures; fails when an assertion fails. Needs the WAR and payara-micro.jar built
# (mvn package), PostgreSQL at 127.0.0.1:5432 (trust) and Maven (it fetches GreenMail once). Whatever happens (failure, timeout's
# TERM, Ctrl-C), both instances and the load are killed, a frozen one first woken, and the database
# dropped on exit. Ports: HTTP 18081/18082 and Hazelcast 16901/16902 on loopback, or
# CLUSTER_HTTP_PORTS="a b" and CLUSTER_HZ_PORTS="a b"; SMTP 13025 and IMAP 13143 (CLUSTER_MAIL_PORTS).
# No pipefail: `grep -q` and `head` end their pipes early on purpose; every result is checked.
set -eu
cd "$(dirname "$0")/.."

WAR=${WAR:-web/target/nrm-portal.war}
JAR=${JAR:-web/target/payara-micro.jar}
PGOPTS=(-h 127.0.0.1 -p 5432 -U postgres)
DB="nrm_ci_cluster_$$"
WORK=$(mktemp -d)
read -r A_PORT B_PORT <<<"${CLUSTER_HTTP_PORTS:-18081 18082}"
read -r A_HZ B_HZ <<<"${CLUSTER_HZ_PORTS:-16901 16902}"
read -r SMTP_PORT IMAP_PORT <<<"${CLUSTER_MAIL_PORTS:-13025 13143}"
A_PID= B_PID= LOAD_PID= MAIL_PID=
FROZEN=

cleanup() {
  [ -n "$FROZEN" ] && kill -CONT "$FROZEN" 2>/dev/null || true
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  for p in $A_PID $B_PID $MAIL_PID; do kill -KILL "$p" 2>/dev/null || true; done
  psql "${PGOPTS[@]}" -d postgres -qc "drop database if exists $DB" >/dev/null 2>&1 || true
  if [ -n "${KEEP_LOGS:-}" ]; then echo "cluster: logs in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# timeout(1) sends TERM: end through the EXIT trap, so nothing is left running.
trap 'exit 143' TERM INT HUP
NAME=cluster
# shellcheck source=instances-lib.sh
. .ci/instances-lib.sh

[ -f "$WAR" ] && [ -f "$JAR" ] || fail "build first: $WAR and $JAR are missing"
for port in $A_PORT $B_PORT $A_HZ $B_HZ $SMTP_PORT $IMAP_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is taken"; fi
done
psql "${PGOPTS[@]}" -d postgres -qc "create database $DB"

# A real SMTP server for both instances, its mailboxes read over IMAP (any password: authentication
# off, a mailbox per address made on the first e-mail).
mvn -q -B dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.13 -DoutputDirectory="$WORK" -Dmdep.stripVersion=true \
  >"$WORK/mvn-greenmail.log" 2>&1 || { cat "$WORK/mvn-greenmail.log" >&2; fail "could not fetch GreenMail standalone"; }
java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.imap.hostname=127.0.0.1 \
  -Dgreenmail.imap.port="$IMAP_PORT" -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=0 \
  -jar "$WORK/greenmail-standalone.jar" >"$WORK/greenmail.log" 2>&1 &
MAIL_PID=$!
disown "$MAIL_PID" # killed on exit without the shell's "Killed" line
for _ in $(seq 1 30); do (exec 3<>"/dev/tcp/127.0.0.1/$IMAP_PORT") 2>/dev/null && break; sleep 1; done
(exec 3<>"/dev/tcp/127.0.0.1/$IMAP_PORT") 2>/dev/null || { cat "$WORK/greenmail.log" >&2; fail "GreenMail did not start"; }
# The e-mails in one address's mailbox.
mailbox_count() {
  curl -s -m 20 --url "imap://127.0.0.1:$IMAP_PORT/" --user "$1:any" -X 'STATUS INBOX (MESSAGES)' | sed -n 's/.*MESSAGES \([0-9]*\).*/\1/p'
}

# Starts an instance with the one start script the Docker image uses. $1 = A or B, $2 HTTP port,
# $3 Hazelcast port. Prints the PID.
start() {
  mkdir -p "$WORK/data-$1"
  NRM_MICRO_JAR="$JAR" NRM_WAR="$WAR" NRM_HTTP_PORT="$2" NRM_INSTANCE_NAME="portal-$1" \
    NRM_CLUSTER_MEMBERS="127.0.0.1:$A_HZ,127.0.0.1:$B_HZ" NRM_CLUSTER_PORT="$3" NRM_CLUSTER_INTERFACE=127.0.0.1 \
    NRM_CLUSTER_NAME=nrm-ci NRM_CLUSTER_PASSWORD="ci-cluster-password-$$" \
    NRM_JAVA_OPTS="-Xmx700m -Dhazelcast.jmx=true" \
    NRM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" NRM_DB_USER=postgres NRM_DATA_DIR="$WORK/data-$1" \
    NRM_DEMO=true NRM_BASE_URL="http://localhost:$2/" NRM_SMTP_HOST=127.0.0.1 NRM_SMTP_PORT="$SMTP_PORT" \
    NRM_SCHEDULE_HEARING_NOTICES="PT20S 00:00" NRM_SCHEDULE_CONSENT_EXPIRY="PT20S 00:00" \
    docker/start-portal.sh >>"$WORK/$1.log" 2>&1 &
  echo $!
}

# Signs in through the form as a browser does; $1 port, $2 user, $3 cookie jar.
login() {
  local page state action nonce
  page=$(curl -s -L -c "$3" -b "$3" "http://localhost:$1/app/cases.xhtml")
  state=$(printf '%s' "$page" | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  action=$(printf '%s' "$page" | sed -n 's/.*<form id="loginForm"[^>]*action="\([^"]*\)".*/\1/p' | head -1 | sed 's/&amp;/\&/g')
  nonce=$(printf '%s' "$page" | sed -n "s/.*PrimeFaces\.csp\.init('\([^']*\)').*/\1/p" | head -1)
  curl -s -L -c "$3" -b "$3" -o /dev/null "http://localhost:$1$action" \
    --data-urlencode "loginForm=loginForm" --data-urlencode "loginForm:username=$2" --data-urlencode "loginForm:password=demo" \
    --data-urlencode "loginForm:submit=" --data-urlencode "jakarta.faces.ViewState=$state" --data-urlencode "primefaces.nonce=$nonce"
}

echo "cluster: starting A (:$A_PORT, Hazelcast $A_HZ) and B (:$B_PORT, $B_HZ) at once on the empty database $DB"
A_PID=$(start A $A_PORT $A_HZ)
B_PID=$(start B $B_PORT $B_HZ)
wait_ready A "$A_PID" $A_PORT
wait_ready B "$B_PID" $B_PORT
grep -q "DG Size: 2" "$WORK/A.log" "$WORK/B.log" || { grep -h "DG Size" "$WORK/A.log" "$WORK/B.log" >&2 || true; fail "A and B did not form one cluster"; }
echo "cluster: both ready and one Hazelcast cluster of 2 members"
imports=$(cat "$WORK/A.log" "$WORK/B.log" | grep -c "Sample HTCDS caseload imported: 48 cases" || true)
cases=$(psql "${PGOPTS[@]}" -d "$DB" -Atc "select count(*) from case_file")
migrations=$(psql "${PGOPTS[@]}" -d "$DB" -Atc "select count(*) || ' rows, ' || count(distinct version) || ' versions' from flyway_schema_history")
[ "$imports" = 1 ] && [ "$cases" = 48 ] || fail "two first starts: $imports imports, $cases cases (expected 1 and 48)"
echo "cluster: simultaneous first start: migrated once (flyway_schema_history $migrations), demo data imported once ($cases cases)"
PSQL=(psql "${PGOPTS[@]}" -d "$DB" -Atq)
utc_now() { "${PSQL[@]}" -c "select clock_timestamp() at time zone 'UTC'"; }

# Scheduled work (issue 20): two hearings, tomorrow and the day after (a midnight between does not
# matter: a run tells each user once per case), laid on a sample case between two runs (runs at
# :00, :20, :40); each run of the hearing notices tells the owner's users once. And a consent that
# ended yesterday under a sample referral, which the consent expiry revokes.
read -r hearing_case hearing_org hearing_user <<<"$("${PSQL[@]}" -F ' ' -c "select c.id, c.owner_organisation_id, u.id
  from case_file c join portal_user u on u.organisation_id = c.owner_organisation_id
  where not exists (select 1 from proceedings_entry e where e.case_file_id = c.id) order by c.id, u.id limit 1")"
[ -n "${hearing_user:-}" ] || fail "no sample case without proceedings"
read -r expiring_ref expiring_case expiring_org <<<"$("${PSQL[@]}" -F ' ' -c "select r.id, r.case_file_id, r.to_organisation_id
  from referral r join organisation t on t.id = r.to_organisation_id
  where t.name <> 'Centar za socijalni rad Beograd' and r.state = 'ACCEPTED' and r.consent_id is null order by r.id limit 1")"
[ -n "${expiring_org:-}" ] || fail "no sample referral for the consent expiry"
sched_ms=0; t=$(ms)
while :; do sec=$((10#$(date +%S) % 20)); [ "$sec" -ge 6 ] && [ "$sec" -le 13 ] && break; sleep 1; done
expired_consent=$("${PSQL[@]}" -c "select nextval('consent_seq')")
"${PSQL[@]}" -c "insert into proceedings_entry (id, version, case_file_id, organisation_id, recorded_by_id, recorded_at, kind, entry_date)
  select nextval('proceedings_entry_seq'), 1, $hearing_case, $hearing_org, $hearing_user, now() at time zone 'UTC', 'HEARING',
    (now() at time zone 'Europe/Belgrade')::date + d from (values (1), (2)) v (d)" \
  -c "insert into consent (id, version, case_file_id, recipient_organisation_id, purpose, given_on, given_as, recorded_by_id, recorded_at, valid_until)
  select $expired_consent, 1, $expiring_case, $expiring_org, 'SOCIAL_PROTECTION', current_date - 30, 'SIGNED_FORM', u.id, now() at time zone 'UTC',
    (now() at time zone 'Europe/Belgrade')::date - 1 from portal_user u where u.username = 'ngo.caseworker1'" \
  -c "insert into consent_category (consent_id, category) values ($expired_consent, 'IDENTITY')" \
  -c "update referral set consent_id = $expired_consent, purpose = 'SOCIAL_PROTECTION' where id = $expiring_ref"
hearings_at=$(utc_now)
sched_ms=$((sched_ms + $(ms) - t))
hearing_runs_after() { "${PSQL[@]}" -c "select count(*) from scheduled_run where job = 'hearing-notices' and started_at > '$1'"; }

# A typical round of one user on A, then the grid's session maps as Hazelcast measures them.
jar=$WORK/user.jar
login $A_PORT ngo.caseworker1 "$jar"
curl -s -o /dev/null -c "$jar" -b "$jar" "http://localhost:$A_PORT/app/home.xhtml"
total=$(list_total $A_PORT "$jar")
[ "$total" = 48 ] || fail "ngo.caseworker1 on A lists '$total' cases"
case_id=$(curl -s -c "$jar" -b "$jar" "http://localhost:$A_PORT/app/cases.xhtml" | grep -o 'case.xhtml?id=[0-9]*' | head -1 | sed 's/.*=//')
curl -s -o /dev/null -c "$jar" -b "$jar" "http://localhost:$A_PORT/app/case.xhtml?id=$case_id"
curl -s -o /dev/null -c "$jar" -b "$jar" "http://localhost:$A_PORT/app/inbox.xhtml"
sleep 2
echo "cluster: session maps after one user's round (home, list, case $case_id, inbox), measured by Hazelcast on A and B:"
maps=$WORK/maps
for p in $A_PID $B_PID; do java .ci/HazelcastMapSizes.java "$p" 2>/dev/null >>"$maps" || echo "  (pid $p: Hazelcast's MBeans not readable)"; done
sed 's/^/  /' "$maps"
# Payara's web sessions are the map with the empty name: one entry, this user's session.
session_bytes=$(awk '$1 == "map" && $2 == "entries" && $3 >= 1 {print $5; exit}' "$maps")
echo "cluster: one user's session after the round: ${session_bytes:-?} bytes in the grid (and as much again in its backup)"

# A consent withdrawn through A: the recipient's next request on B no longer finds the case. The
# consent is laid under one of the sample referrals to the centre in Belgrade (the sample data has
# no consents); withdrawing it revokes the referral, so the case is gone for the centre.
read -r ref_id ref_case ref_org <<<"$("${PSQL[@]}" -F ' ' -c "select r.id, r.case_file_id, r.to_organisation_id from referral r
  join organisation t on t.id = r.to_organisation_id join case_file c on c.id = r.case_file_id
  join organisation o on o.id = c.owner_organisation_id
  where t.name = 'Centar za socijalni rad Beograd' and o.name = 'ASTRA' and r.state = 'ACCEPTED' and r.consent_id is null
  order by r.id limit 1")"
[ -n "${ref_case:-}" ] || fail "no sample referral of an ASTRA case to the centre in Belgrade"
consent_id=$("${PSQL[@]}" -c "select nextval('consent_seq')")
"${PSQL[@]}" -c "insert into consent (id, version, case_file_id, recipient_organisation_id, purpose, given_on, given_as, recorded_by_id, recorded_at)
  select $consent_id, 1, $ref_case, $ref_org, 'SOCIAL_PROTECTION', current_date, 'SIGNED_FORM', u.id, now() at time zone 'UTC' from portal_user u where u.username = 'ngo.caseworker1'" \
  -c "insert into consent_category (consent_id, category) values ($consent_id, 'IDENTITY')" \
  -c "update referral set consent_id = $consent_id, purpose = 'SOCIAL_PROTECTION' where id = $ref_id"
csw_jar=$WORK/csw.jar
login $B_PORT csw.belgrade "$csw_jar"
case_page() { curl -s -m 30 -c "$2" -b "$2" "http://localhost:$1/app/case.xhtml?id=$ref_case"; }
case_page $B_PORT "$csw_jar" | grep -q 'id="caseForm"' || fail "csw.belgrade on B does not see case $ref_case before the withdrawal"
page=$(case_page $A_PORT "$jar")
button=$(printf '%s' "$page" | grep -o '<button[^>]*withdraw-consent[^>]*>' | head -1 | sed -n 's/.* id="\([^"]*\)".*/\1/p')
state=$(printf '%s' "$page" | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
nonce=$(printf '%s' "$page" | sed -n "s/.*PrimeFaces\.csp\.init('\([^']*\)').*/\1/p" | head -1)
[ -n "$button" ] && [ -n "$state" ] || fail "ngo.caseworker1 on A is offered no consent to withdraw on case $ref_case"
answer=$(curl -s -m 30 -c "$jar" -b "$jar" "http://localhost:$A_PORT/app/case.xhtml?id=$ref_case" \
  --data-urlencode "caseForm=caseForm" --data-urlencode "$button=" \
  --data-urlencode "jakarta.faces.ViewState=$state" --data-urlencode "primefaces.nonce=$nonce")
withdrawn=$("${PSQL[@]}" -c "select (select count(*) from consent where id = $consent_id and withdrawn_at is not null) || ' ' || (select state from referral where id = $ref_id)")
[ "$withdrawn" = "1 REVOKED" ] || { printf '%s' "$answer" | grep -o 'ui-messages[^<]*<[^<]*<[^<]*' | head -3 >&2; fail "the withdrawal on A did not take (consent withdrawn, referral: $withdrawn)"; }
after=$(case_page $B_PORT "$csw_jar")
grep -q 'id="notFound"' <<<"$after" && ! grep -q 'id="caseForm"' <<<"$after" || fail "after the withdrawal on A, csw.belgrade's next request on B still shows case $ref_case"
echo "cluster: a consent withdrawn through A (its referral revoked): csw.belgrade's very next request on B no longer finds case $ref_case"

# A run of the hearing notices after the hearings were laid, with A and B both up (at most 45 s).
t=$(ms)
for _ in $(seq 1 45); do [ "$(hearing_runs_after "$hearings_at")" -ge 1 ] && break; sleep 1; done
sched_ms=$((sched_ms + $(ms) - t))
[ "$(hearing_runs_after "$hearings_at")" -ge 1 ] || fail "no run of the hearing notices within 45 s"

# The e-mails (issue 18's outbox, issue 20's "once"): both instances' senders fire every 10 s at the
# same second and take rows with FOR UPDATE SKIP LOCKED. At a quiet moment (nothing waiting to be
# sent, between two hearing runs) every recipient's mailbox holds exactly the e-mails the database
# marks sent to her: none sent twice, none lost.
mail_ms=0; t=$(ms)
# A burst of 60 waiting e-mails (notices of an accepted referral of the hearing's case — not the
# hearing notices, which are counted below — 12 to each of 5 users of the
# case's organisation), laid 3–5 s before the senders fire, so that both take rows in the same
# runs (20 a run each).
while :; do sec=$((10#$(date +%S) % 10)); [ "$sec" -ge 5 ] && [ "$sec" -le 7 ] && break; sleep 1; done
"${PSQL[@]}" -c "insert into notification (id, version, recipient_user_id, kind, case_file_id, case_code, organisation_name,
    created_at, mail_state, mail_attempts, next_attempt_at)
  select nextval('notification_seq'), 1, u.id, 'REFERRAL_ACCEPTED', c.id, c.code, o.name, now() at time zone 'UTC', 'PENDING', 0,
    now() at time zone 'UTC'
  from (select * from portal_user where organisation_id = $hearing_org and email is not null and active order by id limit 5) u
  cross join generate_series(1, 12) g join case_file c on c.id = $hearing_case join organisation o on o.id = c.owner_organisation_id"
pending() { "${PSQL[@]}" -c "select count(*) from notification where mail_state = 'PENDING'"; }
sent_per_recipient() { "${PSQL[@]}" -F ' ' -c "select u.email, count(*) from notification n join portal_user u on u.id = n.recipient_user_id
  where n.mail_state = 'SENT' group by u.email order by u.email"; }
compare_mailboxes() {
  local email n box bad=0
  while read -r email n; do
    box=$(mailbox_count "$email")
    [ "$box" = "$n" ] || { echo "  $email: $n sent by the database, ${box:-?} in the mailbox" >&2; bad=1; }
  done <<<"$(sent_per_recipient)"
  return $bad
}
for _ in $(seq 1 60); do
  sec=$((10#$(date +%S) % 20))
  [ "$sec" -ge 14 ] && [ "$sec" -le 18 ] && [ "$(pending)" = 0 ] && break
  sleep 1
done
[ "$(pending)" = 0 ] || fail "e-mails still waiting after 60 s: $(pending)"
if ! compare_mailboxes; then sleep 3; compare_mailboxes || fail "the mailboxes do not hold the e-mails sent once each"; fi
mail_ms=$(($(ms) - t))
read -r mails recipients <<<"$("${PSQL[@]}" -F ' ' -c "select count(*), count(distinct recipient_user_id) from notification where mail_state = 'SENT'")"
sent_by() { grep -ohE "e-mail: [0-9]+ sent$" "$WORK/$1.log" | awk '{s += $2} END {print s + 0}'; }
[ "$mails" -ge 60 ] || fail "only $mails e-mails sent"
[ "$(sent_by A)" -ge 1 ] && [ "$(sent_by B)" -ge 1 ] || fail "one instance sent every e-mail (A $(sent_by A), B $(sent_by B))"
echo "cluster: e-mails sent once across both instances: $mails to $recipients recipients, each mailbox holding exactly its own" \
  "(A sent $(sent_by A), B $(sent_by B)); the script waited $mail_ms ms for a quiet moment"

# A second user's list load, alternating A and B, through the kill.
load_jar=$WORK/load.jar
login $A_PORT ngo.caseworker2 "$load_jar"
[ -n "$(list_total $A_PORT "$load_jar")" ] || fail "ngo.caseworker2 sees no list on A"
samples=$WORK/samples
: >"$samples"
(
  trap - EXIT TERM INT HUP
  while [ ! -f "$WORK/stop-load" ]; do
    for port in $A_PORT $B_PORT; do
      t=$(ms)
      n=$(list_total $port "$load_jar")
      echo "$t $port ${n:-FAIL} $(($(ms) - t))" >>"$samples"
    done
    sleep 0.2
  done
) &
LOAD_PID=$!

# The half-filled form: the hotline form opened on A, its view (and the session) in A's memory
# and in the grid.
page=$(curl -s -c "$jar" -b "$jar" "http://localhost:$A_PORT/app/hotline.xhtml")
state=$(printf '%s' "$page" | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
action=$(printf '%s' "$page" | sed -n 's/.*<form id="callForm"[^>]*action="\([^"]*\)".*/\1/p' | head -1 | sed 's/&amp;/\&/g')
nonce=$(printf '%s' "$page" | sed -n "s/.*PrimeFaces\.csp\.init('\([^']*\)').*/\1/p" | head -1)
[ -n "$state" ] && [ -n "$action" ] || fail "the hotline form did not open on A"
sleep 3

token="cluster-failover-$$"
kill_at=$(ms)
kill -KILL "$A_PID"
A_PID=
echo "cluster: A killed with kill -9"
answer=$(curl -s -m 60 -c "$jar" -b "$jar" "http://localhost:$B_PORT$action" \
  --data-urlencode "callForm=callForm" --data-urlencode "callForm:purpose=PREVENTIVE_INFORMATION" \
  --data-urlencode "callForm:channel_input=PHONE" --data-urlencode "callForm:callerType_input=CITIZEN" \
  --data-urlencode "callForm:summary=$token" --data-urlencode "callForm:saveCall=callForm:saveCall" \
  --data-urlencode "jakarta.faces.ViewState=$state" --data-urlencode "primefaces.nonce=$nonce")
post_ms=$(($(ms) - kill_at))
stored=$(psql "${PGOPTS[@]}" -d "$DB" -Atc "select count(*) from hotline_call where summary = '$token'")
grep -q "Poziv je zabeležen." <<<"$answer" || { printf '%s' "$answer" | head -c 3000 >&2; fail "the form posted to B was not saved (stored: $stored)"; }
[ "$stored" = 1 ] || fail "the call is stored $stored times"
echo "cluster: the form opened on A, posted to B after the kill, was saved and stored once (answer after $post_ms ms)"
killed_at=$(utc_now)
total=$(list_total $B_PORT "$jar")
[ "$total" = 48 ] || fail "after the failover ngo.caseworker1 on B lists '$total' cases (not signed in any more?)"
echo "cluster: ngo.caseworker1 still signed in on B ($total cases)"

sleep 10
touch "$WORK/stop-load"
wait "$LOAD_PID" || true
LOAD_PID=
b_first_ok=$(awk -v k="$kill_at" -v p=$B_PORT '$1 >= k && $2 == p && $3 != "FAIL" {print $1; exit}' "$samples")
[ -n "$b_first_ok" ] || fail "B answered no list request after the kill"
b_fail_after=$(awk -v k="$b_first_ok" -v p=$B_PORT '$1 >= k && $2 == p && $3 == "FAIL"' "$samples" | wc -l)
b_fail_during=$(awk -v k="$kill_at" -v o="$b_first_ok" -v p=$B_PORT '$1 >= k && $1 < o && $2 == p && $3 == "FAIL"' "$samples" | wc -l)
b_total=$(awk -v k="$kill_at" -v p=$B_PORT '$1 >= k && $2 == p' "$samples" | wc -l)
a_fail=$(awk -v k="$kill_at" -v p=$A_PORT '$1 >= k && $2 == p && $3 == "FAIL"' "$samples" | wc -l)
b_slowest=$(awk -v k="$kill_at" -v p=$B_PORT '$1 >= k && $2 == p {if ($4 > m) m = $4} END {print m + 0}' "$samples")
echo "cluster: list load during the kill: B answered its first list $((b_first_ok - kill_at)) ms after the kill;" \
  "on B $b_fail_during failed before and $b_fail_after after that of $b_total requests (slowest $b_slowest ms);" \
  "$a_fail requests to the dead A refused (a load balancer sends those to B)"
[ "$b_fail_after" = 0 ] || fail "$b_fail_after list requests failed on B after it had taken over"

# The scheduled work: B alone does a period after the kill (at most 45 s); then every period in
# the logs was done by one instance, both fired at the periods before the kill, B alone after it,
# and each user was told of the hearings once per run.
t=$(ms)
for _ in $(seq 1 45); do [ "$(hearing_runs_after "$killed_at")" -ge 1 ] && break; sleep 1; done
sched_ms=$((sched_ms + $(ms) - t))
[ "$(hearing_runs_after "$killed_at")" -ge 1 ] || fail "B alone did no run of the hearing notices within 45 s of the kill"
sleep 3 # the other instance's log line of the same period
for i in A B; do
  grep -ohE "scheduled job [a-z-]+, period [0-9T:-]+: done (here|by another instance)" "$WORK/$i.log" | sed "s/^/$i /"
done >"$WORK/job-runs"
# Per period: how often it was done, by whom, and which instance found it done.
awk '{key = $4 " " $6; if ($8 == "here") {here[key]++; who[key] = $1} else {other[key] = other[key] $1}}
  END {for (k in here) print k, here[k], who[k], (k in other) ? other[k] : "-"; for (k in other) if (!(k in here)) print k, 0, "-", other[k]}' \
  "$WORK/job-runs" | sort >"$WORK/periods"
twice=$(awk '$3 > 1' "$WORK/periods")
[ -z "$twice" ] || fail "periods done more than once: $twice"
both=$(awk '$3 == 1 && $5 != "-" && $5 != $4' "$WORK/periods" | wc -l)
hearing_both=$(awk '$1 == "hearing-notices," && $3 == 1 && $5 != "-" && $5 != $4' "$WORK/periods" | wc -l)
expiry_both=$(awk '$1 == "consent-expiry," && $3 == 1 && $5 != "-" && $5 != $4' "$WORK/periods" | wc -l)
by_a=$(awk '$4 == "A"' "$WORK/periods" | wc -l)
by_b=$(awk '$4 == "B"' "$WORK/periods" | wc -l)
[ "$hearing_both" -ge 1 ] && [ "$expiry_both" -ge 1 ] || fail "no period at which both instances ran a job (hearing notices $hearing_both, consent expiry $expiry_both)"
logged=$(awk '$3 == 1' "$WORK/periods" | wc -l)
after_kill=$("${PSQL[@]}" -c "select period from scheduled_run where job = 'hearing-notices' and started_at > '$killed_at'")
for period in $after_kill; do
  grep -q "^hearing-notices, $period: 1 B " "$WORK/periods" || fail "period $period after the kill not done by B: $(grep "$period" "$WORK/periods")"
done
read -r runs users fewest most <<<"$("${PSQL[@]}" -F ' ' -c "select (select count(*) from scheduled_run where job = 'hearing-notices'
  and started_at > '$hearings_at'), count(*), coalesce(min(n), 0), coalesce(max(n), 0) from (select count(*) n from notification
  where case_file_id = $hearing_case and kind = 'HEARING_TOMORROW' group by recipient_user_id) t")"
[ "$users" -ge 1 ] && [ "$fewest" = "$runs" ] && [ "$most" = "$runs" ] || fail "hearing notices: $runs runs, but $users users told between $fewest and $most times each"
expired=$("${PSQL[@]}" -c "select state || ' ' || coalesce(revoked_by_id::text, 'by-the-job') from referral where id = $expiring_ref")
[ "$expired" = "REVOKED by-the-job" ] || fail "the referral under the consent that ended yesterday is '$expired' (expected revoked by the consent expiry)"
echo "cluster: scheduled work every 20 s on both instances: $logged periods of the hearing notices and the consent expiry," \
  "each done once ($by_a by A, $by_b by B; at $both of them the other instance ran too and found it done;" \
  "$(echo $after_kill | wc -w) hearing-notices periods after the kill, all by B); $users users each told of the hearings once per run ($runs runs);" \
  "the referral under an expired consent revoked; the script waited $sched_ms ms for the runs"

echo "cluster: A started again; then frozen with kill -STOP"
mv "$WORK/A.log" "$WORK/A-killed.log"
A_PID=$(start A $A_PORT $A_HZ)
wait_ready A "$A_PID" $A_PORT
grep -q "DG Size: 2" "$WORK/A.log" || fail "the restarted A did not join B"
login $A_PORT ngo.caseworker3 "$load_jar"
[ -n "$(list_total $A_PORT "$load_jar")" ] || fail "ngo.caseworker3 sees no list on the restarted A"
kill -STOP "$A_PID"
FROZEN=$A_PID
frozen_at=$(ms)
t=$(ms)
total=$(list_total $B_PORT "$load_jar")
held=$(($(ms) - t))
# Then, A still frozen: the same session again, the first user's (last served by B), and a new
# sign-in on B; each answer timed. The slowest must come within 10 s as well.
slowest=0 answered=0 asked=0
for round in 1 2 3; do
  for j in "$load_jar" "$jar"; do
    t=$(ms); n=$(list_total $B_PORT "$j"); d=$(($(ms) - t))
    asked=$((asked + 1)); [ -n "$n" ] && answered=$((answered + 1)); [ "$d" -gt "$slowest" ] && slowest=$d
  done
done
new_jar=$WORK/new.jar
t=$(ms); login $B_PORT ngo.coordinator "$new_jar"; n=$(list_total $B_PORT "$new_jar"); login_ms=$(($(ms) - t))
frozen_ms=$(($(ms) - frozen_at))
kill -CONT "$A_PID"
FROZEN=
[ -n "$total" ] || fail "with A frozen, B answered no list"
echo "cluster: with A frozen, B's next request of a session last served by A took $held ms;" \
  "then $answered of $asked list requests answered, the slowest in $slowest ms; a new sign-in and its list on B" \
  "took $login_ms ms (${n:-no list}); A was frozen $frozen_ms ms"
[ "$held" -le 10000 ] || fail "a frozen instance held up B for $held ms (more than 10 s)"
[ "$slowest" -le 10000 ] || fail "a frozen instance held up a later request on B for $slowest ms (more than 10 s)"
[ "$answered" = "$asked" ] && [ -n "$n" ] || fail "with A frozen, B left requests unanswered ($answered of $asked; new sign-in: '${n:-}')"
[ "$login_ms" -le 20000 ] || fail "with A frozen, a sign-in and one list on B took $login_ms ms"
echo "cluster: passed"
