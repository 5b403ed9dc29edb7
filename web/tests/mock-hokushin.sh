#!/usr/bin/env bash
# Runs the mock server as if it were `hokushin serve` (for served.test.mjs).
exec node "$(dirname "$0")/mock-server.mjs" "$@"
