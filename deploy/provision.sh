#!/usr/bin/env bash
# Creates or updates Soporte's Azure resources with az CLI (the same main.bicep `atk provision` deploys):
# resource group, user-assigned managed identity, App Service (Linux, Node 22), Azure Bot (UserAssignedMSI)
# with the Teams channel, Key Vault, Application Insights, Azure Files share for DATA_DIR.
# Idempotent (an ARM deployment converges to the template); prints what it did and the outputs to note.
#   deploy/provision.sh <resource-group> <location> <parameters.json>
# The Graph notification clientState is generated once and kept in Key Vault (reused on later runs).
set -euo pipefail
cd "$(dirname "$0")/.."
rg=${1:?resource group}; location=${2:?location, e.g. westeurope}; params=${3:?parameters file, e.g. deploy/infra/main.parameters.example.json}

if [ "$(az group exists --name "$rg")" = "true" ]; then
  echo "resource group $rg: exists"
else
  az group create --name "$rg" --location "$location" --output none
  echo "resource group $rg: created in $location"
fi

base=$(node -e "console.log(require('./$params').parameters.resourceBaseName.value)")
state=$(az keyvault secret show --vault-name "${base}-kv" --name graph-notification-client-state --query value --output tsv 2>/dev/null || true)
if [ -z "$state" ]; then
  state=$(node -e "console.log(require('crypto').randomBytes(24).toString('base64url'))")
  echo "Graph notification clientState: generated (stored in Key Vault ${base}-kv by the deployment)"
else
  echo "Graph notification clientState: reused from Key Vault ${base}-kv"
fi

mkdir -p build
echo "deploying deploy/infra/main.bicep to $rg (a few minutes) ..."
az deployment group create --resource-group "$rg" --name "soporte-$(date -u +%Y%m%d%H%M%S)" \
  --template-file deploy/infra/main.bicep --parameters "@$params" --parameters graphNotificationClientState="$state" \
  --query properties.outputs --output json > build/provision-outputs.json
node -e "const o=require('./build/provision-outputs.json');for(const[k,v]of Object.entries(o))console.log(k+'='+v.value)"
rm -f build/provision-outputs.json
echo "done: note BOT_ID (the service identity's client id) and PUBLIC_URL; next: deploy/deploy-app.sh $rg $base"
