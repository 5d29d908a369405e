#!/bin/sh
# Manual DNS-01 auth hook for certbot and Certloom alike: publishes the TXT record through
# challtestsrv's management API ($CHALL_MGMT), as a DNS provider's API would, and prints
# the record's name for the cleanup hook (CERTBOT_AUTH_OUTPUT).
set -eu
host="_acme-challenge.$CERTBOT_DOMAIN."
curl -fsS -o /dev/null -d "{\"host\":\"$host\",\"value\":\"$CERTBOT_VALIDATION\"}" \
    "$CHALL_MGMT/set-txt"
echo "$host"
