#!/usr/bin/env bash
# One node against two behind the load balancer, in one run: the topic page through the balancer,
# for an anonymous visitor and for signed-in members, first with one forum node registered, then
# with two, then with one again (the second stopped), so each two-node figure sits between two
# one-node figures measured minutes apart on the same machine.
#
#   ear/src/cluster/cluster-benchmark.sh          (from the repository root; needs wrk and PostgreSQL's binaries)
#
# Each cell: requests per second, p99, and the CPU per request of all the servers together (the
# balancer's and every node's JVM: their user and system time over the cell, from /proc, divided
# by the requests). Signed-in requests rotate over 8 sessions (each signed in through the
# balancer, which spreads new sessions over the nodes it has). On the demo data (a topic of a few
# posts); PostgreSQL is a throwaway one like run-cluster.sh's. Results: ear/target/cluster-bench/results.md.
# Settings: BENCH_DURATION (15s), BENCH_WARMUP (5s), BENCH_JIT_WARMUP (20s), BENCH_CONNECTIONS (16).
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
wildfly=$(ls -d "$root"/target/wildfly-* 2>/dev/null | head -1 || true)
ear=$root/ear/target/linli-forum.ear
if [ -z "$wildfly" ] || [ ! -f "$ear" ]; then
    mvn -q install -DskipTests
    wildfly=$(ls -d "$root"/target/wildfly-* | head -1)
fi
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
work=$root/ear/target/cluster-bench
rm -rf "$work"
mkdir -p "$work"
# Offsets of their own (the balancer 900, nodes 1000 and 1100), so a forum or a test cluster may run beside it.
LB=900
NODE_OFFSETS=(1000 1100)
BASE="http://127.0.0.1:$((8080 + LB))"
members="127.0.0.1[$((7600 + 1000))],127.0.0.1[$((7600 + 1100))]"
declare -A launcher=()

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_dir=$work/postgres
mkdir -p "$pg_dir"
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U linli -A trust -E UTF8 --no-locale > /dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p 5632 -k $pg_dir -c listen_addresses=127.0.0.1" start > /dev/null

stop_all() {
    for name in "${!launcher[@]}"; do
        pkill -TERM -P "${launcher[$name]}" 2>/dev/null || true
    done
    for name in "${!launcher[@]}"; do
        wait "${launcher[$name]}" 2>/dev/null || true
    done
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start_server() {
    local name=$1 config=$2 offset=$3
    shift 3
    local base=$work/$name
    mkdir -p "$base/deployments"
    cp -r "$wildfly/standalone/configuration" "$base/"
    JAVA_OPTS="-Xms256m -Xmx512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
    JDK_SERIAL_FILTER='maxbytes=10485760;maxdepth=128;maxarray=500000;maxrefs=300000' \
        "$wildfly/bin/standalone.sh" -c "$config" -Djboss.server.base.dir="$base" \
        -Djboss.socket.binding.port-offset="$offset" "$@" > "$base/server.out" 2>&1 &
    launcher[$name]=$!
}

start_node() {
    local n=$1 offset=${NODE_OFFSETS[$(( $1 - 1 ))]}
    mkdir -p "$work/node$n/deployments"
    cp "$ear" "$work/node$n/deployments/"
    start_server "node$n" standalone-ha.xml "$offset" -Djboss.node.name="node$n" \
        -Dlinli.cluster.members="$members" -Dlinli.cluster.balancer.port=$((8090 + LB)) \
        -Dlinli.data.dir="$work/node$n-data" -Dlinli.pictures.dir="$work/pictures" \
        -Dlinli.base.url="$BASE" -Dlinli.smtp.port=1 -Dlinli.db.driver=postgresql \
        -Dlinli.db.url=jdbc:postgresql://127.0.0.1:5632/postgres -Dlinli.db.user=linli -Dlinli.db.password=unused
    until curl -fsS "http://127.0.0.1:$((9990 + offset))/health/ready" > /dev/null 2>&1; do sleep 2; done
    sleep 6  # registered with the balancer, a status interval later
}

# The JVMs of the servers running now (the balancer's and the nodes').
java_pids() {
    for name in "${!launcher[@]}"; do
        pgrep -P "${launcher[$name]}" || true
    done
}
cpu_ticks() {
    local total=0
    for pid in $(java_pids); do
        total=$((total + $(awk '{ print $14 + $15 }' /proc/"$pid"/stat 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# Signs a member in through the balancer; prints the session id (its route names the node).
sign_in() {
    local jar=$work/jar-$RANDOM page state
    page=$(curl -s -c "$jar" -b "$jar" "$BASE/member/sign-in")
    state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//; s/"$//')
    curl -s -c "$jar" -b "$jar" -o /dev/null "$BASE/member/sign-in" \
        --data-urlencode "form=form" --data-urlencode "form:username=resident" --data-urlencode "form:password=linli-resident" \
        --data-urlencode "form:submit=x" --data-urlencode "jakarta.faces.ViewState=$state"
    awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1
}

# wrk rotating over the sessions in $work/sessions (none: anonymous).
write_lua() {
    {
        echo "local sessions = {"
        while read -r s; do echo "  \"$s\","; done < "$work/sessions"
        echo "}"
        echo 'local i = 0'
        echo 'request = function()'
        echo '  if #sessions == 0 then return wrk.format("GET", wrk.path) end'
        echo '  i = i % #sessions + 1'
        echo '  return wrk.format("GET", wrk.path, { Cookie = "JSESSIONID=" .. sessions[i] })'
        echo 'end'
    } > "$work/sessions.lua"
}

# Prints "req/s p99-ms cpu-ms-per-request".
measure() {
    local url=$1 before after out
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$work/sessions.lua" "$url" > /dev/null
    before=$(cpu_ticks)
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$work/sessions.lua" "$url")
    after=$(cpu_ticks)
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        /Requests\/sec/ { rps = $2 } /requests in/ { requests = $1 } /^ +99%/ { p99 = $2 }
        /Non-2xx/ { bad = $5 }
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        END { printf "%.0f %.1f %.2f %d\n", rps, ms(p99), (requests > 0 ? ticks * 1000 / hz / requests : 0), bad + 0 }' <<< "$out"
}

RESULTS=$work/results.md
run_cells() {
    local label=$1
    : > "$work/sessions"
    for _ in 1 2 3 4 5 6 7 8; do sign_in >> "$work/sessions"; done
    local routes
    routes=$(sed 's/.*\.//' "$work/sessions" | sort | uniq -c | awk '{ printf "%s%s×%s", (NR > 1 ? ", " : ""), $2, $1 }')
    # JIT warm-up of every node that serves now, then settle.
    : > "$work/anon"; cp "$work/sessions" "$work/signed"
    cp "$work/anon" "$work/sessions"; write_lua
    wrk -t2 -c16 -d"${BENCH_JIT_WARMUP:-20s}" -s "$work/sessions.lua" "$BASE$TOPIC" > /dev/null
    cp "$work/signed" "$work/sessions"; write_lua
    wrk -t2 -c16 -d"${BENCH_JIT_WARMUP:-20s}" -s "$work/sessions.lua" "$BASE$TOPIC" > /dev/null
    sleep 5
    cp "$work/anon" "$work/sessions"; write_lua
    read -r rps p99 cpu bad < <(measure "$BASE$TOPIC")
    echo "| $label | anonymous | $rps | $p99 | $cpu | $bad | |" | tee -a "$RESULTS"
    cp "$work/signed" "$work/sessions"; write_lua
    read -r rps p99 cpu bad < <(measure "$BASE$TOPIC")
    echo "| $label | signed in | $rps | $p99 | $cpu | $bad | $routes |" | tee -a "$RESULTS"
}

start_server balancer standalone-load-balancer.xml "$LB"
until curl -s -o /dev/null "$BASE/"; do sleep 1; done
start_node 1
TOPIC=$(curl -s "$BASE/" | grep -o '/topic?id=[0-9]*' | head -1)
[ -n "$TOPIC" ] || { echo "no topic on the home page" >&2; exit 1; }
{
    echo "Cluster benchmark, $(date -u +%Y-%m-%dT%H:%MZ): the topic page $TOPIC through the balancer; $(nproc) cores;"
    echo "wrk -t2 -c$CONNECTIONS, $DURATION per cell after $WARMUP; CPU ms/req = all servers' JVMs (balancer and nodes)."
    echo
    echo "| nodes | visitor | req/s | p99 ms | CPU ms/req | non-2xx | sessions per node |"
    echo "|---|---|---|---|---|---|---|"
} > "$RESULTS"
run_cells "1 (first)"
start_node 2
run_cells "2"
pkill -TERM -P "${launcher[node2]}"
wait "${launcher[node2]}" 2>/dev/null || true
unset 'launcher[node2]'
sleep 5
run_cells "1 (again)"
echo "Results: $RESULTS"
