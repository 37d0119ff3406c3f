#!/usr/bin/env bash
# Installs the real Mailpit SMTP server into .tools/bin/mailpit: the invitation tests and benchmark send real mail to it.
set -euo pipefail

VERSION="${MAILPIT_VERSION:-1.27.11}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# MAILPIT_BIN_DIR lets a worktree build somewhere else than the shared .tools/bin.
BIN_DIR="${MAILPIT_BIN_DIR:-$ROOT/.tools/bin}"
TARGET="$BIN_DIR/mailpit"

# A `go install` build reports "dev" in `mailpit version`; the module version is in the binary's build info.
installed_version() {
  [ -x "$1" ] && command -v go >/dev/null 2>&1 || return 1
  go version -m "$1" 2>/dev/null | awk '$1 == "mod" && $2 == "github.com/axllent/mailpit" { sub(/^v/, "", $3); print $3 }'
}

if [ "$(installed_version "$TARGET" || true)" = "$VERSION" ]; then
  echo "mailpit $VERSION already installed at $TARGET"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
error: Go is not installed, and it is needed to build mailpit $VERSION.
  Debian/Ubuntu: apt-get install golang-go (Go >= 1.24), or download Go from https://go.dev/dl/ and put its bin/ on PATH
Alternatively set MAILPIT_BINARY to an existing mailpit $VERSION binary.
MSG
  exit 1
fi

mkdir -p "$BIN_DIR"
echo "building mailpit $VERSION with $(go version) (takes a minute or two the first time)"
# CGO is not needed (pure-Go SQLite); GOBIN keeps the binary inside the repo.
CGO_ENABLED=0 GOBIN="$BIN_DIR" go install "github.com/axllent/mailpit@v$VERSION"

got="$(installed_version "$TARGET" || true)"
if [ "$got" != "$VERSION" ]; then
  echo "error: $TARGET reports version '${got:-none}', expected $VERSION" >&2
  exit 1
fi
echo "mailpit $VERSION installed at $TARGET"
