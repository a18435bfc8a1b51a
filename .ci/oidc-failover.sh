#!/usr/bin/env bash
# Single sign-on across a failover (issue 20): two portal instances in OpenID Connect mode form one
# cluster on PostgreSQL; a user signs in through Keycloak's own form on A; A is killed with kill -9;
# her next requests, sent to B with the same cookies, are still signed in (the OpenID context is in
# the replicated HTTP session), and she is not sent to Keycloak again.
# Needs: a running Keycloak with the nrm realm at KC_URL (default http://localhost:8180, as .ci/run's
# single sign-on stage starts it, client secret NRM_OIDC_CLIENT_SECRET, default ci-secret), the WAR
# and payara-micro.jar built, PostgreSQL at 127.0.0.1:5432 (trust). Both instances are given A's
# address as the redirect address, as two instances behind one load balancer are (the realm
# registers http://localhost:18080/* and :8080/*, so A listens on one of them). Ports: HTTP
# 18080/18083 (OIDC_HTTP_PORTS="a b"), Hazelcast 16911/16912 on loopback. Whatever happens, both instances are killed and the database dropped.
set -eu
cd "$(dirname "$0")/.."

WAR=${WAR:-web/target/nrm-portal.war}
JAR=${JAR:-web/target/payara-micro.jar}
KC_URL=${KC_URL:-http://localhost:8180}
SECRET=${NRM_OIDC_CLIENT_SECRET:-ci-secret}
PGOPTS=(-h 127.0.0.1 -p 5432 -U postgres)
DB="nrm_ci_oidc_$$"
WORK=$(mktemp -d)
read -r A_PORT B_PORT <<<"${OIDC_HTTP_PORTS:-18080 18083}"
A_HZ=16911 B_HZ=16912
A_PID= B_PID=

cleanup() {
  for p in $A_PID $B_PID; do kill -KILL "$p" 2>/dev/null || true; done
  psql "${PGOPTS[@]}" -d postgres -qc "drop database if exists $DB" >/dev/null 2>&1 || true
  if [ -n "${KEEP_LOGS:-}" ]; then echo "oidc: logs in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP
NAME=oidc
# shellcheck source=instances-lib.sh
. .ci/instances-lib.sh

[ -f "$WAR" ] && [ -f "$JAR" ] || fail "build first: $WAR and $JAR are missing"
curl -sf -o /dev/null "$KC_URL/realms/nrm/.well-known/openid-configuration" || fail "no Keycloak with the nrm realm at $KC_URL"
for port in $A_PORT $B_PORT $A_HZ $B_HZ; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is taken"; fi
done
psql "${PGOPTS[@]}" -d postgres -qc "create database $DB"

# $1 = A or B, $2 HTTP port, $3 Hazelcast port. Prints the PID.
start() {
  mkdir -p "$WORK/data-$1"
  NRM_MICRO_JAR="$JAR" NRM_WAR="$WAR" NRM_HTTP_PORT="$2" NRM_INSTANCE_NAME="sso-$1" \
    NRM_CLUSTER_MEMBERS="127.0.0.1:$A_HZ,127.0.0.1:$B_HZ" NRM_CLUSTER_PORT="$3" NRM_CLUSTER_INTERFACE=127.0.0.1 \
    NRM_CLUSTER_NAME=nrm-ci-sso NRM_CLUSTER_PASSWORD="ci-sso-cluster-password-$$" NRM_JAVA_OPTS="-Xmx600m" \
    NRM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" NRM_DB_USER=postgres NRM_DATA_DIR="$WORK/data-$1" \
    NRM_DEMO=true NRM_BASE_URL="http://localhost:$A_PORT/" \
    NRM_AUTH=oidc NRM_OIDC_ISSUER="$KC_URL/realms/nrm" NRM_OIDC_CLIENT_SECRET="$SECRET" \
    NRM_OIDC_REDIRECT_URI="http://localhost:$A_PORT/callback" \
    docker/start-portal.sh >>"$WORK/$1.log" 2>&1 &
  echo $!
}

echo "oidc: starting A (:$A_PORT) and B (:$B_PORT) in single sign-on mode, one cluster on $DB"
A_PID=$(start A $A_PORT $A_HZ)
wait_ready A "$A_PID" $A_PORT
B_PID=$(start B $B_PORT $B_HZ)
wait_ready B "$B_PID" $B_PORT
grep -q "DG Size: 2" "$WORK/A.log" "$WORK/B.log" || fail "A and B did not form one cluster"

# Signing in as a browser does: the portal sends her to Keycloak, she posts Keycloak's own form, and
# Keycloak sends her back to A's /callback, which makes the session.
jar=$WORK/user.jar
login_page=$(curl -s -L -m 30 -c "$jar" -b "$jar" "http://localhost:$A_PORT/app/cases.xhtml")
action=$(printf '%s' "$login_page" | grep -o 'action="[^"]*login-actions/authenticate[^"]*"' | head -1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')
[ -n "$action" ] || { printf '%s' "$login_page" | head -c 2000 >&2; fail "A did not send the user to Keycloak's form"; }
curl -s -L -m 60 -c "$jar" -b "$jar" -o /dev/null "$action" \
  --data-urlencode username=ngo.caseworker1 --data-urlencode password=demo --data-urlencode credentialId=
total=$(list_total $A_PORT "$jar")
[ "$total" = 48 ] || fail "after Keycloak's form, ngo.caseworker1 on A lists '$total' cases (expected 48)"
echo "oidc: ngo.caseworker1 signed in through Keycloak on A and lists $total cases"
# The session is in the grid on both members before the kill.
sleep 3

kill_at=$(ms)
kill -KILL "$A_PID"
A_PID=
page=$(curl -s -m 60 -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$B_PORT/app/cases.xhtml")
took=$(($(ms) - kill_at))
case "$page" in
  200\ *) ;;
  *) fail "after A's kill, B answered the signed-in user with '$page' (sent to sign in again?)" ;;
esac
total=$(list_total $B_PORT "$jar")
[ "$total" = 48 ] || fail "after A's kill, ngo.caseworker1 on B lists '$total' cases (expected 48: not signed in any more?)"
case_id=$(curl -s -m 30 -c "$jar" -b "$jar" "http://localhost:$B_PORT/app/cases.xhtml" | grep -o 'case.xhtml?id=[0-9]*' | head -1 | sed 's/.*=//')
curl -s -m 30 -c "$jar" -b "$jar" "http://localhost:$B_PORT/app/case.xhtml?id=$case_id" | grep -q 'id="caseForm"' \
  || fail "after A's kill, ngo.caseworker1 cannot open case $case_id on B"
echo "oidc: A killed with kill -9; on B the same session is still signed in (first answer $took ms after the kill," \
  "no new Keycloak sign-in), lists $total cases and opens case $case_id"
# Signing out on B: the portal's session ends (the tokens stayed on A, so Keycloak's session is not
# named and stays), and her next request is sent to Keycloak again.
page=$(curl -s -m 30 -c "$jar" -b "$jar" "http://localhost:$B_PORT/app/home.xhtml")
state=$(printf '%s' "$page" | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
action=$(printf '%s' "$page" | sed -n 's/.*<form id="userForm"[^>]*action="\([^"]*\)".*/\1/p' | head -1 | sed 's/&amp;/\&/g')
nonce=$(printf '%s' "$page" | sed -n "s/.*PrimeFaces\.csp\.init('\([^']*\)').*/\1/p" | head -1)
[ -n "$state" ] && [ -n "$action" ] || fail "B's home page has no sign-out form"
out=$(curl -s -m 30 -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$B_PORT$action" \
  --data-urlencode "userForm=userForm" --data-urlencode "userForm:logout=" \
  --data-urlencode "jakarta.faces.ViewState=$state" --data-urlencode "primefaces.nonce=$nonce")
case "$out" in 302\ *login.xhtml?loggedOut=true*) ;; *) fail "signing out on B answered '$out'" ;; esac
after=$(curl -s -m 30 -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$B_PORT/app/cases.xhtml")
case "$after" in 302\ "$KC_URL"/*) ;; *) fail "after signing out on B, the case list answered '$after' (expected Keycloak's sign-in)" ;; esac
echo "oidc: signing out on B ends the session: the case list then sends her to Keycloak"
echo "oidc: passed"
