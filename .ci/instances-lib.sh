# Shared by .ci/cluster-failover.sh and .ci/oidc-failover.sh (sourced, not run): the helpers of a
# script that starts portal instances with docker/start-portal.sh, logging each to $WORK/<name>.log.
# The sourcing script sets NAME (its prefix in messages) and WORK before calling them.

# Prints the failure and the errors of every instance's log, then ends the script (its EXIT trap
# cleans up).
fail() {
  echo "$NAME: FAILED: $*" >&2
  for f in "$WORK"/*.log; do
    echo "--- errors in $(basename "$f"):" >&2
    grep -E -A3 "SEVERE|WARNING.*Exception" "$f" | cut -c1-400 | head -40 >&2 || true
  done
  exit 1
}

# Milliseconds since the epoch.
ms() { date +%s%3N; }

# Waits (at most 5 minutes) until an instance is deployed and ready; $1 its name (A, B), $2 its PID,
# $3 its HTTP port.
wait_ready() {
  for _ in $(seq 1 150); do
    grep -q "Payara Micro .* ready in" "$WORK/$1.log" && curl -sf "http://localhost:$3/health/ready" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 2
  done
  tail -60 "$WORK/$1.log" >&2
  fail "instance $1 did not get ready"
}

# The total of the case list a session sees ("1–20 / 48"); empty when it sees no list. $1 the
# port, $2 the session's cookie jar.
list_total() { curl -s -m 30 -c "$2" -b "$2" "http://localhost:$1/app/cases.xhtml" | grep -o '[0-9]*–[0-9]* / [0-9]*' | head -1 | sed 's/.* \/ //' || true; }
