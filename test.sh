#!/usr/bin/env bash
# Set up (first time) and run every test, then build the bundle and smoke-test what was built
# (scripts/package.sh, about 1.5 minutes). With arguments, only pytest runs, with those arguments.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh dev
if [ $# -gt 0 ]; then
  exec .venv/bin/python -m pytest -q "$@"
fi
.venv/bin/python -m pytest -q
echo "打包并测试打包后的程序（scripts/package.sh）…"
exec bash scripts/package.sh
