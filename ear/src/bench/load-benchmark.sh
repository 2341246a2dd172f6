#!/usr/bin/env bash
# The load benchmark: the forum's main pages under wrk, on a database of a million posts.
#
#   ear/src/bench/load-benchmark.sh [data-dir]        (from the repository root; needs wrk: apt-get install wrk)
#
# It builds what is missing (the EAR and the provisioned WildFly; the scale-up database, made by
# org.linli.forum.bench.ScaleUp from the shared corpora in ../shared/corpora), starts the forum on
# it in a WildFly of its own (HTTP 8280, management 10190, heap BENCH_HEAP, default 512m), and for
# each page runs wrk at 16 and 64 connections as an anonymous visitor and as a signed-in member.
# In the same run it serves the topic page's HTML as a static file from the same WildFly: the
# dynamic/static ratio is the figure that survives a noisy machine. The server's heap (used, from
# jstat) and RSS are sampled every second. Results: stdout and ear/target/bench/results.md.
#
# Every cell also gives the server's CPU per request (the JVM's user and system time over the
# cell, from /proc, divided by the requests), the figure that holds on a shared machine. Then the
# overload cells: the signed-in topic page and a search at BENCH_OVERLOAD_CONNECTIONS (256) for
# BENCH_OVERLOAD_DURATION (30s), with the share of answers that were 503 (the forum shedding load).
#
# Settings: BENCH_POSTS (1000000), BENCH_DURATION (15s), BENCH_WARMUP (5s), BENCH_JIT_WARMUP (15s), BENCH_HEAP (512m),
# BENCH_CONNECTIONS ("16 64"), BENCH_BOARD_PAGE (200; a deep page of the largest board), BENCH_VISITORS ("anonymous signed-in"), BENCH_SERVER_OPTS (more -D settings for the server, such as
# -Dlinli.page.cache=false to measure rendering without the anonymous page cache), BENCH_PAGES
# (a regular expression on the page names, such as "topic-25", for only those cells), BENCH_EAR (the
# EAR to deploy, default ear/target/linli-forum.ear: to compare two builds on the same data),
# BENCH_KEEP=1 leaves the server running.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
DATA=$(realpath -m "${1:-$ROOT/target/bench-data}")
POSTS=${BENCH_POSTS:-1000000}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-5s}
HEAP=${BENCH_HEAP:-512m}
CONNECTIONS=${BENCH_CONNECTIONS:-16 64}
BOARD_PAGE=${BENCH_BOARD_PAGE:-200}
OFFSET=200
BASE_URL="http://127.0.0.1:$((8080 + OFFSET))"
OUT="$ROOT/ear/target/bench"
SERVER_BASE="$OUT/server"
CORPORA="$ROOT/../shared/corpora"

command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cd "$ROOT"

WILDFLY=$(ls -d "$ROOT"/target/wildfly-*.Final 2>/dev/null | head -1 || true)
if [[ -z "$WILDFLY" || ! -f ear/target/linli-forum.ear ]]; then
    echo "== building the forum and provisioning WildFly"
    mvn -q -DskipTests verify
    WILDFLY=$(ls -d "$ROOT"/target/wildfly-*.Final | head -1)
fi

if [[ ! -f "$DATA/db/linli.mv.db" ]]; then
    echo "== generating $POSTS posts into $DATA"
    mvn -q -N install
    mvn -q -pl forum-search install -DskipTests
    started=$(date +%s)
    mvn -q -pl forum-ejb test-compile exec:java -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
        -Dexec.mainClass=org.linli.forum.bench.ScaleUp -Dexec.args="$DATA $POSTS" -Dlinli.corpora="$CORPORA"
    echo "generated in $(( $(date +%s) - started )) s"
fi
# shellcheck disable=SC1091
source <(grep -E '^[a-z0-9.]+=' "$DATA/bench.properties" | sed 's/\./_/g')

echo "== starting WildFly (heap $HEAP) on $DATA"
rm -rf "$SERVER_BASE"
mkdir -p "$SERVER_BASE/deployments" "$OUT/static"
cp -r "$WILDFLY/standalone/configuration" "$SERVER_BASE/"
cp "${BENCH_EAR:-ear/target/linli-forum.ear}" "$SERVER_BASE/deployments/linli-forum.ear"
# standalone.sh's default JDK serialization filter (maxarray=100000) refuses the smartcn
# dictionaries Chinese search loads (a 402,137-entry table): the same limits, with room for them.
JDK_SERIAL_FILTER="maxbytes=10485760;maxdepth=128;maxarray=500000;maxrefs=300000" \
JAVA_OPTS="-Xms$HEAP -Xmx$HEAP -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman" \
    setsid "$WILDFLY/bin/standalone.sh" -Djboss.server.base.dir="$SERVER_BASE" \
    -Djboss.socket.binding.port-offset=$OFFSET -Dlinli.data.dir="$DATA" -Dlinli.mode=production \
    -Dlinli.flood.interval=0 ${BENCH_SERVER_OPTS:-} > "$OUT/server.out" 2>&1 &
LAUNCHER=$!
stop_server() {
    if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
        kill -- -"$LAUNCHER" 2>/dev/null || true
        wait "$LAUNCHER" 2>/dev/null || true
    fi
    [[ -n "${SAMPLER:-}" ]] && kill "$SAMPLER" 2>/dev/null || true
}
trap stop_server EXIT
trap 'exit 130' INT TERM  # so that the server goes too when the benchmark is stopped
for _ in $(seq 1 300); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/")" == 200 ]] && break
    sleep 1
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/")" == 200 ]] || { echo "the forum did not start; see $OUT/server.out" >&2; exit 1; }
PID=$(pgrep -f -- "-Djboss.server.base.dir=$SERVER_BASE" | while read -r p; do [[ "$(cat /proc/"$p"/comm)" == java ]] && echo "$p"; done | head -1)

# The static baseline: the 25-post topic's page, as an anonymous visitor gets it, served by Undertow's file handler.
curl -s "$BASE_URL/topic?id=$topic25" > "$OUT/static/topic.html"
"$WILDFLY/bin/jboss-cli.sh" --controller=127.0.0.1:$((9990 + OFFSET)) --connect --commands="/subsystem=undertow/configuration=handler/file=bench-static:add(path=\"$OUT/static\"),/subsystem=undertow/server=default-server/host=default-host/location=\/bench-static:add(handler=bench-static)" > /dev/null

# A signed-in member's session: the sign-in form, with its view state.
JAR="$OUT/cookies.txt"
rm -f "$JAR"
page=$(curl -s -c "$JAR" -b "$JAR" "$BASE_URL/member/sign-in")
state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//; s/"$//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null "$BASE_URL/member/sign-in" \
    --data-urlencode "form=form" --data-urlencode "form:username=bench" --data-urlencode "form:password=bench-password" \
    --data-urlencode "form:submit=x" --data-urlencode "jakarta.faces.ViewState=$state"
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR" | tail -1)
# (Read whole before grep: with pipefail, grep -q leaving early would fail curl with SIGPIPE.)
home=$(curl -s -b "JSESSIONID=$SESSION" "$BASE_URL/")
grep -q 'class="who"' <<< "$home" || { echo "signing in as bench failed" >&2; exit 1; }

# Heap in use (jstat: survivor, eden and old generation) and RSS, every second.
: > "$OUT/samples.txt"
( while kill -0 "$PID" 2>/dev/null; do
      heap=$(jstat -gc "$PID" 2>/dev/null | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }')
      rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' /proc/"$PID"/status)
      echo "$heap $rss" >> "$OUT/samples.txt"
      sleep 1
  done ) &
SAMPLER=$!

# The server JVM's CPU time so far (user + system), in clock ticks.
cpu_ticks() {
    awk '{ print $14 + $15 }' /proc/"$PID"/stat
}

# wrk one page: prints "rps p50 p99 errors cpu-ms-per-request requests non-2xx" (DURATION and
# the warm-up unless given as $4 and $5; a timeout of 10 s, so a slow answer counts as one).
measure() {
    local url=$1 conns=$2 cookie=$3 duration=${4:-$DURATION} warmup=${5:-$WARMUP} out before after
    local header=()
    [[ -n "$cookie" ]] && header=(-H "Cookie: JSESSIONID=$cookie")
    wrk -t2 -c"$conns" -d"$warmup" --timeout 10s "${header[@]}" "$url" > /dev/null
    before=$(cpu_ticks)
    out=$(wrk -t2 -c"$conns" -d"$duration" --timeout 10s --latency "${header[@]}" "$url")
    after=$(cpu_ticks)
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        /Requests\/sec/ { rps = $2 }
        /requests in/ { requests = $1 }
        /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /Non-2xx/ { non2xx = $5; errors += $5 } /Socket errors/ { errors += 1 }
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        END { printf "%.0f %.1f %.1f %d %.2f %d %d\n", rps, ms(p50), ms(p99), errors + 0,
                  (requests > 0 ? ticks * 1000 / hz / requests : 0), requests + 0, non2xx + 0 }' <<< "$out"
}

declare -A PAGES=(
    [1-home]="/"
    [2-board-page-1]="/board?id=$board"
    [3-board-page-$BOARD_PAGE]="/board?id=$board&page=$BOARD_PAGE"
    [4-topic-25-posts]="/topic?id=$topic25"
    [5-topic-2000-last-page]="/topic?id=$topic2000&page=last"
    [6-search]="/search?q=%E8%B7%AF%E7%81%AF"
    [7-stylesheet]="/static/forum.css"
)
for name in "${!PAGES[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL${PAGES[$name]}")
    [[ "$code" == 200 ]] || { echo "$name answered $code" >&2; exit 1; }
done

# Warm-up: the JIT compiles for a minute or two after start; a cell measured meanwhile counts the
# compiler's CPU against the page. Every page is read for BENCH_JIT_WARMUP (15s) by both visitors,
# then the run waits (at most two minutes) until the idle server uses under a tenth of a core.
for name in $(printf '%s\n' "${!PAGES[@]}" | grep -E -- "${BENCH_PAGES:-.}"); do
    wrk -t2 -c16 -d"${BENCH_JIT_WARMUP:-15s}" "$BASE_URL${PAGES[$name]}" > /dev/null
    wrk -t2 -c16 -d"${BENCH_JIT_WARMUP:-15s}" -H "Cookie: JSESSIONID=$SESSION" "$BASE_URL${PAGES[$name]}" > /dev/null
done
for _ in $(seq 1 60); do
    before=$(cpu_ticks); sleep 2; after=$(cpu_ticks)
    (( (after - before) * 10 < 2 * $(getconf CLK_TCK) )) && break
done

RESULTS="$OUT/results.md"
{
    echo "Load benchmark, $(date -u +%Y-%m-%dT%H:%MZ): $posts posts in $topics topics; $(nproc) cores;"
    echo "heap -Xmx$HEAP; wrk -t2, ${DURATION} per cell after ${WARMUP} of warm-up; latency in ms; server options: ${BENCH_SERVER_OPTS:-none}."
    echo
    echo "| page | visitor | conns | req/s | p50 | p99 | errors | CPU ms/req | vs static |"
    echo "|---|---|---|---|---|---|---|---|---|"
} > "$RESULTS"
declare -A STATIC
for conns in $CONNECTIONS; do
    read -r rps p50 p99 errors cpu _ _ < <(measure "$BASE_URL/bench-static/topic.html" "$conns" "")
    STATIC[$conns]=$rps
    echo "| static topic.html | – | $conns | $rps | $p50 | $p99 | $errors | $cpu | 1.00 |" >> "$RESULTS"
    tail -1 "$RESULTS"
done
for name in $(printf '%s\n' "${!PAGES[@]}" | sort | grep -E -- "${BENCH_PAGES:-.}"); do
    for visitor in ${BENCH_VISITORS:-anonymous signed-in}; do
        cookie=""
        [[ $visitor == signed-in ]] && cookie=$SESSION
        for conns in $CONNECTIONS; do
            read -r rps p50 p99 errors cpu _ _ < <(measure "$BASE_URL${PAGES[$name]}" "$conns" "$cookie")
            ratio=$(awk -v a="$rps" -v b="${STATIC[$conns]}" 'BEGIN { printf "%.2f", a / b }')
            echo "| ${name#*-} | $visitor | $conns | $rps | $p50 | $p99 | $errors | $cpu | $ratio |" >> "$RESULTS"
            tail -1 "$RESULTS"
        done
    done
done
# Overload: far more connections than the server serves at once. Without shedding, every request
# waits its turn (seconds); with it, what is over the limit and the queue gets a quick 503.
OVERLOAD=${BENCH_OVERLOAD_CONNECTIONS:-256}
if [[ "$OVERLOAD" != 0 ]]; then
    {
        echo
        echo "Overload, signed in, $OVERLOAD connections for ${BENCH_OVERLOAD_DURATION:-30s} (latency of every answer, 503s included):"
        echo
        echo "| page | conns | req/s | p50 | p99 | 503 share | CPU ms/req |"
        echo "|---|---|---|---|---|---|---|"
    } >> "$RESULTS"
    for name in 4-topic-25-posts 6-search; do
        read -r rps p50 p99 _ cpu requests non2xx < <(measure "$BASE_URL${PAGES[$name]}" "$OVERLOAD" "$SESSION" \
            "${BENCH_OVERLOAD_DURATION:-30s}" "$WARMUP")
        share=$(awk -v n="$non2xx" -v r="$requests" 'BEGIN { printf "%.1f%%", (r > 0 ? 100 * n / r : 0) }')
        echo "| ${name#*-} | $OVERLOAD | $rps | $p50 | $p99 | $share | $cpu |" >> "$RESULTS"
        tail -1 "$RESULTS"
    done
fi

read -r heap_max rss_max < <(awk '$1 > h { h = $1 } $2 > r { r = $2 } END { print h + 0, r + 0 }' "$OUT/samples.txt")
{
    echo
    echo "Server under load: heap in use at most $heap_max MB (of -Xmx$HEAP), RSS at most $rss_max MB."
} >> "$RESULTS"
tail -2 "$RESULTS"
echo "Results: $RESULTS"
