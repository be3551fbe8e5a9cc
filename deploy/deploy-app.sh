#!/usr/bin/env bash
# Builds Soporte (npm ci, npm run build), stages the production folder, zips it as build/releases/<version>-<UTC time>.zip
# and deploys it to the web app; then waits for /healthz. Rolling back = deploying an earlier zip:
#   deploy/deploy-app.sh <resource-group> <web-app-name>                  build and deploy the checkout
#   deploy/deploy-app.sh <resource-group> <web-app-name> <release.zip>    deploy that release again (rollback)
set -euo pipefail
cd "$(dirname "$0")/.."
rg=${1:?resource group}; app=${2:?web app name (resourceBaseName)}; zip=${3:-}

if [ -z "$zip" ]; then
  npm ci --no-audit --no-fund
  npm run build
  node deploy/stage-app.js build/app
  mkdir -p build/releases
  zip="build/releases/$(node -p "require('./package.json').version")-$(date -u +%Y%m%dT%H%M%SZ).zip"
  (cd build/app && zip -qr "../../$zip" .)
  echo "release: $zip"
fi
az webapp deploy --resource-group "$rg" --name "$app" --src-path "$zip" --type zip --output none
echo "deployed $zip to $app"
url="https://$(az webapp show --resource-group "$rg" --name "$app" --query defaultHostName --output tsv)"
for i in $(seq 1 60); do
  if body=$(curl -fsS "$url/healthz" 2>/dev/null); then echo "$url/healthz: $body"; exit 0; fi
  sleep 5
done
echo "$url/healthz did not answer within 5 minutes: az webapp log tail --resource-group $rg --name $app" >&2
exit 1
