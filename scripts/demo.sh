#!/usr/bin/env bash
# The main job: builds Certloom if needed, starts a private Pebble ACME server on
# 127.0.0.1, obtains a certificate for demo.certloom.test with the standalone plugin, and
# shows it. Leaves nothing running; the files stay in the folder it prints.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/launcher/target/certloom.jar"
# shellcheck source=lib/pebble.sh
. "$root/scripts/lib/pebble.sh"

if ! command -v pebble >/dev/null || ! command -v pebble-challtestsrv >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing Debian's pebble package..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pebble
    else
        echo "The demo needs Debian's pebble package: run 'apt-get install pebble' as root." >&2
        exit 1
    fi
fi

stale=$(find "$root" -path '*/src/main/*' -newer "$jar" -print -quit 2>/dev/null || echo build)
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
    echo "Building Certloom (mvn package)..."
    (cd "$root" && mvn -q -B -DskipTests package)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/certloom-demo.XXXXXX")
trap pebble_stop EXIT
pebble_start "$work/pebble"
echo "Pebble is running at $PEBBLE_URL"

dirs=(--config-dir "$work/config" --work-dir "$work/work" --logs-dir "$work/logs")
CERTLOOM_CA_BUNDLE="$PEBBLE_CA" java -jar "$jar" certonly -n --agree-tos \
    --register-unsafely-without-email --server "$PEBBLE_URL" "${dirs[@]}" \
    --standalone --http-01-address 127.0.0.1 --http-01-port "$PEBBLE_HTTP_PORT" \
    -d demo.certloom.test -d www.demo.certloom.test
echo
java -jar "$jar" certificates "${dirs[@]}"
echo
openssl x509 -in "$work/config/live/demo.certloom.test/cert.pem" -noout \
    -subject -issuer -dates -ext subjectAltName
echo
echo "Everything the run wrote is in $work"
