#!/bin/bash
# Runs a real-client test script with Debian's /usr/bin/python3, whose
# python3-boto3 ./dev installs (the python3 first on PATH may be another
# interpreter without it).  Usage: run_python.sh SCRIPT SECRETSTAGE_BINARY
set -euo pipefail
script="$1"
shift
export PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH="$(dirname "$script")"
exec /usr/bin/python3 "$script" "$@"
