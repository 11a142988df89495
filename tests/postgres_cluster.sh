#!/usr/bin/env bash
# A private PostgreSQL server for the tests (Debian's postgresql package):
# initdb into DIR, served on a Unix socket in DIR only (no TCP port), trust
# authentication for the superuser `decltab`, fsync off (a test cluster;
# DECLTAB_PG_FSYNC=on for benchmarks).
# As root the server runs as `nobody`, which owns DIR; PostgreSQL refuses
# to run as root.
#   tests/postgres_cluster.sh start DIR   # then: postgresql:///postgres?host=DIR&user=decltab
#   tests/postgres_cluster.sh stop DIR    # stops the server and removes DIR
set -euo pipefail
action=${1:?usage: postgres_cluster.sh start|stop DIR}
dir=${2:?usage: postgres_cluster.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "postgres_cluster.sh: no PostgreSQL server (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    (cd "$dir" && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1) || true
  fi
  rm -rf "$dir"
}

case $action in
  start)
    stop  # a cluster left behind by a killed run
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" -ne 0 ] || chown nobody:nogroup "$dir"
    cd "$dir"
    if ! as_owner "$bin/initdb" -D "$dir/data" -U decltab -A trust -E UTF8 --no-locale \
        >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      exit 1
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=${DECLTAB_PG_FSYNC:-off} -c max_connections=60" \
        start >/dev/null; then
      cat "$dir/server.log" >&2
      exit 1
    fi
    echo "postgresql:///postgres?host=$dir&user=decltab"
    ;;
  stop) stop ;;
  *) echo "usage: postgres_cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
