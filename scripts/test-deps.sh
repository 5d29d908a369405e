#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests run: Pebble and its challtestsrv,
# nginx, certbot, lego and python3. Only what is missing, only as root, with one
# "apt-get update" before installing. Services that packages start on installation
# (nginx would listen on port 80 of every address) are forbidden for the duration of the
# install through policy-rc.d, and stopped and disabled if one started anyway.
set -euo pipefail

POLICY=/usr/sbin/policy-rc.d
POLICY_BACKUP=

installed() {
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]
}

has_candidate() {
    # Captured first: grep -q would end the pipe early and pipefail would report it.
    local policy
    policy=$(apt-cache policy "$1" 2>/dev/null)
    [[ $policy =~ Candidate:\ [^\(] ]]
}

missing_packages() {
    local package
    for package in pebble certbot lego python3; do
        installed "$package" || echo "$package"
    done
    if ! installed nginx && ! installed nginx-light && ! installed nginx-core; then
        echo nginx
    fi
}

forbid_service_starts() {
    if [[ -e $POLICY ]]; then
        POLICY_BACKUP=$(mktemp)
        cp -p "$POLICY" "$POLICY_BACKUP"
    fi
    # Exit status 101 tells invoke-rc.d that the action is forbidden (policy-rc.d(8)).
    printf '#!/bin/sh\nexit 101\n' > "$POLICY"
    chmod 755 "$POLICY"
}

restore_service_policy() {
    if [[ -n $POLICY_BACKUP ]]; then
        mv "$POLICY_BACKUP" "$POLICY"
    else
        rm -f "$POLICY"
    fi
}

stop_system_nginx() {
    if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
        systemctl disable --now nginx.service >/dev/null 2>&1 || true
    elif [[ -s /run/nginx.pid ]] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
        kill -QUIT "$(cat /run/nginx.pid)"
    fi
    if command -v update-rc.d >/dev/null && [[ -e /etc/init.d/nginx ]]; then
        update-rc.d nginx disable >/dev/null 2>&1 || true
    fi
}

main() {
    mapfile -t missing < <(missing_packages)
    if (( ${#missing[@]} == 0 )); then
        echo "test-deps: every package the tests need is installed."
        return 0
    fi
    if (( EUID != 0 )); then
        echo "test-deps: missing ${missing[*]}; run this script as root to install them." >&2
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    local wanted=() package
    for package in "${missing[@]}"; do
        if [[ $package == nginx ]] && has_candidate nginx-light; then
            # The smallest nginx build; on newer releases it is a transitional package.
            package=nginx-light
        fi
        wanted+=("$package")
    done
    echo "test-deps: installing ${wanted[*]}."
    forbid_service_starts
    trap restore_service_policy EXIT
    apt-get install -y -qq --no-install-recommends "${wanted[@]}"
    restore_service_policy
    trap - EXIT
    if [[ " ${missing[*]} " == *" nginx "* ]]; then
        stop_system_nginx
    fi
}

main "$@"
