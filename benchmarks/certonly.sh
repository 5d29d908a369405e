#!/usr/bin/env bash
# Times `certonly` for one name with Certloom, certbot and lego on the same private
# Pebble (127.0.0.1), by webroot (served by a private nginx), by standalone, by DNS-01
# (certbot's and Certloom's manual plugin running benchmarks/hooks/dns-*.sh, lego's exec
# provider running benchmarks/hooks/lego-exec.sh, all against challtestsrv's API), and
# `--version`. Each tool registers its account in an untimed first run; every timed run
# then asks for a new name. Prints the median of RUNS runs and the ratio to certbot.
#
#   benchmarks/certonly.sh [RUNS]      (default 7)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/launcher/target/certloom.jar"
script="$root/launcher/target/certloom"
runs=${1:-7}
# shellcheck source=../scripts/lib/pebble.sh
. "$root/scripts/lib/pebble.sh"

for tool in pebble certbot lego nginx java; do
    command -v "$tool" >/dev/null || { echo "The benchmark needs $tool on PATH." >&2; exit 1; }
done
[ -f "$jar" ] && [ -x "$script" ] || (cd "$root" && mvn -q -B -DskipTests package)

work=$(mktemp -d "${TMPDIR:-/tmp}/certloom-bench.XXXXXX")
nginx_pid=
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    pebble_stop
    rm -rf "$work"
}
trap cleanup EXIT
pebble_start "$work/pebble"
export CERTLOOM_CA_BUNDLE="$PEBBLE_CA" REQUESTS_CA_BUNDLE="$PEBBLE_CA" \
    LEGO_CA_CERTIFICATES="$PEBBLE_CA" CERTLOOM_CACHE_DIR="$work/felix-cache" CHALL_MGMT
hooks="$root/benchmarks/hooks"
webroot="$work/www"
mkdir -p "$webroot"

start_nginx() {
    mkdir -p "$work/nginx/logs"
    cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server { listen 127.0.0.1:$PEBBLE_HTTP_PORT; root $webroot; }
}
CONF
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
    nginx_pid=$!
    sleep 0.3
}

stop_nginx() {
    kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=
}

# Runs one command line for a tool and method; NAME in the words is replaced by a new name.
certloom_cmd() { # METHOD NAME: the launcher script, as a user runs Certloom
    certloom_with "$script" "$@"
}
certloomjar_cmd() { # the same through a bare `java -jar`
    certloom_with java -jar "$jar" "$@"
}
certloom_with() { # COMMAND... METHOD NAME
    local n=$#; local name=${!n}; local method_at=$((n - 1)); local method=${!method_at}
    local cmd=("${@:1:$((n - 2))}")
    local m=() ; certbot_method "$method"
    "${cmd[@]}" certonly -n --agree-tos --register-unsafely-without-email \
        --server "$PEBBLE_URL" --config-dir "$work/cl/c" --work-dir "$work/cl/w" \
        --logs-dir "$work/cl/l" "${m[@]}" -d "$name"
}
certbot_method() { # METHOD: sets m to the flags certbot and Certloom share for it
    case "$1" in
        webroot) m=(--webroot -w "$webroot") ;;
        standalone) m=(--standalone --http-01-address 127.0.0.1
            --http-01-port "$PEBBLE_HTTP_PORT") ;;
        dns) m=(--manual --preferred-challenges dns --manual-auth-hook "$hooks/dns-auth.sh"
            --manual-cleanup-hook "$hooks/dns-cleanup.sh") ;;
    esac
}
certbot_cmd() {
    local m=() ; certbot_method "$1"
    certbot certonly -n --agree-tos --register-unsafely-without-email \
        --server "$PEBBLE_URL" --config-dir "$work/cb/c" --work-dir "$work/cb/w" \
        --logs-dir "$work/cb/l" "${m[@]}" -d "$2"
}
lego_cmd() {
    local m=() ; [ "$1" = webroot ] && m=(--http --http.webroot "$webroot") \
        || m=(--http --http.port "127.0.0.1:$PEBBLE_HTTP_PORT")
    lego --accept-tos --email bench@certloom.test --server "$PEBBLE_URL" \
        --path "$work/lego" "${m[@]}" --domains "$2" run
}

seconds() { # runs the rest, prints elapsed seconds
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > "$work/last.log" 2>&1 || { echo "FAILED: $*" >&2; cat "$work/last.log" >&2; exit 1; }
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A result
n=0
measure() { # TOOL METHOD
    local times=() i
    seconds "${1}_cmd" "$2" "warm-$1-$2.bench.test" > /dev/null
    for i in $(seq 1 "$runs"); do
        n=$((n + 1))
        times+=("$(seconds "${1}_cmd" "$2" "n$n-$1-$2.bench.test")")
    done
    result[$1-$2]=$(printf '%s\n' "${times[@]}" | median)
}

start_nginx
for tool in certloom certloomjar certbot lego; do measure "$tool" webroot; done
stop_nginx
for tool in certloom certloomjar certbot lego; do measure "$tool" standalone; done
for tool in certloom certloomjar certbot lego; do measure "$tool" dns; done
version_times() { local i; for i in $(seq 1 "$runs"); do seconds "$@"; done | median; }
result[certloom-version]=$(version_times "$script" --version)
result[certloomjar-version]=$(version_times java -jar "$jar" --version)
result[certbot-version]=$(version_times certbot --version)
result[lego-version]=$(version_times lego --version)

echo
echo "Median of $runs runs on one Pebble (127.0.0.1), seconds; ratio = tool / certbot."
echo "certloom = the launcher script beside the jar; java -jar = the bare jar."
printf '%-12s %9s %12s %9s %9s %10s %12s %8s\n' what certloom "java -jar" certbot lego \
    "certloom/" "java -jar/" "lego/"
for what in webroot standalone dns version; do
    c=${result[certloom-$what]}; j=${result[certloomjar-$what]}
    b=${result[certbot-$what]}; l=${result[lego-$what]}
    ratio() { awk -v x="$1" -v y="$b" 'BEGIN { printf "%.2fx", x / y }'; }
    printf '%-12s %9s %12s %9s %9s %10s %12s %8s\n' "$what" "$c" "$j" "$b" "$l" \
        "$(ratio "$c")" "$(ratio "$j")" "$(ratio "$l")"
done
