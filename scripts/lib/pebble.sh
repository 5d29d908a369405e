# Runs a private Pebble ACME server, with pebble-challtestsrv as its DNS, on 127.0.0.1 with
# free ports. Sourced by the demo and the benchmarks; the Java end-to-end harness has its
# own equivalent.
#
#   pebble_start DIR [NONCE_REJECT_PERCENT]
#       Sets PEBBLE_URL (directory URL), PEBBLE_CA (PEM to trust for its TLS),
#       PEBBLE_HTTP_PORT (where it validates HTTP-01), PEBBLE_MGMT (management URL),
#       CHALL_MGMT (challtestsrv management URL), CHALL_DNS (its DNS address, host:port).
#   pebble_stop

pebble_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pebble_wait() { # URL CAFILE: wait until the URL answers, at most ~10 s
    local url=$1 ca=$2 pause=0.02 i
    for i in $(seq 1 60); do
        if curl -fsS --cacert "$ca" -o /dev/null "$url" 2>/dev/null; then
            return 0
        fi
        sleep "$pause"
        pause=$(awk -v p="$pause" 'BEGIN { p = p * 2; if (p > 0.5) p = 0.5; print p }')
    done
    echo "Pebble did not answer at $url; see its log in $PEBBLE_DIR." >&2
    return 1
}

pebble_start() {
    PEBBLE_DIR=$1
    local reject=${2:-0}
    mkdir -p "$PEBBLE_DIR"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 7 \
        -subj "/CN=Pebble on loopback" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$PEBBLE_DIR/pebble.key" -out "$PEBBLE_DIR/pebble.pem" 2>/dev/null
    local acme mgmt dns cmgmt
    acme=$(pebble_free_port); mgmt=$(pebble_free_port); dns=$(pebble_free_port)
    cmgmt=$(pebble_free_port); PEBBLE_HTTP_PORT=$(pebble_free_port)
    cat > "$PEBBLE_DIR/pebble.json" <<JSON
{"pebble": {"listenAddress": "127.0.0.1:$acme", "managementListenAddress": "127.0.0.1:$mgmt",
  "certificate": "$PEBBLE_DIR/pebble.pem", "privateKey": "$PEBBLE_DIR/pebble.key",
  "httpPort": $PEBBLE_HTTP_PORT, "tlsPort": $(pebble_free_port), "ocspResponderURL": "",
  "externalAccountBindingRequired": false}}
JSON
    pebble-challtestsrv -defaultIPv4 127.0.0.1 -defaultIPv6 "" -dns01 "127.0.0.1:$dns" \
        -http01 "" -https01 "" -tlsalpn01 "" -management "127.0.0.1:$cmgmt" \
        > "$PEBBLE_DIR/challtestsrv.log" 2>&1 &
    CHALL_PID=$!
    PEBBLE_WFE_NONCEREJECT=$reject PEBBLE_VA_NOSLEEP=1 \
        pebble -config "$PEBBLE_DIR/pebble.json" -dnsserver "127.0.0.1:$dns" \
        > "$PEBBLE_DIR/pebble.log" 2>&1 &
    PEBBLE_PID=$!
    PEBBLE_URL="https://127.0.0.1:$acme/dir"
    PEBBLE_CA="$PEBBLE_DIR/pebble.pem"
    PEBBLE_MGMT="https://127.0.0.1:$mgmt"
    CHALL_MGMT="http://127.0.0.1:$cmgmt"
    CHALL_DNS="127.0.0.1:$dns"
    pebble_wait "$PEBBLE_URL" "$PEBBLE_CA"
}

pebble_stop() {
    local pid
    for pid in ${PEBBLE_PID:-} ${CHALL_PID:-}; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    PEBBLE_PID= CHALL_PID=
}
