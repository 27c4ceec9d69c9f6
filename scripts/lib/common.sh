# shellcheck shell=bash
# Shared helpers for scripts/*. Source it; do not execute it.
#
#   ensure_postgres run|test   PostgreSQL for the app (run) or for the tests (test)
#   reset_test_database        drop and recreate committee_tests on the private cluster
#   stop_postgres              stop the private cluster
#   ensure_signing_key         Committee__Auth__SigningKey from .data/signing-key
#   ensure_member_states       Committee__ReferenceData__MemberStates (absolute path)
#   ensure_chromium            Debian's chromium at /usr/bin/chromium (browser tests)
#   publish_api                build Committee.Api to run it (ReadyToRun); prints its dll
#   bench_server SOURCE DIR    the server a bench runs (sets BENCH_SERVER_DLL, BENCH_SOURCE)
#
# Messages go to stderr, so that a command's stdout stays its own
# (scripts/token prints nothing but the token).
#
# The private cluster lives in $ROOT/.data/pg, belongs to the OS user "postgres"
# (PostgreSQL refuses to run as root) and listens on 127.0.0.1:$COMMITTEE_PG_PORT
# only (no Unix socket). Every connection needs a password (SCRAM): the
# superuser's is in .data/pg-superuser-password (scripts only); the app connects
# as the role "committee", which owns the databases and has no superuser rights,
# with the password in .data/pg-app-password. Both files are readable by their
# owner only.

if [[ -n "${_COMMITTEE_COMMON_SH:-}" ]]; then return 0; fi
_COMMITTEE_COMMON_SH=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
export ROOT
DATA_DIR="$ROOT/.data"
API_PROJECT="$ROOT/src/Committee.Api"
# The app as the scripts run it (publish_api).
API_DLL="$ROOT/artifacts/api/Committee.Api.dll"

COMMITTEE_PG_PORT="${COMMITTEE_PG_PORT:-55432}"
PGDATA_DIR="$DATA_DIR/pg"
PG_LOG="$PGDATA_DIR/server.log"
PG_SUPERUSER=postgres
PG_OS_USER=postgres
PG_APP_USER=committee
PG_SUPERUSER_PASSWORD_FILE="$DATA_DIR/pg-superuser-password"
PG_APP_PASSWORD_FILE="$DATA_DIR/pg-app-password"
RUN_DB=committee
TEST_DB=committee_tests

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE="${DOTNET_CLI_UI_LANGUAGE:-en}"

log() { printf '[committee] %s\n' "$*" >&2; }
die() { printf '[committee] error: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly, or through sudo when we are not root.
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root to run: $*"
  fi
}

# apt-get install, with one apt-get update per shell.
apt_install() {
  if [[ -z "${_COMMITTEE_APT_UPDATED:-}" ]]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    _COMMITTEE_APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 "$@" >&2
}

# ---------------------------------------------------------------- PostgreSQL

# The binaries: $COMMITTEE_PG_BIN, else Debian's PostgreSQL 15, else the newest
# installed major version. Installs Debian's postgresql when none is there.
_pg_find_bin() {
  if [[ -n "${COMMITTEE_PG_BIN:-}" ]]; then PG_BIN="$COMMITTEE_PG_BIN"; return; fi
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then PG_BIN=/usr/lib/postgresql/15/bin; return; fi
  local candidate
  candidate="$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1 || true)"
  if [[ -n "$candidate" && -x "$candidate/initdb" ]]; then PG_BIN="$candidate"; return; fi
  PG_BIN=""
}

ensure_postgres_installed() {
  _pg_find_bin
  if [[ -z "$PG_BIN" ]]; then
    log "PostgreSQL server binaries not found: installing Debian's postgresql"
    apt_install postgresql
    _pg_find_bin
  fi
  [[ -n "$PG_BIN" && -x "$PG_BIN/initdb" ]] || die "PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin; set COMMITTEE_PG_BIN)"
  if [[ $EUID -eq 0 ]] && ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$PG_OS_USER"
  fi
}

# Run a PostgreSQL server program as the cluster's owner. As root that is the
# user postgres (runuser); otherwise the current user owns the cluster.
_pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

# The postgres user must be able to traverse every directory above .data/pg
# (a repository under /root, say): add o+x, top-down, only where it is missing.
_pg_fix_traversal() {
  [[ $EUID -eq 0 ]] || return 0
  local dir="" part
  local -a parts
  IFS=/ read -r -a parts <<<"${DATA_DIR#/}"
  for part in "${parts[@]}"; do
    dir="$dir/$part"
    if ! runuser -u "$PG_OS_USER" -- test -x "$dir"; then
      log "chmod o+x $dir (so that the postgres user can reach $PGDATA_DIR)"
      chmod o+x "$dir"
    fi
  done
}

_pg_init() {
  [[ -f "$PGDATA_DIR/PG_VERSION" ]] && return 0
  if [[ -e "$PGDATA_DIR" ]]; then
    die "$PGDATA_DIR exists but holds no cluster (no PG_VERSION); move it away and rerun"
  fi
  log "creating a private PostgreSQL cluster in $PGDATA_DIR"
  local tmp="$PGDATA_DIR.init.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if [[ $EUID -eq 0 ]]; then chown "$PG_OS_USER:" "$tmp"; fi
  chmod 700 "$tmp"
  if ! _pg_as_owner "$PG_BIN/initdb" -D "$tmp" -U "$PG_SUPERUSER" --auth=trust \
        -E UTF8 --no-locale --no-instructions >"$DATA_DIR/initdb.log" 2>&1; then
    cat "$DATA_DIR/initdb.log" >&2
    rm -rf "$tmp"
    die "initdb failed"
  fi
  # Settings; the port is given at each start (-p), so COMMITTEE_PG_PORT may change.
  _pg_as_owner tee -a "$tmp/postgresql.conf" >/dev/null <<'EOF'

# ---- Committee development cluster (written by scripts/lib/common.sh) ----
listen_addresses = '127.0.0.1'   # loopback only; pg_hba.conf trusts it
unix_socket_directories = ''     # TCP only: no socket path length or permission trouble
max_connections = 300            # parallel test projects, one host per test class
shared_buffers = 256MB
max_wal_size = 2GB               # fewer checkpoints during imports
logging_collector = off          # pg_ctl -l writes server.log
EOF
  mv "$tmp" "$PGDATA_DIR"
}

# Is the postmaster recorded in postmaster.pid alive and ours?
# A stale pid file whose number now belongs to another process does not count.
_pg_running() {
  local pidfile="$PGDATA_DIR/postmaster.pid" pid
  [[ -r "$pidfile" ]] || return 1
  pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/comm" ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$PGDATA_DIR" || return 1
}

_pg_running_port() { sed -n 4p "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true; }

_pg_start() {
  if _pg_running; then
    local running_port
    running_port="$(_pg_running_port)"
    if [[ -n "$running_port" && "$running_port" != "$COMMITTEE_PG_PORT" ]]; then
      # Do not pull the database from under a running app: use the cluster where it is.
      log "warning: the cluster already runs on port $running_port, not $COMMITTEE_PG_PORT; using $running_port (scripts/db stop, then rerun, to move it)"
      COMMITTEE_PG_PORT="$running_port"
    fi
    return 0
  elif [[ -e "$PGDATA_DIR/postmaster.pid" ]]; then
    log "removing stale $PGDATA_DIR/postmaster.pid (unclean stop)"
    _pg_as_owner rm -f "$PGDATA_DIR/postmaster.pid"
  fi
  log "starting PostgreSQL on 127.0.0.1:$COMMITTEE_PG_PORT (log: $PG_LOG)"
  if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 \
        -o "-p $COMMITTEE_PG_PORT" start >/dev/null; then
    tail -n 20 "$PG_LOG" >&2 || true
    die "PostgreSQL did not start (is port $COMMITTEE_PG_PORT taken? set COMMITTEE_PG_PORT)"
  fi
}

_pg_wait_ready() {
  local i
  for ((i = 0; i < 60; i++)); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$COMMITTEE_PG_PORT" -U "$PG_SUPERUSER"; then return 0; fi
    sleep 0.5
  done
  tail -n 20 "$PG_LOG" >&2 || true
  die "PostgreSQL on 127.0.0.1:$COMMITTEE_PG_PORT is not accepting connections"
}

# psql against the private cluster; extra arguments follow.
pg_psql() {
  PGPASSWORD="$(_secret "$PG_SUPERUSER_PASSWORD_FILE")" \
    "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$COMMITTEE_PG_PORT" -U "$PG_SUPERUSER" "$@"
}

# A password kept in a file readable by its owner only, made at first use.
_secret() { # file
  local file="$1"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && head -c 32 /dev/urandom | base64 -w 0 | tr '+/' '-_' | tr -d '=' >"$file.tmp")
    mv "$file.tmp" "$file"
  fi
  tr -d '\n' <"$file"
}

# initdb leaves loopback trusted, and clusters made before this rule trusted it
# too: set the passwords while it still is, then require them (SCRAM) and reload.
_pg_secure() {
  local hba="$PGDATA_DIR/pg_hba.conf"
  # Made here, once: a pipeline's two sides would each make their own.
  _secret "$PG_SUPERUSER_PASSWORD_FILE" >/dev/null
  _secret "$PG_APP_PASSWORD_FILE" >/dev/null
  if _pg_as_owner grep -qE '^[^#]*[[:space:]]trust([[:space:]]|$)' "$hba"; then
    log "requiring passwords on the private cluster (postgres: $PG_SUPERUSER_PASSWORD_FILE, $PG_APP_USER: $PG_APP_PASSWORD_FILE)"
    printf "ALTER ROLE %s PASSWORD '%s';\n" "$PG_SUPERUSER" "$(_secret "$PG_SUPERUSER_PASSWORD_FILE")" | pg_psql -d postgres -q >/dev/null
    printf '%s\n' "# Written by scripts/lib/common.sh: TCP on loopback only, every role with its password (SCRAM)." \
      "host    all    all    127.0.0.1/32    scram-sha-256" \
      "host    all    all    ::1/128         scram-sha-256" | _pg_as_owner tee "$hba" >/dev/null
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" reload >/dev/null
  fi
  if [[ "$(pg_psql -d postgres -Atqc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_APP_USER'")" != 1 ]]; then
    log "creating the application role $PG_APP_USER (no superuser rights)"
    printf "CREATE ROLE %s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '%s';\n" "$PG_APP_USER" "$(_secret "$PG_APP_PASSWORD_FILE")" \
      | pg_psql -d postgres -q >/dev/null
  fi
}

# A database of the application: created owned by its role, or handed over to it
# with everything in it (a database made before the role existed).
_pg_ensure_database() { # database [quiet]
  local db="$1" owner
  owner="$(pg_psql -d postgres -Atqc "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$db'")"
  if [[ -z "$owner" ]]; then
    [[ -n "${2:-}" ]] || log "creating database $db"
    pg_psql -d postgres -qc "CREATE DATABASE \"$db\" OWNER $PG_APP_USER" >/dev/null
  elif [[ "$owner" != "$PG_APP_USER" ]]; then
    log "handing database $db over to the application role $PG_APP_USER"
    pg_psql -d postgres -qc "ALTER DATABASE \"$db\" OWNER TO $PG_APP_USER" >/dev/null
    pg_psql -d "$db" -q -v role="$PG_APP_USER" -f "$ROOT/scripts/lib/hand-over.sql" >/dev/null
  fi
  if [[ "$db" == "$TEST_DB" ]]; then
    # Test data is disposable: skip the wait for the WAL flush at each commit.
    pg_psql -d postgres -qc "ALTER DATABASE \"$db\" SET synchronous_commit = off" >/dev/null
  fi
}

pg_connection_string() { # database name
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' "$COMMITTEE_PG_PORT" "$1" "$PG_APP_USER" "$(_secret "$PG_APP_PASSWORD_FILE")"
}

# A fresh database for a benchmark, owned by the application role.
pg_recreate_database() { # database
  PGCONNECT_TIMEOUT=10 PGOPTIONS="-c statement_timeout=60s" pg_psql -d postgres -qc "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null
  PGCONNECT_TIMEOUT=10 PGOPTIONS="-c statement_timeout=60s" pg_psql -d postgres -qc "CREATE DATABASE \"$1\" OWNER $PG_APP_USER" >/dev/null
}

# Create (first time), start (if not running) and wait for the private cluster,
# and make sure both databases exist. Serialised with flock, safe to call twice.
start_private_postgres() {
  ensure_postgres_installed
  mkdir -p "$DATA_DIR"
  chmod 755 "$DATA_DIR"
  exec {_pg_lock_fd}>"$DATA_DIR/pg.lock"
  flock "$_pg_lock_fd"
  _pg_fix_traversal
  _pg_init
  if [[ $EUID -eq 0 && "$(stat -c %U "$PGDATA_DIR")" != "$PG_OS_USER" ]]; then
    log "chown -R $PG_OS_USER $PGDATA_DIR"
    chown -R "$PG_OS_USER:" "$PGDATA_DIR"
  fi
  _pg_start
  _pg_wait_ready
  _pg_secure
  # Documents above 2 KB are compressed on write: lz4 costs a fraction of the default pglz (docs/performance.md).
  if [[ "$(pg_psql -d postgres -Atqc "SHOW default_toast_compression")" != lz4 ]]; then
    pg_psql -d postgres -qc "ALTER SYSTEM SET default_toast_compression = lz4" >/dev/null
    pg_psql -d postgres -qc "SELECT pg_reload_conf()" >/dev/null
  fi
  _pg_ensure_database "$RUN_DB"
  _pg_ensure_database "$TEST_DB"
  flock -u "$_pg_lock_fd"
  exec {_pg_lock_fd}>&-
}

stop_postgres() {
  _pg_find_bin
  [[ -n "$PG_BIN" ]] || return 0
  if _pg_running; then
    log "stopping PostgreSQL ($PGDATA_DIR)"
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
  else
    log "PostgreSQL ($PGDATA_DIR) is not running"
  fi
}

# ensure_postgres run  -> ConnectionStrings__Committee (database committee)
# ensure_postgres test -> COMMITTEE_TEST_CONNECTION (database committee_tests)
# A connection string already in the environment wins, and then nothing is
# installed or started.
ensure_postgres() {
  local mode="${1:-run}"
  case "$mode" in
    run)
      if [[ -n "${ConnectionStrings__Committee:-}" ]]; then
        log "using ConnectionStrings__Committee from the environment"
        return 0
      fi
      start_private_postgres
      ConnectionStrings__Committee="$(pg_connection_string "$RUN_DB")"
      export ConnectionStrings__Committee
      ;;
    test)
      if [[ -n "${COMMITTEE_TEST_CONNECTION:-}" ]]; then
        log "using COMMITTEE_TEST_CONNECTION from the environment"
        return 0
      fi
      start_private_postgres
      COMMITTEE_TEST_CONNECTION="$(pg_connection_string "$TEST_DB");Pooling=true;Maximum Pool Size=50"
      export COMMITTEE_TEST_CONNECTION
      COMMITTEE_TEST_DATABASE_IS_PRIVATE=1
      ;;
    *) die "ensure_postgres: expected run or test, got '$mode'" ;;
  esac
}

# Drop and recreate committee_tests, so that each run starts without the
# schemas of earlier runs. Only for the private cluster.
reset_test_database() {
  [[ -n "${COMMITTEE_TEST_DATABASE_IS_PRIVATE:-}" ]] || return 0
  pg_psql -d postgres -qc "DROP DATABASE IF EXISTS \"$TEST_DB\" WITH (FORCE)" >/dev/null
  _pg_ensure_database "$TEST_DB" quiet
}

# ---------------------------------------------------------------- app settings

ensure_signing_key() {
  if [[ -n "${Committee__Auth__SigningKey:-}" ]]; then return 0; fi
  local key_file="$DATA_DIR/signing-key"
  mkdir -p "$DATA_DIR"
  if [[ ! -s "$key_file" ]]; then
    log "generating a signing key in $key_file"
    (umask 077 && head -c 48 /dev/urandom | base64 -w 0 | tr '+/' '-_' | tr -d '=' >"$key_file.tmp")
    mv "$key_file.tmp" "$key_file"
  fi
  Committee__Auth__SigningKey="$(tr -d '\n' <"$key_file")"
  [[ ${#Committee__Auth__SigningKey} -ge 32 ]] || die "$key_file holds fewer than 32 characters; delete it to get a new key"
  export Committee__Auth__SigningKey
}

ensure_member_states() {
  if [[ -n "${Committee__ReferenceData__MemberStates:-}" ]]; then return 0; fi
  local csv
  csv="$(readlink -f "$ROOT/../shared/data/member-states.csv" 2>/dev/null || true)"
  if [[ -n "$csv" && -f "$csv" ]]; then
    export Committee__ReferenceData__MemberStates="$csv"
  else
    log "warning: ../shared/data/member-states.csv not found; set Committee__ReferenceData__MemberStates"
  fi
}

# Everything the app needs besides the database.
ensure_app_settings() {
  ensure_signing_key
  ensure_member_states
}

# ---------------------------------------------------------------- tools

# A private Redis on 127.0.0.1:$COMMITTEE_REDIS_PORT (default 56379) for SignalR's backplane between nodes:
# Debian's redis-server, no persistence, started if it is not answering. Exports COMMITTEE_REDIS (host:port).
ensure_redis() {
  local port="${COMMITTEE_REDIS_PORT:-56379}"
  [[ -x /usr/bin/redis-server ]] || apt_install redis-server
  export COMMITTEE_REDIS="127.0.0.1:$port"
  if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then return 0; fi
  mkdir -p "$DATA_DIR/redis"
  log "starting Redis on $COMMITTEE_REDIS"
  redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save "" --appendonly no \
    --dir "$DATA_DIR/redis" --pidfile "$DATA_DIR/redis/redis.pid" --logfile "$DATA_DIR/redis/redis.log" >&2
  for _ in $(seq 50); do
    redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "Redis did not start on $COMMITTEE_REDIS (see $DATA_DIR/redis/redis.log)"
}

# Debian's Chromium for browser tests (never a downloaded browser).
ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then return 0; fi
  apt_install chromium
  [[ -x /usr/bin/chromium ]] || die "chromium did not install"
}

# Builds Committee.Api to be run by the scripts (scripts/run, scripts/committee, the benches): Release, published
# ReadyToRun for this machine, as it is deployed, so that a command such as an import does not spend its first second
# compiling the libraries' code, nor a server its first seconds under load (docs/performance.md, "The imported
# unvotes history", "Fourth pass"). Its restore and intermediate files stay in OUTPUT_DIR.build, apart from the
# tests' build. Prints the path of the dll; the build's own output goes to stderr only when it fails.
#   publish_api [PROJECT OUTPUT_DIR]   by default src/Committee.Api into artifacts/api
publish_api() {
  local project="${1:-$API_PROJECT}" out="${2:-$(dirname "$API_DLL")}" rid output
  case "$(uname -m)" in
    x86_64) rid=linux-x64 ;;
    aarch64 | arm64) rid=linux-arm64 ;;
    *) die "no .NET runtime identifier known for $(uname -m)" ;;
  esac
  if ! output="$(dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
      --artifacts-path "$out.build" -o "$out" -nologo -v q 2>&1)"; then
    printf '%s\n' "$output" >&2
    die "build of $project failed"
  fi
  [[ -f "$out/Committee.Api.dll" ]] || die "build output not found: $out/Committee.Api.dll"
  printf '%s\n' "$out/Committee.Api.dll"
}

# The server a bench runs, from SOURCE: "worktree" (src/ as it is) or a revision, whose committed src/ is extracted
# into DIR/src-<commit> (git archive), so that uncommitted work does not enter the measurement. Published into
# DIR/publish-<worktree or commit> (so that alternating sources rebuilds neither), then copied to DIR/api, so that a
# rebuild elsewhere cannot change it mid-run. Sets BENCH_SERVER_DLL, and BENCH_SOURCE for the report (the commit,
# and whether src/ has uncommitted changes).
bench_server() {
  local source="$1" dir="$2" commit project build
  if [[ "$source" == worktree ]]; then
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    project="$API_PROJECT" build=worktree BENCH_SOURCE="$commit"
    if [[ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ]]; then BENCH_SOURCE="$commit + uncommitted changes in src/"; fi
  else
    commit="$(git -C "$ROOT" rev-parse --short --verify --quiet "$source^{commit}")" || die "--source: '$source' is not a revision of this repository"
    local src_root="$dir/src-$commit"
    if [[ ! -d "$src_root/src" ]]; then
      log "extracting src/ of $commit into $src_root"
      rm -rf "$src_root.tmp" && mkdir -p "$src_root.tmp"
      git -C "$ROOT" archive --format=tar "$commit" src Directory.Build.props Directory.Packages.props global.json | tar -x -C "$src_root.tmp"
      mv "$src_root.tmp" "$src_root"
    fi
    project="$src_root/src/Committee.Api" build="$commit" BENCH_SOURCE="$commit"
  fi
  log "publishing $project ReadyToRun, as deployed"
  local dll
  dll="$(publish_api "$project" "$dir/publish-$build")"
  rm -rf "$dir/api"
  cp -a "$(dirname "$dll")/." "$dir/api/"
  BENCH_SERVER_DLL="$dir/api/$(basename "$dll")"
}

# ---- what scripts/bench and scripts/bench-live share: a fresh database, the bench's build, the published server
# (bench_server) started, asked for a token and stopped

bench_database() { # database: recreated on the private cluster and exported as ConnectionStrings__Committee
  unset ConnectionStrings__Committee
  ensure_postgres run
  ensure_app_settings
  log "recreating database $1"
  pg_recreate_database "$1"
  ConnectionStrings__Committee="$(pg_connection_string "$1")"
  export ConnectionStrings__Committee
}

bench_build() { # bench project directory: built in Release, its dll in BENCH_DLL
  local project="$1" name output
  name="$(basename "$project")"
  log "building bench/$name (Release)"
  if ! output="$(timeout 600 dotnet build "$project" -c Release -nologo -v q 2>&1)"; then
    printf '%s\n' "$output" >&2; die "build of bench/$name failed"
  fi
  BENCH_DLL="$(dotnet msbuild "$project" -nologo -getProperty:TargetPath -p:Configuration=Release)"
  [[ -f "$BENCH_DLL" ]] || die "build output not found: $BENCH_DLL"
}

bench_label() { # base url: the server as every bench report names it, with the runtime settings it was given
  local runtime_env
  # Through the environment, e.g. DOTNET_TieredCompilation=0 scripts/bench (the scripts' own DOTNET_* defaults left out).
  runtime_env="$(env | grep -E '^(DOTNET_|COMPlus_)' | grep -vE '^DOTNET_(CLI_[A-Z_]*|NOLOGO|SKIP_FIRST_TIME_EXPERIENCE|GENERATE_ASPNET_CERTIFICATE)=' | sort | tr '\n' ' ' || true)"
  printf '%s' "Committee.Api Release, published ReadyToRun ($BENCH_SOURCE), ASPNETCORE_ENVIRONMENT=Development (as scripts/run), Logging:LogLevel:Default=Warning, on $1"
  if [[ -n "$runtime_env" ]]; then printf '; server environment: %s' "${runtime_env% }"; fi
}

# Starts the server published by bench_server and waits for its /health; its pid in BENCH_SERVER_PID. Settings
# given as NAME=value (e.g. Committee__Daemon=Disabled) go to its environment.
bench_start_server() { # base url, log file, [NAME=value ...]
  local url="$1" server_log="$2" dir i
  shift 2
  dir="$(dirname "$BENCH_SERVER_DLL")"
  log "starting the server on $url (log: $server_log)${*:+, with $*}"
  (
    export ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_CONTENTROOT="$dir"
    export Logging__LogLevel__Default=Warning
    # Every simulated client reads anonymously from 127.0.0.1: the per-address limit would measure itself.
    export Committee__RateLimit__AnonymousPerSecond=1000000 Committee__RateLimit__AnonymousBurst=1000000
    for setting in "$@"; do export "${setting?}"; done
    cd "$dir"
    exec dotnet "$BENCH_SERVER_DLL"
  ) >"$server_log" 2>&1 &
  BENCH_SERVER_PID=$!
  for ((i = 0; i < 240; i++)); do
    kill -0 "$BENCH_SERVER_PID" 2>/dev/null || { tail -n 30 "$server_log" >&2; die "the server exited during start"; }
    if curl -fsS --max-time 2 -o /dev/null "$url/health" 2>/dev/null; then log "server ready (pid $BENCH_SERVER_PID)"; return 0; fi
    sleep 0.5
  done
  tail -n 30 "$server_log" >&2; die "the server did not answer $url/health within 120 s"
}

bench_stop_server() { # TERM, then KILL after 15 s; nothing if no server runs
  [[ -n "${BENCH_SERVER_PID:-}" ]] || return 0
  local pid="$BENCH_SERVER_PID" i
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping the server (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "the server did not stop within 15 s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  BENCH_SERVER_PID=""
}

bench_token() { # a secretariat token from the server's own command (same build, same signing key), on stdout
  local output token
  output="$(cd "$(dirname "$BENCH_SERVER_DLL")" && Logging__Console__LogToStandardErrorThreshold=Trace timeout 120 dotnet "$BENCH_SERVER_DLL" token secretariat 2>/dev/null)" \
    || die "the token command failed"
  token="$(tr -d '\r' <<<"$output" | grep -E '^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$' | tail -n 1 || true)"
  [[ -n "$token" ]] || die "the token command printed no token"
  printf '%s' "$token"
}

bench_server_errors() { # server log: says so if the server logged errors
  if grep -qE '^(fail|crit):' "$1"; then
    log "the server logged errors: see $1 ($(grep -cE '^(fail|crit):' "$1") entries)"
  fi
}
