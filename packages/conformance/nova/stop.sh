#!/usr/bin/env bash
# Stops what start.sh started, by the PIDs it recorded (newest services first), and nothing else.
# Each process gets SIGTERM and 15 s to end, then SIGKILL. The state folder stays for the next start;
# `stop.sh --purge` removes it too. For sid (NOVASPEC_RELEASE, default sid, as start.sh) it then
# unmounts what start.sh mounted in the chroot: the state folder, /dev and /proc.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
RELEASE=${NOVASPEC_RELEASE:-sid}
case "$RELEASE" in
  sid) S=${NOVA_HOME:-/var/tmp/novaspec-nova34} ;;
  zed) S=${NOVA_HOME:-/var/tmp/novaspec-nova} ;;
  *) echo "nova/stop.sh: NOVASPEC_RELEASE must be sid or zed, not '$RELEASE'" >&2; exit 1 ;;
esac
ROOT=${NOVASPEC_SID_ROOT:-/var/tmp/novaspec-sid}
order=(nova-api nova-compute1 nova-compute2 nova-scheduler nova-conductor glance placement standin rabbitmq epmd mariadb)
# Alive means running: a process that has exited but was not reaped (a zombie, when this machine's
# init does not reap orphans) counts as ended.
running() { kill -0 "$1" 2>/dev/null && [ "$(sed "s/.*) //" "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]; }
stop_one() {
  local name=$1 file=$S/run/$1.pid pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if running "$pid"; then
    # start.sh ran each service as a session leader (setsid): end its whole process group, so the
    # workers a service forks go with it.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if running "$pid"; then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
      echo "nova/stop.sh: $name ($pid) did not end on SIGTERM; killed"
    fi
  fi
  rm -f "$file"
}
for name in "${order[@]}"; do stop_one "$name"; done
if [ "$RELEASE" = sid ]; then
  # shellcheck source=sid/chroot.sh
  . "$here/sid/chroot.sh"
  if mountpoint -q "$ROOT$S"; then umount "$ROOT$S" 2>/dev/null || umount -l "$ROOT$S"; fi
  chroot_unmount "$ROOT"
fi
if [ "${1:-}" = "--purge" ]; then rm -rf "$S"; echo "nova/stop.sh: stopped and removed $S"; else echo "nova/stop.sh: stopped (state kept in $S)"; fi
