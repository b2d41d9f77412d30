#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster for the tests, from Debian's packages.
#
#   tests/postgres/server.sh start DIR   initdb into DIR/data, start on a free port, write DIR/env
#   tests/postgres/server.sh stop DIR    stop it and remove DIR
#
# The cluster belongs to an unprivileged user (initdb refuses root): the one running this, or, for
# root, the `postgres` account Debian's package creates (else `nobody`). Its files and socket live
# in a folder of their own under /tmp, which that user can reach wherever the build is (a build
# under /root is not) and whose path is short enough for a socket; DIR/cluster names it. It
# listens on 127.0.0.1 and on that socket. The superuser `spotlight_admin` has a password, found by
# libpq in DIR/pgpass through PGPASSFILE, so the tests go the way a curator's connection goes; the
# line serves any role, so a test can log in as a viewer it made with the same password (in
# DIR/password).
#
# DIR/env holds SPOTLIGHT_TEST_POSTGRES (a postgresql:// URL of the maintenance database), PGPASSFILE,
# PGHOST, PGPORT, PGUSER, PGDATABASE. When the server cannot start this exits 1 saying why: the tests
# that need it then fail, never skip.
set -euo pipefail

action=${1:?usage: server.sh start|stop DIR}
dir=${2:?usage: server.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)

owner=$(id -un)
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    id postgres >/dev/null 2>&1 || owner=nobody
    as_owner() { runuser -u "$owner" -- "$@"; }
fi

case $action in
stop)
    cluster=$(cat "$dir/cluster" 2>/dev/null || true)
    if [ -n "$cluster" ] && [ -f "$cluster/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [ -n "$cluster" ] && rm -rf "$cluster"
    rm -rf "$dir"
    exit 0
    ;;
start) ;;
*)
    echo "server.sh: unknown action $action (start or stop)" >&2
    exit 2
    ;;
esac

if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "server.sh: PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin); run packaging/setup.sh" >&2
    exit 1
fi

# A cluster left by an interrupted run goes first.
"$0" stop "$dir"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
cluster=$(mktemp -d /tmp/spotlight-pg.XXXXXX)
chmod 755 "$cluster"
echo "$cluster" >"$dir/cluster"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$password" >"$cluster/password"
chmod 600 "$cluster/password"
[ "$owner" = "$(id -un)" ] || chown -R "$owner" "$cluster"

log=$cluster/server.log
if ! as_owner "$bin/initdb" -D "$cluster/data" -U spotlight_admin --pwfile="$cluster/password" --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    echo "server.sh: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    exit 1
fi

# A free port: a random one, tried until the server starts on it.
started=""
for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 20000))
    # fsync off: a throwaway cluster need not survive a power cut, and the suite runs faster.
    if as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$log" -w -t 30 \
        -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" \
        start >/dev/null 2>&1; then
        started=$port
        break
    fi
done
if [ -z "$started" ]; then
    echo "server.sh: the PostgreSQL server did not start:" >&2
    tail -n 20 "$log" >&2 || true
    exit 1
fi

printf '127.0.0.1:%s:*:*:%s\n' "$port" "$password" >"$dir/pgpass"
cp "$cluster/password" "$dir/password"
chmod 600 "$dir/pgpass"
cat >"$dir/env" <<EOF
SPOTLIGHT_TEST_POSTGRES=postgresql://spotlight_admin@127.0.0.1:$port/postgres
PGPASSFILE=$dir/pgpass
PGHOST=$cluster
PGPORT=$port
PGUSER=spotlight_admin
PGDATABASE=postgres
EOF
echo "PostgreSQL 15 on port $port, data in $cluster/data"
