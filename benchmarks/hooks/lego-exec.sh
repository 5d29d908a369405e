#!/bin/sh
# lego's exec DNS provider calls this with "present FQDN VALUE" or "cleanup FQDN VALUE";
# it makes the same API calls as the manual hooks.
set -eu
case "$1" in
    present) curl -fsS -o /dev/null -d "{\"host\":\"$2\",\"value\":\"$3\"}" \
        "$CHALL_MGMT/set-txt" ;;
    cleanup) curl -fsS -o /dev/null -d "{\"host\":\"$2\"}" "$CHALL_MGMT/clear-txt" ;;
    *) ;;
esac
