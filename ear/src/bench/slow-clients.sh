#!/usr/bin/env bash
# Slow clients against the forum: slowhttptest's slow-body attack (request bodies that trickle in
# a few bytes every 10 s and never finish) while a normal reader asks for a page every second.
#
#   ear/src/bench/slow-clients.sh [connections]      (from the repository root; default 500;
#                                                      needs slowhttptest: apt-get install slowhttptest)
#
# It starts the built EAR (mvn install -DskipTests first) in a WildFly of its own (HTTP 8280, a
# fresh demo data directory under ear/target/slow-clients), runs the attack for 60 s, and prints
# how the reader's 50 requests fared: how many were not answered 200 within 20 s, the median and
# the slowest. The forum passes when every one was answered, each in well under a second.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
CONNECTIONS=${1:-500}
OFFSET=200
URL="http://127.0.0.1:$((8080 + OFFSET))"
OUT="$ROOT/ear/target/slow-clients"
command -v slowhttptest > /dev/null || { echo "slowhttptest is missing: apt-get install slowhttptest" >&2; exit 1; }
WILDFLY=$(ls -d "$ROOT"/target/wildfly-*.Final 2>/dev/null | head -1 || true)
[[ -n "$WILDFLY" && -f "$ROOT/ear/target/linli-forum.ear" ]] || { echo "build first: mvn install -DskipTests" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT/server/deployments" "$OUT/data"
cp -r "$WILDFLY/standalone/configuration" "$OUT/server/"
cp "$ROOT/ear/target/linli-forum.ear" "$OUT/server/deployments/"
JDK_SERIAL_FILTER="maxbytes=10485760;maxdepth=128;maxarray=500000;maxrefs=300000" \
JAVA_OPTS="-Xmx512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
    setsid "$WILDFLY/bin/standalone.sh" -Djboss.server.base.dir="$OUT/server" -Djboss.socket.binding.port-offset=$OFFSET \
    -Dlinli.data.dir="$OUT/data" -Dlinli.mode=demo -Dlinli.smtp.port=1 > "$OUT/server.out" 2>&1 &
LAUNCHER=$!
trap 'kill -- -"$LAUNCHER" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/")" == 200 ]] && break
    sleep 1
done

echo "== slow-body attack, $CONNECTIONS connections, 60 s; a reader asks for the sign-in page every second"
slowhttptest -B -c "$CONNECTIONS" -r 200 -i 10 -s 65536 -x 10 -t POST -u "$URL/member/sign-in" -l 60 -p 5 > "$OUT/slowhttptest.log" 2>&1 &
ATTACK=$!
sleep 5
: > "$OUT/reader.txt"
for _ in $(seq 1 50); do
    curl -s -o /dev/null -m 20 -w '%{http_code} %{time_total}\n' "$URL/member/sign-in" >> "$OUT/reader.txt" || echo "000 20" >> "$OUT/reader.txt"
    sleep 1
done
wait "$ATTACK" || true
sort -k2 -n "$OUT/reader.txt" | awk '{ t[NR] = $2; if ($1 != 200) failed++ }
    END { printf "reader: %d requests, %d not answered 200, median %.3f s, slowest %.3f s\n", NR, failed + 0, t[int(NR / 2) + 1], t[NR] }'
grep -a "service available" "$OUT/slowhttptest.log" | tail -1 | sed 's/\x1b\[[0-9;]*m//g'
