#!/usr/bin/env bash
# A forum cluster on one machine, for trying it out: PostgreSQL, two (or more) forum nodes and
# WildFly's load balancer, all on 127.0.0.1, until Ctrl+C. Readers go to the balancer:
# http://127.0.0.1:8080/ . Each node also answers on its own port (8080 + its offset) and reports
# its readiness at http://127.0.0.1:<9990 + offset>/health/ready.
#
#   ear/src/cluster/run-cluster.sh [nodes]          (default 2; from the repository root)
#
# It builds what is missing (mvn install -DskipTests). PostgreSQL: set LINLI_DB_URL,
# LINLI_DB_USER and LINLI_DB_PASSWORD to use a database of yours; otherwise it makes a
# throwaway one with Debian's postgresql binaries (apt-get install postgresql) under
# ear/target/cluster. Node n runs with port offset 100 * n and the data directory
# ear/target/cluster/node<n>-data; the pictures folder, ear/target/cluster/pictures, is shared. The balancer runs with offset 0 (HTTP 8080, mod_cluster 8090).
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
nodes=${1:-2}
wildfly=$(ls -d "$root"/target/wildfly-* 2>/dev/null | head -1 || true)
ear=$root/ear/target/linli-forum.ear
if [ -z "$wildfly" ] || [ ! -f "$ear" ]; then
    mvn -q install -DskipTests
    wildfly=$(ls -d "$root"/target/wildfly-* | head -1)
fi
work=$root/ear/target/cluster
mkdir -p "$work"
pids=()

stop_all() {
    # The servers first (each standalone.sh's java), waiting for them, then the database.
    for pid in "${pids[@]}"; do
        pkill -TERM -P "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "${pg_data:-}" ] && [ -f "$pg_data/postmaster.pid" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null || true
    fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -z "${LINLI_DB_URL:-}" ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pg_dir=$work/postgres
    pg_data=$pg_dir/data
    if [ ! -d "$pg_data" ]; then
        mkdir -p "$pg_dir"
        [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
        as_postgres "$pg_bin/initdb" -D "$pg_data" -U linli -A trust -E UTF8 --no-locale >/dev/null
    fi
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/server.log" -w \
        -o "-p 5532 -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
    export LINLI_DB_URL=jdbc:postgresql://127.0.0.1:5532/postgres LINLI_DB_USER=linli LINLI_DB_PASSWORD=unused
    echo "PostgreSQL on 127.0.0.1:5532 ($pg_data)"
fi

members=""
for n in $(seq 1 "$nodes"); do
    members="${members:+$members,}127.0.0.1[$((7600 + 100 * n))]"
done

# $1 name, $2 configuration, $3 port offset, then more options.
start_server() {
    local name=$1 config=$2 offset=$3
    shift 3
    local base=$work/$name
    rm -rf "$base/configuration" "$base/deployments" "$base/tmp"
    mkdir -p "$base/deployments"
    cp -r "$wildfly/standalone/configuration" "$base/"
    JAVA_OPTS="-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
    JDK_SERIAL_FILTER='maxbytes=10485760;maxdepth=128;maxarray=500000;maxrefs=300000' \
        "$wildfly/bin/standalone.sh" -c "$config" -Djboss.server.base.dir="$base" \
        -Djboss.socket.binding.port-offset="$offset" "$@" > "$base/server.out" 2>&1 &
    pids+=($!)
    echo "$name: port offset $offset, log $base/server.out"
}

start_server balancer standalone-load-balancer.xml 0
for n in $(seq 1 "$nodes"); do
    cp "$ear" "$work/node$n-ear.tmp"
    start_server "node$n" standalone-ha.xml $((100 * n)) -Djboss.node.name="node$n" \
        -Dlinli.cluster.members="$members" -Dlinli.cluster.balancer.port=8090 \
        -Dlinli.data.dir="$work/node$n-data" -Dlinli.pictures.dir="$work/pictures" \
        -Dlinli.base.url=http://127.0.0.1:8080 \
        -Dlinli.db.driver=postgresql
    mv "$work/node$n-ear.tmp" "$work/node$n/deployments/linli-forum.ear"
done

echo "Waiting for the nodes to be ready ..."
for n in $(seq 1 "$nodes"); do
    until curl -fsS "http://127.0.0.1:$((9990 + 100 * n))/health/ready" >/dev/null 2>&1; do sleep 2; done
    echo "node$n ready"
done
echo "The forum: http://127.0.0.1:8080/  (Ctrl+C stops the cluster)"
wait
