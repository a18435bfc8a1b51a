#!/bin/sh
# Starts NRM Portal on Payara Micro: one instance by default, or a member of a cluster of instances
# that share one PostgreSQL database and keep their sessions in Payara's Hazelcast data grid
# (issue 20, README "Running several instances"). The one place that turns the NRM_CLUSTER_*
# settings into Payara Micro's options: the Docker image runs it as its entrypoint, and
# .ci/cluster-failover.sh starts its two instances with it.
#
# Settings (environment):
#   NRM_MICRO_JAR     payara-micro.jar                    (default /opt/payara/payara-micro.jar)
#   NRM_WAR           the portal's WAR                    (default /opt/payara/deployments/nrm-portal.war)
#   NRM_HTTP_PORT     HTTP port                           (default 8080)
#   NRM_JAVA_OPTS     JVM options                         (default -XX:MaxRAMPercentage=70)
#   NRM_SINGLE_INSTANCE_COMMANDS  a single instance's pre-boot commands: its sessions stay in its
#                     memory (default /opt/payara/single-instance.asadmin, and when it is unset
#                     outside the image the file in web/src/main/payara/ beside this script; a file
#                     named but missing is refused; empty: none)
#   NRM_PREBOOT_COMMANDS  a file of the operator's own pre-boot commands (asadmin, one a line), e.g.
#                     the scheme mapping behind a proxy that ends TLS (README). Payara Micro reads
#                     one pre-boot file only, so this script joins it with the single instance's;
#                     --prebootcommandfile among the further arguments is refused for that reason.
#   NRM_CLUSTER_MEMBERS  empty: a single instance (--nocluster, and -Dnrm.singleInstance=true for
#                     Faces). Otherwise the members' Hazelcast addresses, host:port,host:port,...
#                     (TCP/IP discovery), or dns:name:port (every address of a DNS name, e.g. a
#                     Kubernetes headless service). Never multicast.
#   NRM_CLUSTER_NAME  the cluster's name                  (default nrm-portal)
#   NRM_CLUSTER_PASSWORD  required with members, at least 16 characters, the same on every
#                     instance. Hazelcast 5 (Payara 7) has no join password of its own; the cluster
#                     name Payara is given is NRM_CLUSTER_NAME plus a SHA-256 digest of the
#                     password, and Hazelcast refuses a member whose cluster name differs. So an
#                     instance without the password cannot join, and the password is not derivable
#                     from what the members send. It does not encrypt the grid's traffic: keep the
#                     Hazelcast port on a private network.
#   NRM_CLUSTER_PORT  this instance's Hazelcast port      (default 6900)
#   NRM_CLUSTER_INTERFACE  the interface(s) Hazelcast binds, e.g. 127.0.0.1 or 10.0.0.*
#   NRM_CLUSTER_PUBLIC_ADDRESS  the address other members reach this one at (NAT, containers)
#   NRM_CLUSTER_HEARTBEAT_SECONDS  a member silent this long is dropped (default 6): a frozen
#                     instance holds up the others for about this long at most
#   NRM_INSTANCE_NAME the instance's name in the grid and its log (optional)
# Further arguments are passed to Payara Micro as they are.
#
# NRM_START_DRY_RUN=1 prints the command line, one argument a line, instead of running it
# (DeploymentFilesTest checks the translation that way).
set -eu

for arg in "$@"; do
  # Payara Micro reads its options in any case (--PreBootCommandFile too).
  lower=$(printf '%s' "$arg" | tr '[:upper:]' '[:lower:]')
  if [ "${lower%%=*}" = --prebootcommandfile ]; then
    echo "start-portal: give pre-boot commands in NRM_PREBOOT_COMMANDS (a file), not --prebootcommandfile: Payara Micro reads one pre-boot file, and the single instance's own commands would be dropped" >&2
    exit 64
  fi
done
dry_run=${NRM_START_DRY_RUN:-}

jar=${NRM_MICRO_JAR:-/opt/payara/payara-micro.jar}
war=${NRM_WAR:-/opt/payara/deployments/nrm-portal.war}
port=${NRM_HTTP_PORT:-8080}
# Blanks are not part of an address: "a:1, b:2" is two members, and blanks alone are none.
members=$(printf '%s' "${NRM_CLUSTER_MEMBERS:-}" | tr -d '[:space:]')

set -- --port "$port" --contextroot / --deploy "$war" "$@"

heartbeat=
single=
alone=
if [ -z "$members" ]; then
  # Nothing to replicate to: without the pre-boot commands Payara would still serialise the
  # distributable session into its local data grid after every request and read it back before
  # the next (docs/benchmarks.md, "a single instance keeps its sessions in memory").
  single=${NRM_SINGLE_INSTANCE_COMMANDS-/opt/payara/single-instance.asadmin}
  beside="$(cd "$(dirname "$0")/.." && pwd)/web/src/main/payara/single-instance.asadmin"
  if [ -z "${NRM_SINGLE_INSTANCE_COMMANDS+set}" ] && [ ! -f "$single" ] && [ -f "$beside" ]; then
    # Outside the image: the default is the file of the sources beside this script.
    single=$beside
  fi
  if [ -n "$single" ] && [ ! -f "$single" ]; then
    echo "start-portal: no file $single (NRM_SINGLE_INSTANCE_COMMANDS; set it empty for none)" >&2
    exit 64
  fi
  set -- --nocluster "$@"
  # ... and Faces keeps its views there as objects, not serialised and compressed for a data grid
  # (rs.astra.nrm.web.operations.ViewStateStorage).
  alone="-Dnrm.singleInstance=true"
else
  password=${NRM_CLUSTER_PASSWORD:-}
  if [ ${#password} -lt 16 ]; then
    echo "start-portal: NRM_CLUSTER_MEMBERS is set, so NRM_CLUSTER_PASSWORD must be too (at least 16 characters, the same on every instance)" >&2
    exit 64
  fi
  digest=$(printf '%s' "$password" | sha256sum | cut -c1-32)
  name="${NRM_CLUSTER_NAME:-nrm-portal}-$digest"
  case "$members" in
    dns:*) mode=$members ;;
    multicast:* | domain:*)
      echo "start-portal: NRM_CLUSTER_MEMBERS takes host:port,... or dns:name:port (no multicast)" >&2
      exit 64
      ;;
    *) mode="tcpip:$members" ;;
  esac
  set -- --clustermode "$mode" --clustername "$name" --startport "${NRM_CLUSTER_PORT:-6900}" "$@"
  [ -n "${NRM_CLUSTER_INTERFACE:-}" ] && set -- --interfaces "$NRM_CLUSTER_INTERFACE" "$@"
  [ -n "${NRM_CLUSTER_PUBLIC_ADDRESS:-}" ] && set -- --hzpublicaddress "$NRM_CLUSTER_PUBLIC_ADDRESS" "$@"
  heartbeat="-Dhazelcast.max.no.heartbeat.seconds=${NRM_CLUSTER_HEARTBEAT_SECONDS:-6} -Dhazelcast.heartbeat.interval.seconds=1"
fi
[ -n "${NRM_INSTANCE_NAME:-}" ] && set -- --name "$NRM_INSTANCE_NAME" "$@"

own=${NRM_PREBOOT_COMMANDS:-}
if [ -n "$own" ] && [ ! -f "$own" ]; then
  echo "start-portal: NRM_PREBOOT_COMMANDS names no file: $own" >&2
  exit 64
fi
preboot=$single
if [ -n "$single" ] && [ -n "$own" ]; then
  # One file of both, the single instance's commands then the operator's, written again at each
  # start of the instance on this port (a dry run writes it too).
  preboot="${TMPDIR:-/tmp}/nrm-preboot-$port.asadmin"
  { cat "$single"; echo; cat "$own"; } >"$preboot"
elif [ -n "$own" ]; then
  preboot=$own
fi
[ -n "$preboot" ] && set -- --prebootcommandfile "$preboot" "$@"

# The JVM options are a list of words, taken as they are: no file name expansion (-Xlog:gc* is an
# option, not a pattern to match against the working directory).
set -f
# shellcheck disable=SC2086 # the JVM options are a list of words
set -- ${NRM_JAVA_OPTS:--XX:MaxRAMPercentage=70} $heartbeat $alone -jar "$jar" "$@"

if [ "$dry_run" = 1 ]; then
  printf '%s\n' java "$@"
  exit 0
fi
exec java "$@"
