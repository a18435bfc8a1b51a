#!/usr/bin/env bash
# The EAR on a full Payara Server (issue 14): downloads Payara Server 7.2025.1 from Maven Central
# (cached), creates a domain of its own on ports 28xxx, deploys ear/target/nrm-portal.ear with
# README's command against a fresh PostgreSQL database in demo mode, logs in through the form as
# ngo.caseworker1 and checks that she lists the 48 sample cases. Every wait is bounded; the domain,
# its files and the database are removed on exit, and the server's log is shown on failure.
# Inputs: JAVA_HOME (a JDK 21+), PG_HOST/PG_PORT (default 127.0.0.1:5432, user postgres, trust auth).
set -euo pipefail
cd "$(dirname "$0")/.."

PAYARA_VERSION=7.2025.1
PAYARA_ZIP_URL="https://repo.maven.apache.org/maven2/fish/payara/distributions/payara/$PAYARA_VERSION/payara-$PAYARA_VERSION.zip"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/nrm-ci"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PORTBASE=28000
ADMIN_PORT=$((PORTBASE + 48))
HTTP_PORT=$((PORTBASE + 80))
EAR=ear/target/nrm-portal.ear
DB="nrm_ci_ear_$$"
WORK=$(mktemp -d)
export AS_JAVA="$JAVA_HOME"

[ -f "$EAR" ] || { echo "$EAR is missing: build it first (mvn -DskipTests package)" >&2; exit 1; }
mkdir -p "$CACHE"
if [ ! -s "$CACHE/payara-$PAYARA_VERSION.zip" ]; then
  curl -sSf --max-time 300 -o "$CACHE/payara-$PAYARA_VERSION.zip.part" "$PAYARA_ZIP_URL"
  mv "$CACHE/payara-$PAYARA_VERSION.zip.part" "$CACHE/payara-$PAYARA_VERSION.zip"
fi
unzip -q "$CACHE/payara-$PAYARA_VERSION.zip" -d "$WORK"
ASADMIN="$WORK/payara7/bin/asadmin"
LOG="$WORK/payara7/glassfish/domains/nrm/logs/server.log"

cleanup() {
  local rc=$?
  if [ $rc -ne 0 ] && [ -f "$LOG" ]; then
    echo "--- last lines of the Payara Server log" >&2
    tail -60 "$LOG" | cut -c1-400 >&2
  fi
  timeout 60 "$ASADMIN" stop-domain nrm >/dev/null 2>&1 || true
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qc "drop database if exists $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qc "create database $DB"
timeout 120 "$ASADMIN" --interactive=false create-domain --portbase "$PORTBASE" --nopassword=true nrm >/dev/null
timeout 180 "$ASADMIN" start-domain nrm
A=(--port "$ADMIN_PORT")
# README: the portal reads its database and demo mode as system properties of the server.
timeout 60 "$ASADMIN" "${A[@]}" create-system-properties "nrm.demo=true:nrm.db.user=postgres"
timeout 60 "$ASADMIN" "${A[@]}" create-system-properties "nrm.db.url=jdbc\\:postgresql\\://$PG_HOST\\:$PG_PORT/$DB"
# README's deploy command.
timeout 300 "$ASADMIN" "${A[@]}" deploy --name nrm-portal --contextroot / "$EAR"

for _ in $(seq 1 60); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT/health/ready")" = 200 ] && break
  sleep 2
done
code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT/health/ready")
[ "$code" = 200 ] || { echo "/health/ready answered $code" >&2; exit 1; }
grep -q "Sample HTCDS caseload imported: 48 cases" "$LOG" || { echo "the EAR did not import the sample caseload" >&2; exit 1; }

# Log in through the form as a browser would (with the page's view state and CSP nonce).
jar="$WORK/cookies"
page=$(curl -s -L -c "$jar" -b "$jar" "http://localhost:$HTTP_PORT/app/cases.xhtml")
state=$(printf '%s' "$page" | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
action=$(printf '%s' "$page" | sed -n 's/.*<form id="loginForm"[^>]*action="\([^"]*\)".*/\1/p' | head -1 | sed 's/&amp;/\&/g')
nonce=$(printf '%s' "$page" | sed -n "s/.*PrimeFaces\.csp\.init('\([^']*\)').*/\1/p" | head -1)
curl -s -L -c "$jar" -b "$jar" -o /dev/null "http://localhost:$HTTP_PORT$action" \
  --data-urlencode "loginForm=loginForm" --data-urlencode "loginForm:username=ngo.caseworker1" --data-urlencode "loginForm:password=demo" \
  --data-urlencode "loginForm:submit=" --data-urlencode "jakarta.faces.ViewState=$state" --data-urlencode "primefaces.nonce=$nonce"
seen=$(curl -s -c "$jar" -b "$jar" "http://localhost:$HTTP_PORT/app/cases.xhtml" | grep -o '[0-9]*–[0-9]* / [0-9]*' | head -1 | sed 's/.* \/ //' || true)
[ "$seen" = 48 ] || { echo "on Payara Server ngo.caseworker1 lists '$seen' cases, expected 48" >&2; exit 1; }
echo "EAR on Payara Server $PAYARA_VERSION (JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)): deployed, ready, ngo.caseworker1 logged in and lists $seen cases"
