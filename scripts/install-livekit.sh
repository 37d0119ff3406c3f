#!/usr/bin/env bash
# Installs the real LiveKit server into .tools/bin/livekit-server: integration tests and local dev need one.
set -euo pipefail

VERSION="${LIVEKIT_VERSION:-1.13.5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.tools/bin"
TARGET="$BIN_DIR/livekit-server"

# `livekit-server --version` prints "livekit-server version 1.13.5".
installed_version() {
  [ -x "$1" ] || return 1
  "$1" --version 2>/dev/null | awk '{print $NF}'
}

if [ "$(installed_version "$TARGET" || true)" = "$VERSION" ]; then
  echo "livekit-server $VERSION already installed at $TARGET"
  exit 0
fi

mkdir -p "$BIN_DIR"

# A previous `go install` (e.g. run by hand) may already have left the right `server` binary.
if [ "$(installed_version "$BIN_DIR/server" || true)" != "$VERSION" ]; then
  if ! command -v go >/dev/null 2>&1; then
    cat >&2 <<MSG
error: Go is not installed, and it is needed to build livekit-server $VERSION.
  Debian/Ubuntu: apt-get install golang-go (needs Go >= 1.26; otherwise use the tarball)
  Any Linux:     download go1.26+ from https://go.dev/dl/ and put its bin/ on PATH
Alternatively set LIVEKIT_BINARY to an existing livekit-server $VERSION binary.
MSG
    exit 1
  fi
  echo "building livekit-server $VERSION with $(go version) (takes a few minutes the first time)"
  # CGO is not needed; GOBIN keeps the binary inside the repo.
  CGO_ENABLED=0 GOBIN="$BIN_DIR" go install "github.com/livekit/livekit-server/cmd/server@v$VERSION"
fi

# The Go package builds a binary called `server`; the name everybody expects is livekit-server.
ln -sfn server "$TARGET"

got="$(installed_version "$TARGET" || true)"
if [ "$got" != "$VERSION" ]; then
  echo "error: $TARGET reports version '${got:-none}', expected $VERSION" >&2
  exit 1
fi
echo "livekit-server $VERSION installed at $TARGET"
