#!/usr/bin/env bash
# Configures and starts the local Nova of the conformance suite: MariaDB (unix socket only), RabbitMQ,
# the Neutron/Keystone/Cinder stand-ins, Placement, Glance, and Nova's API, conductor, scheduler and
# two fake-driver compute services.
#
# Two releases: `sid` (the default: Nova 34.0.0 from Debian unstable, every service run inside the
# chroot nova/sid/install.sh made, which shares the host's network, so its 127.0.0.1 is the host's)
# and `zed` (Nova 26.2.2 from the host's own bookworm packages, nova/install.sh). The stand-ins are
# Node and run on the host for both. Everything listens on 127.0.0.1; every process is started in the
# background with its PID in $NOVA_HOME/run/NAME.pid and its output in $NOVA_HOME/log/NAME.log, so
# stop.sh can end exactly what this started. Idempotent: a service whose PID is alive is left alone,
# databases are created and migrated only when missing.
#
# Environment: NOVASPEC_RELEASE (sid or zed, default sid), NOVA_HOME (state; default
# /var/tmp/novaspec-nova34 for sid, /var/tmp/novaspec-nova for zed: their databases differ),
# NOVASPEC_SID_ROOT (the chroot, default /var/tmp/novaspec-sid), NODE (a Node 24 binary for the
# stand-ins; default: the one on PATH). Ports are fixed below and printed at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
RELEASE=${NOVASPEC_RELEASE:-sid}
NODE=${NODE:-node}
PY=/usr/bin/python3 # Debian's Python: the one Nova's packages are installed for (in the chroot for sid)
case "$RELEASE" in
  sid)
    S=${NOVA_HOME:-/var/tmp/novaspec-nova34}
    ROOT=${NOVASPEC_SID_ROOT:-/var/tmp/novaspec-sid}
    [ -f "$ROOT/.novaspec-complete" ] || { echo "nova/start.sh: the sid chroot $ROOT is not installed (run nova/sid/install.sh)" >&2; exit 1; }
    # shellcheck source=sid/chroot.sh
    . "$here/sid/chroot.sh"
    # The state folder is bind-mounted at the same path inside the chroot, so every path in the
    # configuration, the logs and the PID files means the same inside and out.
    mkdir -p "$S" "$ROOT$S"
    chroot_mount "$ROOT"
    mountpoint -q "$ROOT$S" || mount --bind "$S" "$ROOT$S"
    # Every Debian program runs inside the chroot with a clean environment; chroot and env exec, so
    # the PID recorded is the service's own.
    IN=(chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root PYTHONPATH="$S/python")
    ;;
  zed)
    S=${NOVA_HOME:-/var/tmp/novaspec-nova}
    IN=(env PYTHONPATH="$S/python")
    ;;
  *) echo "nova/start.sh: NOVASPEC_RELEASE must be sid or zed, not '$RELEASE'" >&2; exit 1 ;;
esac
NOVA_API_PORT=18774 PLACEMENT_PORT=18778 GLANCE_PORT=19292 NEUTRON_PORT=19696 KEYSTONE_PORT=15000 CINDER_PORT=18776 IRONIC_PORT=16385
AMQP_PORT=5673 EPMD_PORT=4370 RABBIT_DIST_PORT=25673
mkdir -p "$S"/{run,log,etc,etc/placement,etc/glance,glance/staging,glance/tasks,mysql,rabbitmq,nova/instances,nova/locks,glance/images,compute1,compute2,python}
# The paste filters and the WSGI entry point, where the Python that loads them can see them.
cp "$here/novaspec_token_context.py" "$here/novaspec_wsgi.py" "$here/novaspec_fake_node.py" "$S/python/"
echo "$RELEASE" > "$S/run/release"
sock=$S/run/mysqld.sock
db() { echo "mysql+pymysql://root@localhost/$1?unix_socket=$sock&charset=utf8"; }
started=$(date +%s)

fail() {
  echo "nova/start.sh: $1" >&2
  [ -n "${2:-}" ] && [ -f "$S/log/$2.log" ] && { echo "--- last lines of $S/log/$2.log:" >&2; tail -n 30 "$S/log/$2.log" >&2; }
  exit 1
}
# Alive means running: an exited but unreaped process (a zombie) counts as ended.
alive() {
  local pid
  [ -f "$S/run/$1.pid" ] && pid=$(cat "$S/run/$1.pid") && kill -0 "$pid" 2>/dev/null && [ "$(sed "s/.*) //" "/proc/$pid/stat" 2>/dev/null | cut -c1)" != Z ]
}
# launch NAME COMMAND...: runs COMMAND in the background unless NAME is already running.
launch() {
  local name=$1; shift
  if alive "$name"; then return 0; fi
  setsid "$@" >>"$S/log/$name.log" 2>&1 < /dev/null &
  echo $! > "$S/run/$name.pid"
}
# wait_port NAME PORT [SECONDS]: waits until something accepts connections on 127.0.0.1:PORT.
wait_port() {
  local name=$1 port=$2 limit=${3:-60}
  for _ in $(seq 1 $((limit * 5))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    alive "$name" || fail "$name exited before listening on 127.0.0.1:$port" "$name"
    sleep 0.2
  done
  fail "$name did not listen on 127.0.0.1:$port within ${limit} s" "$name"
}

# --- MariaDB: no TCP at all, one unix socket in the state folder.
if [ ! -d "$S/mysql/mysql" ]; then
  "${IN[@]}" mariadb-install-db --no-defaults --user=root --datadir="$S/mysql" --auth-root-authentication-method=normal \
    --skip-test-db >"$S/log/mariadb-install.log" 2>&1 || fail "mariadb-install-db failed" mariadb-install
fi
launch mariadb "${IN[@]}" /usr/sbin/mariadbd --no-defaults --user=root --datadir="$S/mysql" --socket="$sock" \
  --pid-file="$S/run/mariadbd-self.pid" --skip-networking --log-error="$S/log/mariadb.log" \
  --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=0 --max-connections=300
for _ in $(seq 1 150); do [ -S "$sock" ] && break; alive mariadb || fail "MariaDB exited" mariadb; sleep 0.2; done
[ -S "$sock" ] || fail "MariaDB did not open $sock" mariadb
"${IN[@]}" mariadb --no-defaults --socket="$sock" -uroot -e \
  'CREATE DATABASE IF NOT EXISTS nova_api; CREATE DATABASE IF NOT EXISTS nova; CREATE DATABASE IF NOT EXISTS nova_cell0;
   CREATE DATABASE IF NOT EXISTS placement; CREATE DATABASE IF NOT EXISTS glance;'

# --- RabbitMQ, with its own epmd on a loopback port so nothing outlives stop.sh.
echo '[].' > "$S/rabbitmq/enabled_plugins"
launch epmd "${IN[@]}" epmd -address 127.0.0.1 -port "$EPMD_PORT"
wait_port epmd "$EPMD_PORT" 10
launch rabbitmq "${IN[@]}" HOME="$S/rabbitmq" ERL_EPMD_PORT="$EPMD_PORT" ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_NODENAME=novaspec@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$AMQP_PORT" \
  RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT" RABBITMQ_MNESIA_BASE="$S/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$S/log/rabbitmq" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$S/rabbitmq/enabled_plugins" RABBITMQ_PID_FILE="$S/run/rabbitmq-self.pid" \
  RABBITMQ_LOGS=- \
  /usr/lib/rabbitmq/bin/rabbitmq-server

# --- Neutron, Keystone, Cinder and Ironic stand-ins (Node).
launch standin env NEUTRON_PORT="$NEUTRON_PORT" KEYSTONE_PORT="$KEYSTONE_PORT" CINDER_PORT="$CINDER_PORT" IRONIC_PORT="$IRONIC_PORT" "$NODE" "$here/standin.ts"

# --- Configuration files (rewritten on every start: they only name paths and ports).
# placement-api reads its configuration from $OS_PLACEMENT_CONFIG_DIR/placement.conf only.
cat > "$S/etc/placement/placement.conf" <<CONF
[DEFAULT]
log_file = $S/log/placement.log
[api]
auth_strategy = noauth2
[placement_database]
connection = $(db placement)
CONF

cat > "$S/etc/glance/glance-api.conf" <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $GLANCE_PORT
workers = 1
enabled_backends = local:file
[glance_store]
default_backend = local
[local]
filesystem_store_datadir = $S/glance/images
[database]
connection = $(db glance)
# Glance 33 under a WSGI server: the import staging area and task store are file stores of their own.
worker_self_reference_url = http://127.0.0.1:$GLANCE_PORT
[os_glance_staging_store]
filesystem_store_datadir = $S/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $S/glance/tasks
[paste_deploy]
config_file = $S/etc/glance-api-paste.ini
[oslo_policy]
policy_file = $S/etc/glance-policy.yaml
# Glance 33 checks roles (admin, or reader/member of the image's project) and its unauthenticated
# context has none: its legacy rules (open to anyone) apply instead. Zed has the same option.
enforce_new_defaults = false
enforce_scope = false
CONF
# Glance without Keystone: every request runs as an admin context; only publicizing an image is
# closed by default policy, and the suite needs one public image.
printf '"publicize_image": ""\n' > "$S/etc/glance-policy.yaml"
cat > "$S/etc/glance-api-paste.ini" <<'INI'
[pipeline:glance-api]
pipeline = versionnegotiation unauthenticated-context rootapp
[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app
[app:apiversions]
paste.app_factory = glance.api.versions:create_resource
[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory
[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory
[filter:unauthenticated-context]
paste.filter_factory = glance.api.middleware.context:UnauthenticatedContextMiddleware.factory
INI

if [ "$RELEASE" = sid ]; then
  # Nova 34 checks every response body against its own response schema before sending it; `error`
  # turns a mismatch into a 500 (and a log line naming the schema), so Nova's schemas and its
  # behaviour are checked against each other by every request the suite makes. There is no
  # auth_strategy any more (see novaspec_token_context.py).
  api_options='response_validation = error'
  # The v2.1 pipeline factory always takes the `keystone` key: TokenContext stands in for
  # keystonemiddleware there.
  v21_pipeline='keystone = compute_req_id faultwrap request_log sizelimit token_context osapi_compute_app_v21'
else
  api_options='auth_strategy = noauth2'
  v21_pipeline='noauth2 = compute_req_id faultwrap request_log sizelimit noauth2 token_into_context osapi_compute_app_v21'
fi

cat > "$S/etc/nova.conf" <<CONF
[DEFAULT]
state_path = $S/nova
instances_path = $S/nova/instances
transport_url = rabbit://guest:guest@127.0.0.1:$AMQP_PORT/
compute_driver = fake.FakeDriver
my_ip = 127.0.0.1
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $NOVA_API_PORT
osapi_compute_workers = 1
allow_resize_to_same_host = true
# A deleted server stays SOFT_DELETED for an hour, so the restore and forceDelete actions have work.
reclaim_instance_interval = 3600
# A shelved server stays SHELVED until shelveOffload (the default, 0, offloads at once).
shelved_offload_time = -1
# No ports exist, so no vif-plugged event will ever come.
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
[api]
$api_options
[wsgi]
api_paste_config = $S/etc/nova-api-paste.ini
[api_database]
connection = $(db nova_api)
[database]
connection = $(db nova)
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = -1
[oslo_concurrency]
lock_path = $S/nova/locks
[oslo_messaging_notifications]
driver = noop
[placement]
auth_type = admin_token
endpoint = http://127.0.0.1:$PLACEMENT_PORT
token = admin
[glance]
endpoint_override = http://127.0.0.1:$GLANCE_PORT
[neutron]
auth_type = admin_token
endpoint = http://127.0.0.1:$NEUTRON_PORT
token = admin
endpoint_override = http://127.0.0.1:$NEUTRON_PORT
[keystone]
endpoint_override = http://127.0.0.1:$KEYSTONE_PORT/v3
[vnc]
enabled = true
[spice]
enabled = true
[serial_console]
enabled = true
[rdp]
enabled = true
[mks]
enabled = true
[cinder]
endpoint_template = http://127.0.0.1:$CINDER_PORT/v3/%(project_id)s
# Only the bare metal node proxy (up to 2.35) reads this: the API asks Ironic with its own session.
[ironic]
auth_type = none
endpoint_override = http://127.0.0.1:$IRONIC_PORT
CONF
for n in 1 2; do
  cat > "$S/etc/nova-compute$n.conf" <<CONF
[DEFAULT]
host = compute$n
state_path = $S/compute$n
instances_path = $S/compute$n/instances
CONF
done

cat > "$S/etc/nova-api-paste.ini" <<INI
[composite:osapi_compute]
use = call:nova.api.openstack.urlmap:urlmap_factory
/: oscomputeversions
/v2.1: openstack_compute_api_v21

[composite:openstack_compute_api_v21]
use = call:nova.api.auth:pipeline_factory_v21
$v21_pipeline

[pipeline:oscomputeversions]
pipeline = faultwrap request_log oscomputeversionapp

[app:oscomputeversionapp]
paste.app_factory = nova.api.openstack.compute.versions:Versions.factory

[app:osapi_compute_app_v21]
paste.app_factory = nova.api.openstack.compute:APIRouterV21.factory

[filter:compute_req_id]
paste.filter_factory = nova.api.compute_req_id:ComputeReqIdMiddleware.factory

[filter:faultwrap]
paste.filter_factory = nova.api.openstack:FaultWrapper.factory

[filter:request_log]
paste.filter_factory = nova.api.openstack.requestlog:RequestLog.factory

[filter:sizelimit]
paste.filter_factory = oslo_middleware:RequestBodySizeLimiter.factory

[filter:noauth2]
paste.filter_factory = nova.api.openstack.auth:NoAuthMiddleware.factory

[filter:token_into_context]
paste.filter_factory = novaspec_token_context:TokenIntoContext.factory

[filter:token_context]
paste.filter_factory = novaspec_token_context:TokenContext.factory
INI

# The argv of one of Nova's commands (Debian's python3-nova has the modules, not the nova-* scripts).
nova_cmd() { printf '%s\n' "${IN[@]}" "$PY" -c "import sys; sys.argv[0] = 'nova-$1'; from nova.cmd.$1 import main; sys.exit(main())"; }
manage() { local argv; mapfile -t argv < <(nova_cmd manage); "${argv[@]}" --config-file "$S/etc/nova.conf" "$@"; }
launch_nova() { local name=$1 module=$2 argv; shift 2; mapfile -t argv < <(nova_cmd "$module"); launch "$name" "${argv[@]}" "$@"; }

# --- Schemas: placement, glance, nova (API database, cell0, cell1). Each sync is a no-op when current.
if [ ! -f "$S/run/databases-ready" ]; then
  "${IN[@]}" "$PY" -c "import sys; sys.argv[0] = 'placement-manage'; from placement.cmd.manage import main; sys.exit(main())" \
    --config-file "$S/etc/placement/placement.conf" db sync >"$S/log/db-sync.log" 2>&1 || fail "placement db sync failed" db-sync
  "${IN[@]}" "$PY" -c "import sys; sys.argv[0] = 'glance-manage'; from glance.cmd.manage import main; sys.exit(main())" \
    --config-file "$S/etc/glance/glance-api.conf" db_sync >>"$S/log/db-sync.log" 2>&1 || fail "glance db sync failed" db-sync
  manage api_db sync >>"$S/log/db-sync.log" 2>&1 || fail "nova api_db sync failed" db-sync
  manage cell_v2 map_cell0 --database_connection "$(db nova_cell0)" >>"$S/log/db-sync.log" 2>&1 || fail "nova map_cell0 failed" db-sync
  manage cell_v2 list_cells 2>/dev/null | grep -q ' cell1 ' || \
    manage cell_v2 create_cell --name cell1 >>"$S/log/db-sync.log" 2>&1 || fail "nova create_cell failed" db-sync
  manage db sync >>"$S/log/db-sync.log" 2>&1 || fail "nova db sync failed" db-sync
  touch "$S/run/databases-ready"
fi

wait_port rabbitmq "$AMQP_PORT" 90
wait_port standin "$NEUTRON_PORT" 20
# wsgi NAME PORT APP PROG [ENV...]: serves a WSGI application with gunicorn in the chroot, one
# worker process with four threads (Nova 34's API runs on native threads, not eventlet).
wsgi() {
  local name=$1 port=$2 app=$3 prog=$4; shift 4
  launch "$name" "${IN[@]}" NOVASPEC_WSGI_APP="$app" NOVASPEC_WSGI_PROG="$prog" "$@" \
    "$PY" -m gunicorn --bind "127.0.0.1:$port" --workers 1 --threads 4 --timeout 120 --graceful-timeout 5 --keep-alive 30 \
    --access-logfile - --error-logfile - novaspec_wsgi:application
}
if [ "$RELEASE" = sid ]; then
  # The sid packages ship the WSGI modules only (no placement-api, glance-api or nova-api scripts).
  wsgi placement "$PLACEMENT_PORT" placement.wsgi.api:application placement-api OS_PLACEMENT_CONFIG_DIR="$S/etc/placement"
  wsgi glance "$GLANCE_PORT" glance.wsgi.api:application glance-api OS_GLANCE_CONFIG_DIR="$S/etc/glance"
  # The first file is the paste configuration, the second nova.conf.
  wsgi nova-api "$NOVA_API_PORT" nova.wsgi.osapi_compute:application nova-api \
    OS_NOVA_CONFIG_DIR="$S/etc" OS_NOVA_CONFIG_FILES="nova-api-paste.ini;nova.conf"
else
  launch placement "${IN[@]}" OS_PLACEMENT_CONFIG_DIR="$S/etc/placement" "$PY" /usr/bin/placement-api --host 127.0.0.1 --port "$PLACEMENT_PORT"
  launch glance "${IN[@]}" "$PY" -c "import sys; sys.argv[0] = 'glance-api'; from glance.cmd.api import main; sys.exit(main())" \
    --config-file "$S/etc/glance/glance-api.conf"
  launch_nova nova-api api --config-file "$S/etc/nova.conf"
fi
launch_nova nova-conductor conductor --config-file "$S/etc/nova.conf"
launch_nova nova-scheduler scheduler --config-file "$S/etc/nova.conf"
wait_port placement "$PLACEMENT_PORT" 60
for n in 1 2; do
  if [ "$RELEASE" = sid ]; then
    # A fixed node UUID per fake host, in the compute_id file Nova 34 checks and in the fake
    # driver's own idea of it (see novaspec_fake_node.py), so a restarted compute starts again.
    node_uuid=$("$PY" -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'novaspec:compute$n'))" 2>/dev/null \
      || "${IN[@]}" "$PY" -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'novaspec:compute$n'))")
    [ -f "$S/compute$n/compute_id" ] || echo "$node_uuid" > "$S/compute$n/compute_id"
    alive "nova-compute$n" || launch "nova-compute$n" "${IN[@]}" NOVASPEC_FAKE_NODE="compute$n=$node_uuid" "$PY" -c \
      "import sys, novaspec_fake_node; sys.argv[0] = 'nova-compute'; from nova.cmd.compute import main; sys.exit(main())" \
      --config-file "$S/etc/nova.conf" --config-file "$S/etc/nova-compute$n.conf"
  else
    launch_nova "nova-compute$n" compute --config-file "$S/etc/nova.conf" --config-file "$S/etc/nova-compute$n.conf"
  fi
done
wait_port glance "$GLANCE_PORT" 60
wait_port nova-api "$NOVA_API_PORT" 90

# Both computes must have registered before they can be mapped to cell1 and scheduled to.
for _ in $(seq 1 120); do
  count=$("${IN[@]}" mariadb --no-defaults --socket="$sock" -uroot -N -e \
    "SELECT COUNT(*) FROM nova.compute_nodes WHERE deleted = 0" 2>/dev/null || echo 0)
  [ "$count" -ge 2 ] && break
  alive nova-compute1 || fail "nova-compute1 exited" nova-compute1
  alive nova-compute2 || fail "nova-compute2 exited" nova-compute2
  sleep 0.5
done
[ "$count" -ge 2 ] || fail "the compute services did not register within 60 s" nova-compute1
manage cell_v2 discover_hosts >>"$S/log/db-sync.log" 2>&1 || fail "nova discover_hosts failed" db-sync

# Nova's upstream version, from its Debian package version (2:34.0.0-4 is 34.0.0).
nova_version=$("${IN[@]}" dpkg-query -W -f='${Version}' python3-nova | sed -E 's/^[0-9]+://; s/-[^-]*$//')
cat > "$S/run/endpoints.json" <<JSON
{"compute": "http://127.0.0.1:$NOVA_API_PORT/v2.1", "image": "http://127.0.0.1:$GLANCE_PORT",
 "placement": "http://127.0.0.1:$PLACEMENT_PORT", "network": "http://127.0.0.1:$NEUTRON_PORT",
 "identity": "http://127.0.0.1:$KEYSTONE_PORT/v3", "home": "$S", "release": "$RELEASE", "nova_version": "$nova_version"}
JSON
echo "nova/start.sh: local Nova ($RELEASE) ready in $(( $(date +%s) - started )) s: compute http://127.0.0.1:$NOVA_API_PORT/v2.1 (state and logs in $S)"
