#!/usr/bin/env bash
# Installs dynalite, the DynamoDB oracle of the differential suite (io.clix.local.dynamodb.oracle),
# exactly as pinned by clix-local/src/test/node/package-lock.json. Run before `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/../clix-local/src/test/node"
npm ci --no-audit --no-fund
