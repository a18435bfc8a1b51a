#!/usr/bin/env bash
# Two portal instances as one cluster on PostgreSQL (issue 20), proved on this machine:
#  1. both start at once on an empty database: one migrates and seeds the demo data, the other waits
#     (Flyway's advisory lock, DemoDataSeeder's), the 48 sample cases are there once;
#  2. the instances form one Hazelcast cluster (docker/start-portal.sh, NRM_CLUSTER_*);
#  3. a user signs in on A and opens the hotline form; A is killed with kill -9; her form, posted to
#     B with the same cookies, is saved (no "view expired"), stored once, and she is still signed in;
#     a list load alternating between A and B during the kill counts the failed requests on B;
#  4. the size of a user's session in the grid after a round (home, list, case, inbox);
#  5. A started again joins; frozen with kill -STOP, it holds up B's next request for how long.
# Prints its figures; fails when an assertion fails. Needs the WAR and payara-micro.jar built
# (mvn package) and PostgreSQL at 127.0.0.1:5432 (trust). Whatever happens, both instances are
# killed and the database dropped on exit.
# No pipefail: `grep -q` and `head` end their pipes early on purpose; every result is checked.
set -eu
cd "$(dirname "$0")/.."

WAR=${WAR:-web/target/nrm-portal.war}
JAR=${JAR:-web/target/payara-micro.jar}
PGOPTS=(-h 127.0.0.1 -p 5432 -U postgres)
DB="nrm_ci_cluster_$$"
WORK=$(mktemp -d)
A_PORT=18081 B_PORT=18082
A_PID= B_PID=
FROZEN=

cleanup() {
  [ -n "$FROZEN" ] && kill -CONT "$FROZEN" 2>/dev/null || true
  for p in $A_PID $B_PID; do kill -KILL "$p" 2>/dev/null || true; done
  psql "${PGOPTS[@]}" -d postgres -qc "drop database if exists $DB" >/dev/null 2>&1 || true
  if [ -n "${KEEP_LOGS:-}" ]; then echo "cluster: logs in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
fail() {
  echo "cluster: FAILED: $*" >&2
  for f in "$WORK"/*.log; do
    echo "--- errors in $(basename "$f"):" >&2
    grep -E -A3 "SEVERE|WARNING.*Exception" "$f" | cut -c1-400 | head -40 >&2 || true
  done
  exit 1
}
ms() { date +%s%3N; }

[ -f "$WAR" ] && [ -f "$JAR" ] || fail "build first: $WAR and $JAR are missing"
psql "${PGOPTS[@]}" -d postgres -qc "create database $DB"

# Starts an instance with the one start script the Docker image uses. $1 = A or B, $2 HTTP port,
# $3 Hazelcast port. Prints the PID.
start() {
  mkdir -p "$WORK/data-$1"
  NRM_MICRO_JAR="$JAR" NRM_WAR="$WAR" NRM_HTTP_PORT="$2" NRM_INSTANCE_NAME="portal-$1" \
    NRM_CLUSTER_MEMBERS="127.0.0.1:16901,127.0.0.1:16902" NRM_CLUSTER_PORT="$3" NRM_CLUSTER_INTERFACE=127.0.0.1 \
    NRM_CLUSTER_NAME=nrm-ci NRM_CLUSTER_PASSWORD="ci-cluster-password-$$" \
    NRM_JAVA_OPTS="-Xmx700m -Dhazelcast.jmx=true" \
    NRM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" NRM_DB_USER=postgres NRM_DATA_DIR="$WORK/data-$1" \
    NRM_DEMO=true NRM_BASE_URL="http://localhost:$2/" \
    docker/start-portal.sh >>"$WORK/$1.log" 2>&1 &
  echo $!
}
wait_ready() { # $1 A|B, $2 pid, $3 port
  for _ in $(seq 1 150); do
    grep -q "Payara Micro .* ready in" "$WORK/$1.log" && curl -sf "http://localhost:$3/health/ready" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 2
  done
  tail -60 "$WORK/$1.log" >&2
  fail "instance $1 did not get ready"
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
# The total of the case list a session sees ("1–20 / 48"), empty when it sees no list.
list_total() { curl -s -m 30 -c "$2" -b "$2" "http://localhost:$1/app/cases.xhtml" | grep -o '[0-9]*–[0-9]* / [0-9]*' | head -1 | sed 's/.* \/ //' || true; }

echo "cluster: starting A (:$A_PORT, Hazelcast 16901) and B (:$B_PORT, 16902) at once on the empty database $DB"
A_PID=$(start A $A_PORT 16901)
B_PID=$(start B $B_PORT 16902)
wait_ready A "$A_PID" $A_PORT
wait_ready B "$B_PID" $B_PORT
grep -q "DG Size: 2" "$WORK/A.log" "$WORK/B.log" || { grep -h "DG Size" "$WORK/A.log" "$WORK/B.log" >&2 || true; fail "A and B did not form one cluster"; }
echo "cluster: both ready and one Hazelcast cluster of 2 members"
imports=$(cat "$WORK/A.log" "$WORK/B.log" | grep -c "Sample HTCDS caseload imported: 48 cases" || true)
cases=$(psql "${PGOPTS[@]}" -d "$DB" -Atc "select count(*) from case_file")
migrations=$(psql "${PGOPTS[@]}" -d "$DB" -Atc "select count(*) || ' rows, ' || count(distinct version) || ' versions' from flyway_schema_history")
[ "$imports" = 1 ] && [ "$cases" = 48 ] || fail "two first starts: $imports imports, $cases cases (expected 1 and 48)"
echo "cluster: simultaneous first start: migrated once (flyway_schema_history $migrations), demo data imported once ($cases cases)"

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

# A second user's list load, alternating A and B, through the kill.
load_jar=$WORK/load.jar
login $A_PORT ngo.caseworker2 "$load_jar"
[ -n "$(list_total $A_PORT "$load_jar")" ] || fail "ngo.caseworker2 sees no list on A"
samples=$WORK/samples
: >"$samples"
(
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
total=$(list_total $B_PORT "$jar")
[ "$total" = 48 ] || fail "after the failover ngo.caseworker1 on B lists '$total' cases (not signed in any more?)"
echo "cluster: ngo.caseworker1 still signed in on B ($total cases)"

sleep 10
touch "$WORK/stop-load"
wait "$LOAD_PID" || true
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

echo "cluster: A started again; then frozen with kill -STOP"
mv "$WORK/A.log" "$WORK/A-killed.log"
A_PID=$(start A $A_PORT 16901)
wait_ready A "$A_PID" $A_PORT
grep -q "DG Size: 2" "$WORK/A.log" || fail "the restarted A did not join B"
login $A_PORT ngo.caseworker3 "$load_jar"
[ -n "$(list_total $A_PORT "$load_jar")" ] || fail "ngo.caseworker3 sees no list on the restarted A"
kill -STOP "$A_PID"
FROZEN=$A_PID
t=$(ms)
total=$(list_total $B_PORT "$load_jar")
held=$(($(ms) - t))
kill -CONT "$A_PID"
FROZEN=
[ -n "$total" ] || fail "with A frozen, B answered no list"
echo "cluster: with A frozen, B's next request of a session last served by A took $held ms"
[ "$held" -le 10000 ] || fail "a frozen instance held up B for $held ms (more than 10 s)"
echo "cluster: passed"
