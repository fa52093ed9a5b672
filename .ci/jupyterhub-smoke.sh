#!/usr/bin/env bash
# JupyterHub smoke test (issue 15, part 4): a hub on loopback with two temporary local users and the
# system-wide `retarget-lab` kernelspec; each user's single-user server is started through the hub's
# REST API, notebook 00 runs as both users at the same time through the hub's kernel API, and each
# user's cache must live in their own home. Everything it starts or creates is undone on exit.
# Needs root (useradd, spawning as other users) and Debian's apt. Driver: .ci/jupyterhub_smoke.py.
#
# Settings (environment variables):
#   INSTALL_MODE    how the package is installed:
#                     checkout  this checkout as it is (the default today), kernelspec from
#                               `node bin/retarget-lab.js kernel install --prefix $KERNEL_PREFIX`
#                     tarball   `npm pack` of this checkout, installed into a fresh folder with
#                               `npm install ./retarget-lab-*.tgz`, then `npx retarget-lab kernel
#                               install --prefix $KERNEL_PREFIX`; the install is made read-only
#   KERNEL_PREFIX   where the kernelspec goes (default /usr/local: Jupyter's system-wide path). Any
#                   other prefix is handed to the servers through JUPYTER_PATH. A kernelspec already
#                   there is put back afterwards.
#   NOTEBOOK_PLACE  home      notebook 00 is uploaded into each user's home through the contents
#                             API (a course hand-out) and runs there (default)
#                   checkout  each server's root is the install's notebooks/ folder (for a kernel
#                             that still needs the notebook inside the checkout)
#   CACHE_CHECK     report    print where each user's cache went (default)
#                   strict    fail unless each user's cache is in their own home
#                             (~/.cache/retarget-lab) and nothing was written into the install
#   SMOKE_TIMEOUT   seconds for the whole run of both notebooks (default 300)
#   SKIP_APT=1      do not run apt-get (jupyterhub already installed)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DEBIAN_FRONTEND=noninteractive

INSTALL_MODE=${INSTALL_MODE:-checkout}
KERNEL_PREFIX=${KERNEL_PREFIX:-/usr/local}
NOTEBOOK_PLACE=${NOTEBOOK_PLACE:-home}
CACHE_CHECK=${CACHE_CHECK:-report}
SMOKE_TIMEOUT=${SMOKE_TIMEOUT:-300}
NOTEBOOK=notebooks/00-welcome.ipynb

say() { echo "[jupyterhub-smoke $(date +%T)] $*"; }
die() { echo "[jupyterhub-smoke] FAILED: $*" >&2; exit 1; }
started=$(date +%s)

[ "$(id -u)" = 0 ] || die "run as root: the test creates local users and the hub spawns servers as them."
case $INSTALL_MODE in checkout|tarball) ;; *) die "INSTALL_MODE must be checkout or tarball, not '$INSTALL_MODE'." ;; esac
case $NOTEBOOK_PLACE in home|checkout) ;; *) die "NOTEBOOK_PLACE must be home or checkout, not '$NOTEBOOK_PLACE'." ;; esac
case $CACHE_CHECK in report|strict) ;; *) die "CACHE_CHECK must be report or strict, not '$CACHE_CHECK'." ;; esac

if [ -z "${SKIP_APT:-}" ]; then
  say "apt: jupyterhub (pulls in node-configurable-http-proxy and the classic notebook server)"
  apt-get install -y -qq --no-install-recommends jupyterhub >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends jupyterhub >/dev/null; }
fi
# Debian's Python, not whatever python3 comes first on PATH (pyenv, a venv): jupyterhub lives there.
PY=/usr/bin/python3
for cmd in /usr/bin/jupyterhub /usr/bin/jupyterhub-singleuser "$PY"; do
  [ -x "$cmd" ] || die "$cmd is missing; install Debian's jupyterhub package."
done
command -v configurable-http-proxy >/dev/null || die "configurable-http-proxy is missing; install node-configurable-http-proxy."
NODE=$(command -v node) || die "node is not on PATH."

# ---- everything below is undone by cleanup -------------------------------------------------------
WORK=$(mktemp -d /tmp/retarget-lab-hub.XXXXXX)
chmod 755 "$WORK"                       # the users' homes live below it
USERS=()
HUB_PID=
SPEC_DIR="$KERNEL_PREFIX/share/jupyter/kernels/retarget-lab"
SPEC_BACKUP=
SPEC_WRITTEN=
NEW_DIRS=()

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [ -n "$HUB_PID" ] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill -TERM "$HUB_PID"                # the hub stops the users' servers and its proxy
    for _ in $(seq 1 50); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$HUB_PID" 2>/dev/null # its process group (started with setsid)
  fi
  if [ -f "$WORK/proxy.pid" ]; then
    local proxy; proxy=$(cat "$WORK/proxy.pid")
    [ -n "$proxy" ] && kill -KILL "$proxy" 2>/dev/null
  fi
  for u in "${USERS[@]}"; do
    # processes of the temporary users (servers, kernels) that outlived the hub, by id
    for pid in $(ps -o pid= -u "$u" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
    userdel --remove "$u" >/dev/null 2>&1 || userdel "$u" >/dev/null 2>&1
    getent group "$u" >/dev/null && groupdel "$u" 2>/dev/null
  done
  if [ -n "$SPEC_WRITTEN" ]; then
    rm -rf "$SPEC_DIR"
    if [ -n "$SPEC_BACKUP" ]; then cp -a "$SPEC_BACKUP" "$SPEC_DIR"; fi
    for d in "${NEW_DIRS[@]}"; do rmdir "$d" 2>/dev/null; done   # folders the install created, deepest first
  fi
  rm -rf "$WORK"                          # root removes the read-only install without chmod
  say "cleaned up (users, processes, kernelspec, temp folder); total $(( $(date +%s) - started )) s"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the install (the one switch between a checkout and the packed tarball) -----------------------
case $INSTALL_MODE in
  checkout)
    say "install: this checkout ($ROOT)"
    INSTALL=$ROOT
    # What `npm install` leaves behind (its postinstall step): the users cannot write the checkout,
    # so it must be ready before their kernels start.
    npm run --silent --if-present postinstall
    LAB=("$NODE" "$INSTALL/bin/retarget-lab.js")
    ;;
  tarball)
    say "install: npm pack + npm install into $WORK/install"
    mkdir -p "$WORK/pack" "$WORK/install"
    npm pack --silent --pack-destination "$WORK/pack" >/dev/null
    tgz=$(ls "$WORK"/pack/retarget-lab-*.tgz)
    (cd "$WORK/install" && npm init -y >/dev/null && npm install --no-audit --no-fund "$tgz" >/dev/null)
    INSTALL=$WORK/install/node_modules/retarget-lab
    LAB=("$WORK/install/node_modules/.bin/retarget-lab")   # as `npx retarget-lab` runs it
    ;;
esac
for d in "$INSTALL" "$INSTALL/$NOTEBOOK"; do [ -e "$d" ] || die "$d is missing from the install."; done

if [ -e "$SPEC_DIR" ]; then SPEC_BACKUP=$WORK/kernelspec-backup; cp -a "$SPEC_DIR" "$SPEC_BACKUP"; fi
say "kernelspec: ${LAB[*]##*/} kernel install --prefix $KERNEL_PREFIX"
for d in "$KERNEL_PREFIX/share/jupyter/kernels" "$KERNEL_PREFIX/share/jupyter" "$KERNEL_PREFIX/share" "$KERNEL_PREFIX"; do
  [ -e "$d" ] || NEW_DIRS+=("$d")
done
SPEC_WRITTEN=1
"${LAB[@]}" kernel install --prefix "$KERNEL_PREFIX" >/dev/null
chmod -R a+rX "$SPEC_DIR"
if [ "$INSTALL_MODE" = tarball ]; then chmod -R a-w "$WORK/install"; fi

# ---- two local users with temporary homes -------------------------------------------------------
tag=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
mkdir "$WORK/home"; chmod 755 "$WORK/home"
for n in 1 2; do
  u="rlhub${n}x$tag"
  useradd --create-home --home-dir "$WORK/home/$u" --shell /bin/bash --user-group "$u"
  USERS+=("$u")
done
say "users: ${USERS[*]} (homes under $WORK/home)"
for u in "${USERS[@]}"; do
  setpriv --reuid "$u" --regid "$u" --init-groups test -r "$INSTALL/package.json" -a -r "$INSTALL/$NOTEBOOK" \
    || die "user $u cannot read the install at $INSTALL; put it where every user can read it (not under /root)."
done

# ---- the hub ------------------------------------------------------------------------------------
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port); HUB_PORT=$(free_port); API_PORT=$(free_port)
TOKEN=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
case $NOTEBOOK_PLACE in
  home) NB_DIR=; NB_PATH="Course notebooks/${NOTEBOOK##*/}" ;;  # a folder with a space, like a hand-out
  checkout) NB_DIR=$INSTALL/notebooks; NB_PATH=${NOTEBOOK##*/} ;;
esac
case $KERNEL_PREFIX in /usr/local|/usr) JPATH= ;; *) JPATH=$KERNEL_PREFIX/share/jupyter ;; esac

cat > "$WORK/jupyterhub_config.py" <<EOF
c = get_config()  # noqa
c.JupyterHub.bind_url = 'http://127.0.0.1:$PORT'
c.JupyterHub.hub_ip = '127.0.0.1'
c.JupyterHub.hub_port = $HUB_PORT
c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:$API_PORT'
c.ConfigurableHTTPProxy.pid_file = '$WORK/proxy.pid'
c.JupyterHub.db_url = 'sqlite:///$WORK/jupyterhub.sqlite'
c.JupyterHub.cookie_secret_file = '$WORK/jupyterhub_cookie_secret'
c.JupyterHub.pid_file = '$WORK/jupyterhub.pid'
# No PAM: the test never logs in through a form; it acts with the service's admin token.
c.JupyterHub.authenticator_class = 'jupyterhub.auth.DummyAuthenticator'
c.Authenticator.allowed_users = {$(printf "'%s', " "${USERS[@]}")}
c.JupyterHub.spawner_class = 'jupyterhub.spawner.LocalProcessSpawner'
c.Spawner.cmd = ['/usr/bin/jupyterhub-singleuser']
$( [ -n "$NB_DIR" ] && echo "c.Spawner.notebook_dir = '$NB_DIR'")
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {'PATH': '$(dirname "$NODE"):/usr/local/bin:/usr/bin:/bin'$( [ -n "$JPATH" ] && printf ", 'JUPYTER_PATH': '%s'" "$JPATH")}
c.JupyterHub.services = [{'name': 'retarget-lab-smoke', 'api_token': '$TOKEN'}]
c.JupyterHub.load_roles = [{
    'name': 'retarget-lab-smoke',
    'scopes': ['admin:users', 'admin:servers', 'access:servers', 'read:hub'],
    'services': ['retarget-lab-smoke'],
}]
EOF

say "hub: http://127.0.0.1:$PORT (hub API on $HUB_PORT, proxy API on $API_PORT); log $WORK/jupyterhub.log"
# NODE_PATH: Debian's proxy finds its modules in /usr/share/nodejs only under Debian's own nodejs;
# a Node from elsewhere (NodeSource, nvm) needs the path. The users' servers do not inherit it.
(cd "$WORK" && exec setsid env PATH="/usr/local/bin:/usr/bin:/bin" NODE_PATH=/usr/share/nodejs /usr/bin/jupyterhub -f "$WORK/jupyterhub_config.py" >"$WORK/jupyterhub.log" 2>&1) &
HUB_PID=$!

driver_rc=0
timeout --kill-after=10 "$SMOKE_TIMEOUT" "$PY" .ci/jupyterhub_smoke.py \
  --hub "http://127.0.0.1:$PORT" --hub-pid "$HUB_PID" --token "$TOKEN" --notebook "$INSTALL/$NOTEBOOK" \
  --notebook-path "$NB_PATH" --upload "$([ "$NOTEBOOK_PLACE" = home ] && echo yes || echo no)" \
  --install "$INSTALL" --work "$WORK" --cache-check "$CACHE_CHECK" "${USERS[@]}" || driver_rc=$?
if [ "$driver_rc" != 0 ]; then
  echo "---- last lines of the hub's log ($WORK/jupyterhub.log)"; tail -n 40 "$WORK/jupyterhub.log"
  die "the driver exited with status $driver_rc (see above)."
fi
say "PASSED in $(( $(date +%s) - started )) s (before cleanup)"
