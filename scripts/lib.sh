# Shared by scripts/run.sh and scripts/test.sh. Sourced, not executed.

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

need_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH."
}

as_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  as_root || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  say "Installing with apt-get: $*"
  if [ -z "${VARSLING_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    VARSLING_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Prints the directory holding pg_ctl/initdb (PostgreSQL 15 or newer), installing the server when missing and root.
find_pg_bin() {
  if [ -n "${VARSLING_PG_BIN:-}" ] && [ -x "$VARSLING_PG_BIN/pg_ctl" ]; then echo "$VARSLING_PG_BIN"; return 0; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_postgres() {
  local bin
  if bin=$(find_pg_bin); then echo "$bin"; return 0; fi
  apt_install postgresql postgresql-contrib || die "PostgreSQL server binaries (15 or newer) are missing. Install them: sudo apt-get install postgresql (or set VARSLING_PG_BIN to the folder holding pg_ctl)."
  bin=$(find_pg_bin) || die "PostgreSQL was installed but pg_ctl was not found under /usr/lib/postgresql/*/bin."
  echo "$bin"
}

# The PDF export tests read the generated PDFs back with poppler's pdftotext and pdfinfo.
ensure_poppler() {
  command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 && return 0
  if ! as_root && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    say "Installing with sudo apt-get: poppler-utils"
    sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >&2 && return 0
  fi
  apt_install poppler-utils || die "pdftotext and pdfinfo are required for the PDF export tests: sudo apt-get install poppler-utils"
}

ensure_node() {
  command -v node >/dev/null 2>&1 && return 0
  apt_install nodejs || die "Node.js 20 or newer is required for the browser-crypto tests: sudo apt-get install nodejs"
}

# The browser tests drive Debian's Chromium through Playwright (no browser download).
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  apt_install chromium || die "Chromium is required for the intake's browser tests: sudo apt-get install chromium (it must be /usr/bin/chromium, or set VARSLING_CHROMIUM)."
}

# Installs the intake browser tests' npm tools (axe-core) when they are missing.
ensure_browser_test_tools() {
  local dir=tests/Varsling.Intake.Tests
  [ -f "$dir/package.json" ] || return 0
  [ -f "$dir/node_modules/axe-core/axe.min.js" ] && return 0
  command -v npm >/dev/null 2>&1 || apt_install npm || die "npm is required to install axe-core for the browser tests: sudo apt-get install npm"
  say "Installing the browser tests' npm packages"
  if [ -f "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund >&2)
  else
    (cd "$dir" && npm install --no-audit --no-fund >&2)
  fi
}

# Runs a PostgreSQL program; as root it runs as the postgres system user, since initdb and postgres refuse root.
pg_run() {
  if as_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Makes DIR usable by the user that runs PostgreSQL (postgres when we are root).
pg_own() {
  mkdir -p "$1"
  if as_root; then chown postgres "$1" && chmod 700 "$1"; fi
}

# True when the user that runs PostgreSQL can reach and write DIR (a checkout under /root is not reachable for postgres).
pg_can_use() {
  if as_root; then runuser -u postgres -- test -w "$1"; else test -w "$1"; fi
}

# http_ok PORT PATH: true when http://127.0.0.1:PORT/PATH answers 200 (plain bash, no curl needed).
http_ok() {
  local port=$1 path=$2 line
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
  IFS= read -r line <&3 || line=""
  exec 3<&- 3>&-
  case "$line" in *" 200 "*) return 0 ;; *) return 1 ;; esac
}
