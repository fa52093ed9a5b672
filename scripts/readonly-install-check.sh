#!/usr/bin/env bash
# Read-only, system-wide install check (issue 15, part 3). Copies the package (tracked files,
# node_modules and the declarations npm's postinstall builds; no caches) into a temporary folder,
# makes it read-only (chmod -R a-w), then, as an unprivileged user with a temporary HOME and
# XDG_CACHE_HOME, runs notebooks 04 and 08 through the kernel. Passes when both run cleanly, the
# caches they write (trained weights) land in $XDG_CACHE_HOME/retarget-lab, and the install is
# unchanged. As root (who ignores file modes) it runs them as user nobody through setpriv.
# Usage: scripts/readonly-install-check.sh   (Linux; about 2-4 minutes on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
install="$tmp/usr-lib/retarget-lab"
mkdir -p "$install" "$tmp/home" "$tmp/xdg" "$tmp/out"

echo "== install a copy into $install (sources, node_modules, declarations), then chmod -R a-w"
(cd "$root" && git ls-files -z | xargs -0 cp -p --parents -t "$install")
cp -a "$root/node_modules" "$install/"
if [ -d "$root/build/types" ]; then mkdir -p "$install/build" && cp -a "$root/build/types" "$install/build/"; fi
node "$install/kernel/prepare.cjs"   # what npm's postinstall does: the self-link and the declarations
chmod -R a-w "$install"
touch "$tmp/marker"; sleep 1; touch "$tmp/marker"

as_user=()
if [ "$(id -u)" = 0 ]; then
  chown -R 65534:65534 "$tmp/home" "$tmp/xdg" "$tmp/out"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi

echo "== run notebooks 04 and 08 from the read-only install as $([ ${#as_user[@]} -gt 0 ] && echo nobody || id -un)"
start=$(date +%s)
env -i PATH="$PATH" HOME="$tmp/home" XDG_CACHE_HOME="$tmp/xdg" LANG=C.UTF-8 "${as_user[@]}" \
  node "$install/bin/retarget-lab.js" run --jobs 2 --out "$tmp/out" \
  "$install/notebooks/04-mesa-optimizers.ipynb" "$install/notebooks/08-specialized-heuristics.ipynb"
echo "ran in $(( $(date +%s) - start )) s"

echo "== checks"
cache="$tmp/xdg/retarget-lab"
ls "$cache"/mesa/planner-*.json "$cache"/mesa/policy-*.json >/dev/null \
  || { echo "FAIL: no trained weights under \$XDG_CACHE_HOME/retarget-lab/mesa"; exit 1; }
[ -z "$(cd "$install" && find . -newer "$tmp/marker" -print -quit)" ] \
  || { echo "FAIL: the install changed"; exit 1; }
[ ! -e "$install/build/mesa" ] || { echo "FAIL: caches written into the install"; exit 1; }
[ -z "$(ls -A "$tmp/home")" ] || { echo "FAIL: files written to HOME outside the cache: $(ls -A "$tmp/home")"; exit 1; }
echo "per-user cache: $(cd "$cache" && find . -type f | sort | tr '\n' ' ')"
echo "== read-only install check passed"
