#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for this project: system packages (when run as root or
# with sudo), a Python 3.11+ virtual environment in .venv, and the pinned Python packages.
# Usage: scripts/bootstrap.sh runtime|dev|build|render   (idempotent: a second run takes about a second)
#   build: also PyInstaller (requirements-build.txt) and binutils (strip, readelf, objdump) for package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-runtime}"

# Qt offscreen/X11 libraries, CJK TrueType fonts (embeddable in PDF: AR PL UMing, a serif 明体 for the
# body text as 仿宋/宋体 are serif, and WenQuanYi Micro Hei, a sans-serif 黑体 stand-in for headers),
# poppler (pdffonts/pdftoppm for the PDF tests and the render tool).
apt_packages=(python3 python3-venv python3-pip
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 fonts-arphic-uming fonts-wqy-microhei poppler-utils)
if [ "$mode" = "render" ]; then  # LibreOffice only for tools/render.py (290 MB)
  apt_packages+=(libreoffice-writer-nogui libreoffice-calc-nogui)
fi
# build: strip/readelf/objdump, dpkg-deb; libwayland-cursor0 because PyInstaller leaves Wayland's
# libraries to the target system (as it does GL) and package.sh checks that every shipped library
# resolves; xvfb so that the smoke test also runs the bundle on an X server (Qt's xcb plugin).
if [ "$mode" = "build" ]; then
  apt_packages+=(binutils dpkg libwayland-cursor0 xvfb xauth)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" = none ]; then
    echo "提示：缺少系统软件包 ${missing[*]}，且没有管理员权限，请联系管理员安装。" >&2
  else
    echo "安装系统软件包：${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python=""
for candidate in python3.11 python3.12 python3.13 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then echo "错误：需要 Python 3.11 或更新版本。" >&2; exit 1; fi

requirements="requirements.txt"
[ "$mode" = "dev" ] && requirements="requirements-dev.txt"
[ "$mode" = "build" ] && requirements="requirements-build.txt"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$(cat requirements.txt "$requirements" | sha1sum | cut -c1-12)-$mode"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi
