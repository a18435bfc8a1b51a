#!/usr/bin/env bash
# Runs Keycloak 26.7.3 from its server zip on Maven Central (no Docker) with the nrm realm imported,
# in the foreground, for local development and for CI:
#   docker/keycloak/keycloak-local.sh          # http://localhost:8180, admin console login admin/admin
# Then start the portal against it:
#   NRM_AUTH=oidc NRM_OIDC_CLIENT_SECRET=nrm-local-secret mvn -Prun package
# Settings (environment): KC_PORT (8180), NRM_OIDC_CLIENT_SECRET (nrm-local-secret: the realm takes
# the client secret from it at import), KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD (admin/admin).
# Keycloak keeps its own database under target/keycloak/; delete that folder to import afresh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=26.7.3
dir="$root/target/keycloak"
home="$dir/keycloak-$version"
port="${KC_PORT:-8180}"

if [ ! -x "$home/bin/kc.sh" ]; then
  mkdir -p "$dir"
  (cd "$root" && mvn -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$dir")
  unzip -q -o "$dir/keycloak-quarkus-dist-$version.zip" -d "$dir"
fi
mkdir -p "$home/data/import"
cp "$root/docker/keycloak/nrm-realm.json" "$home/data/import/"

export NRM_OIDC_CLIENT_SECRET="${NRM_OIDC_CLIENT_SECRET:-nrm-local-secret}"
export NRM_POLICE_REGISTRY_SECRET="${NRM_POLICE_REGISTRY_SECRET:-police-registry-local-secret}"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec "$home/bin/kc.sh" start-dev --import-realm --http-port "$port" --http-management-port "$((port + 1000))" --health-enabled true
