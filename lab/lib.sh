# shellcheck shell=bash
# lab/lib.sh: helpers shared by lab/up, down, status, stop-region, start-region.
# Sourced, never run. Paths, settings, process control and HTTP checks live here.

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE="$LAB_DIR/.state"
KS_DIR="$STATE/keystone"
BIN_DIR="$STATE/bin"
# Debian's interpreter: the python3 on PATH (pyenv) does not see dist-packages.
PY=/usr/bin/python3
ALL_REGIONS=(RegionOne RegionTwo RegionThree RegionFour RegionFive RegionSix)
ADMIN_USER="admin"
ADMIN_PASSWORD="password"
ADMIN_PROJECT="admin"
unset PYTHONPATH PYTHONHOME

# Defaults; lab/up overrides them from its options, the others read .state/lab.conf.
NREGIONS=3
BASE_PORT=9696
KEYSTONE_PORT=5000
DIMINET_BASE_PORT=7575

log() { printf '[lab %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'lab: ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

load_conf() {
  [[ -f $STATE/lab.conf ]] || return 1
  # shellcheck source=/dev/null
  . "$STATE/lab.conf"
}

save_conf() {
  cat >"$STATE/lab.conf" <<CONF
NREGIONS=$NREGIONS
BASE_PORT=$BASE_PORT
KEYSTONE_PORT=$KEYSTONE_PORT
DIMINET_BASE_PORT=$DIMINET_BASE_PORT
CONF
}

ks_url() { printf 'http://127.0.0.1:%s/v3' "$KEYSTONE_PORT"; }
regions() { printf '%s\n' "${ALL_REGIONS[@]:0:NREGIONS}"; }

region_index() { # NAME -> 0-based index, fails if NAME is not one of the lab's regions
  local i
  for ((i = 0; i < NREGIONS; i++)); do
    if [[ ${ALL_REGIONS[i]} == "$1" ]]; then
      printf '%s' "$i"
      return 0
    fi
  done
  return 1
}

region_dir() { printf '%s/regions/%s' "$STATE" "$1"; }
neutron_port() { printf '%s' $((BASE_PORT + $(region_index "$1"))); }
neutron_url() { printf 'http://127.0.0.1:%s' "$(neutron_port "$1")"; }
diminet_url() { printf 'http://127.0.0.1:%s' $((DIMINET_BASE_PORT + $(region_index "$1"))); }

# ---- processes -------------------------------------------------------------------------------

cmdline_has() { # PID MARKER: /proc/PID/cmdline contains MARKER
  [[ -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

group_pids() { # PGID MARKER: the processes of group PGID whose cmdline contains MARKER
  local p
  for p in $(pgrep -g "$1" 2>/dev/null || true); do
    if cmdline_has "$p" "$2"; then printf '%s\n' "$p"; fi
  done
}

running() { # PIDFILE MARKER: the recorded process group still runs our command
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -n $(group_pids "$pid" "$2") ]]
}

start_group() { # PIDFILE LOGFILE CMD...: run CMD in a new session; its PID (= PGID) goes to PIDFILE
  local pidfile=$1 logfile=$2 i
  shift 2
  rm -f "$pidfile" "$pidfile.tmp"
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid /bin/bash -c 'echo "$$" >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$@" \
    >>"$logfile" 2>&1 </dev/null &
  for ((i = 0; i < 100; i++)); do
    [[ -s $pidfile ]] && return 0
    sleep 0.05
  done
  die "could not start $*"
}

stop_group() { # PIDFILE MARKER NAME: SIGTERM the group, wait up to 10 s, then SIGKILL
  local pidfile=$1 marker=$2 name=$3 pid i
  if [[ ! -s $pidfile ]]; then
    return 0
  fi
  pid=$(<"$pidfile")
  if [[ ! $pid =~ ^[0-9]+$ ]] || [[ -z $(group_pids "$pid" "$marker") ]]; then
    log "$name: not running (stale pid file removed)"
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    [[ -z $(group_pids "$pid" "$marker") ]] && break
    sleep 0.1
  done
  if [[ -n $(group_pids "$pid" "$marker") ]]; then
    log "$name: still running after 10 s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  # PID 1 reaps the orphaned processes lazily here: wait (up to 5 s) until even the zombies of
  # the group are gone, so that `pgrep` right after this shows nothing.
  for ((i = 0; i < 50; i++)); do
    pgrep -g "$pid" >/dev/null 2>&1 || break
    sleep 0.1
  done
  rm -f "$pidfile"
  log "$name: stopped (process group $pid)"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---- HTTP ------------------------------------------------------------------------------------

http_code() { # URL [TOKEN] -> HTTP status, 000 if no answer
  local args=(-s -o /dev/null -w '%{http_code}' --max-time 5)
  if [[ -n ${2:-} ]]; then args+=(-H "X-Auth-Token: $2"); fi
  curl "${args[@]}" "$1" 2>/dev/null || true
}

get_token() { # -> admin project-scoped token on stdout (empty if Keystone refuses)
  local body
  body=$(printf '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"id":"default"},"password":"%s"}}},"scope":{"project":{"name":"%s","domain":{"id":"default"}}}}}' \
    "$ADMIN_USER" "$ADMIN_PASSWORD" "$ADMIN_PROJECT")
  curl -s -D - -o /dev/null --max-time 10 -H 'Content-Type: application/json' -d "$body" \
    "$(ks_url)/auth/tokens" 2>/dev/null | tr -d '\r' |
    awk -F': ' 'tolower($1) == "x-subject-token" { print $2 }' || true
}

show_tail() { # FILE...: last lines of each log
  local f
  for f in "$@"; do
    if [[ -f $f ]]; then
      printf -- '----- last 30 lines of %s -----\n' "$f" >&2
      tail -n 30 "$f" >&2
    fi
  done
}

# ---- Keystone --------------------------------------------------------------------------------

ks_marker() { printf '%s' "$KS_DIR/uwsgi.ini"; }
keystone_running() { running "$KS_DIR/pid" "$(ks_marker)"; }
keystone_answers() { [[ $(http_code "$(ks_url)") == 200 ]]; }

wait_keystone() { # TIMEOUT_S
  local deadline=$((SECONDS + $1))
  until keystone_answers; do
    if ! keystone_running; then
      show_tail "$KS_DIR/uwsgi.log" "$KS_DIR/keystone.log"
      die "Keystone (uwsgi) exited before answering GET $(ks_url)"
    fi
    if ((SECONDS >= deadline)); then
      show_tail "$KS_DIR/uwsgi.log" "$KS_DIR/keystone.log"
      die "Keystone did not answer GET $(ks_url) within $1 s"
    fi
    sleep 0.2
  done
}

# ---- Neutron ---------------------------------------------------------------------------------

neutron_marker() { printf '%s/neutron.conf' "$(region_dir "$1")"; }
neutron_running() { running "$(region_dir "$1")/pid" "$(neutron_marker "$1")"; }
neutron_answers() { [[ $(http_code "$(neutron_url "$1")/") == 200 ]]; }

start_neutron() { # REGION
  local dir port
  dir=$(region_dir "$1")
  port=$(neutron_port "$1")
  if port_busy "$port"; then
    die "port $port ($1's Neutron) is already in use by another program"
  fi
  start_group "$dir/pid" "$dir/neutron.log" \
    "$PY" "$BIN_DIR/neutron-server" --config-file "$dir/neutron.conf"
}

stop_neutron() { # REGION
  stop_group "$(region_dir "$1")/pid" "$(neutron_marker "$1")" "neutron-server $1"
}

wait_neutron() { # REGION DEADLINE(SECONDS value) TOKEN: GET / then authenticated GET /v2.0/networks
  local r=$1 deadline=$2 token=$3 dir url code
  dir=$(region_dir "$r")
  url=$(neutron_url "$r")
  while :; do
    code=000
    if neutron_answers "$r"; then
      code=$(http_code "$url/v2.0/networks" "$token")
      [[ $code == 200 ]] && return 0
    fi
    if ! neutron_running "$r"; then
      show_tail "$dir/neutron.log"
      die "$r: neutron-server exited (see $dir/neutron.log)"
    fi
    if ((SECONDS >= deadline)); then
      show_tail "$dir/neutron.log"
      die "$r: neutron-server at $url did not answer GET / and GET /v2.0/networks (last: $code) in time"
    fi
    sleep 0.25
  done
}
