#!/usr/bin/env bash
# Builds the Linux packages of 绩效自评填报 from a clean clone, then smoke-tests what it built:
#   dist/绩效自评填报/                          the onedir folder: the window program and jxzp
#   dist/jxzp-<version>-linux-<arch>.tar.gz     the folder, to unpack anywhere (no root needed)
#   dist/<appid>_<version>_<arch>.deb           UOS/Kylin layout under /opt/apps/<appid>/
# Usage: bash scripts/package.sh [--try-install]
#   --try-install (as root): also dpkg -i the .deb, run the installed jxzp, dpkg -r it and check
#   that nothing is left under /opt/apps/<appid>.
# Build on the oldest system you target, on its architecture (PyInstaller does not cross-compile;
# the bundle needs the glibc of the build machine or newer — package.sh prints which).
set -euo pipefail
cd "$(dirname "$0")/.."
try_install=0
[ "${1:-}" = "--try-install" ] && try_install=1

scripts/bootstrap.sh build
python=.venv/bin/python
export PYTHONDONTWRITEBYTECODE=  # byte-compiled modules go into the bundle either way; keep .venv fast
name=$($python -c 'from tools.bundle_plan import BUNDLE_NAME; print(BUNDLE_NAME)')

echo "== PyInstaller"
rm -rf build "dist/$name"
started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec 2>&1 \
  | grep -v -e 'Hidden import .* not found' -e 'Library not found: could not resolve' || true
[ -x "dist/$name/jxzp" ] || { echo "错误：PyInstaller 没有生成 dist/$name/jxzp" >&2; exit 1; }
echo "built in $(( $(date +%s) - started )) s"

echo "== archives"
$python tools/make_packages.py "dist/$name" dist

echo "== smoke test"
$python tools/smoke_bundle.py "dist/$name"

if [ "$try_install" = 1 ]; then
  echo "== dpkg -i / dpkg -r"
  appid=$($python -c 'from model.version import APP_ID; print(APP_ID)')
  deb=$(ls dist/"${appid}"_*.deb | head -1)
  dpkg -i "$deb"
  "/opt/apps/$appid/files/jxzp" --version
  "/opt/apps/$appid/files/jxzp" check --json resources/examples/tianyuan-2024.jxzp >/dev/null
  dpkg -r "$appid"
  if [ -e "/opt/apps/$appid" ]; then echo "错误：卸载后 /opt/apps/$appid 仍然存在" >&2; exit 1; fi
  echo "installed, ran and removed cleanly"
fi
echo "done: $(ls dist | tr '\n' ' ')"
