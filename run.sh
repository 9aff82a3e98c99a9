#!/usr/bin/env bash
# Set up (first time) and start 绩效自评填报 with the example document, or with the file given.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh runtime
exec .venv/bin/python main.py "$@"
