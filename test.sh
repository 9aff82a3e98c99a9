#!/usr/bin/env bash
# Set up (first time) and run every test; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh dev
exec .venv/bin/python -m pytest -q "$@"
