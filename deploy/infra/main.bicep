// Soporte on Azure: one user-assigned managed identity (the service: Teams bot + Graph worker), a Linux App
// Service on Node 22, the Azure Bot (UserAssignedMSI) with its Teams channel, Key Vault for the one secret,
// Application Insights, and an Azure Files share mounted as DATA_DIR.
// Shape follows the Microsoft 365 Agents Toolkit templates (infra/azure.bicep + azure.parameters.json).
// Deployed by `atk provision` (m365agents.yml, arm/deploy) or by deploy/provision.sh (az deployment group create).
// Every app setting below is a setting bot/config.ts knows: test/deploy/infra-settings.test.ts checks it.

@maxLength(20)
@minLength(4)
@description('Prefix of every resource name; the web app answers on https://<resourceBaseName>.azurewebsites.net.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU: B1 for a trial, P0v3 or above for production (alwaysOn needs Basic or above).')
param webAppSku string = 'B1'

@description('Instances of the web app. Above 1 needs STORE=sharepoint (SQLite on a network share is for one instance).')
@minValue(1)
param instanceCount int = 1

param botDisplayName string = 'Soporte'

@description('The add-in API app registration (deploy/register-addin-api.sh or aadApp/create): delegated access_as_user only.')
param addinApiClientId string

@description('The partner\'s Entra tenant: staff sign in from it; the service identity lives in it.')
param providerTenantId string = tenant().tenantId

@description('The support mailbox (in the Exchange management scope of deploy/grant-exchange-rbac.ps1).')
param supportMailbox string

@description('Consultants\' mailboxes whose flagged mail becomes tickets (comma-separated; may be empty).')
param consultantMailboxes string = ''

@allowed(['sqlite', 'sharepoint'])
param store string = 'sqlite'

@description('STORE=sharepoint: https://<tenant>.sharepoint.com/sites/<name> (the one site granted by deploy/grant-sites-selected.sh).')
param sharePointSite string = ''

@description('Shown on /legal/privacy, /legal/terms and /legal/support.')
param partnerName string
param partnerEmail string
param partnerWebsite string

@secure()
@minLength(16)
@description('clientState of the Graph change-notification subscription; kept in Key Vault.')
param graphNotificationClientState string

var hostName = '${resourceBaseName}.azurewebsites.net'
var dataMountPath = '/mnt/soporte-data'
var shareName = 'soporte-data'
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

// ---- the service identity: the bot's Microsoft App ID and the Graph caller ----------------------------------
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

// ---- monitoring ---------------------------------------------------------------------------------------------
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id }
}

// ---- secrets: Key Vault (RBAC), read by the service identity through Key Vault references ------------------
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${resourceBaseName}-kv'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: 90
  }
}

resource clientStateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'graph-notification-client-state'
  properties: { value: graphNotificationClientState }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- DATA_DIR: an Azure Files share (attachments, original MIME, SQLite for one instance) ------------------
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: toLower(take(replace('${resourceBaseName}data', '-', ''), 24))
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: { minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true, allowBlobPublicAccess: false }
}

resource files 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: files
  name: shareName
  properties: { shareQuota: 100 }
}

// ---- the web app: Linux, Node 22, https only, always on, health check -------------------------------------
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku, capacity: instanceCount }
  properties: { reserved: true }
}

var baseSettings = [
  { name: 'NODE_ENV', value: 'production' }
  { name: 'HOST', value: '0.0.0.0' }
  { name: 'PORT', value: '8080' }
  { name: 'DATA_DIR', value: dataMountPath }
  { name: 'STORE', value: store }
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identity.properties.clientId }
  { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
  { name: 'GRAPH_AUTH', value: 'managed-identity' }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'MAIL_MODE', value: 'graph' }
  { name: 'MAIL_SUPPORT_ADDRESS', value: supportMailbox }
  { name: 'GRAPH_CONSULTANT_MAILBOXES', value: consultantMailboxes }
  { name: 'GRAPH_NOTIFICATION_CLIENT_STATE', value: '@Microsoft.KeyVault(SecretUri=${clientStateSecret.properties.secretUri})' }
  { name: 'AUTH_MODE', value: 'entra' }
  { name: 'ENTRA_CLIENT_ID', value: addinApiClientId }
  { name: 'ENTRA_APP_ID_URI', value: 'api://${hostName}/${addinApiClientId}' }
  { name: 'PROVIDER_TENANT_ID', value: providerTenantId }
  { name: 'ADDIN_DIR', value: './dist/addin' }
  { name: 'PARTNER_NAME', value: partnerName }
  { name: 'PARTNER_EMAIL', value: partnerEmail }
  { name: 'PARTNER_WEBSITE', value: partnerWebsite }
  // Read by the platform, not by Soporte (bot/config.ts lists them as PLATFORM_SETTINGS).
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
  { name: 'WEBSITES_PORT', value: '8080' }
]
var sharePointSettings = store == 'sharepoint' ? [
  { name: 'SHAREPOINT_SITE', value: sharePointSite }
] : []

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/bot/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(baseSettings, sharePointSettings)
    }
  }
  dependsOn: [identityReadsSecrets]
}

resource dataMount 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'azurestorageaccounts'
  properties: {
    data: {
      type: 'AzureFiles'
      accountName: storage.name
      shareName: share.name
      mountPath: dataMountPath
      accessKey: storage.listKeys().keys[0].value
    }
  }
}

// ---- the Azure Bot: the service identity, messaging endpoint, Teams channel --------------------------------
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// ---- outputs: written to env/.env.<env> by arm/deploy (upper case), read by the next steps -----------------
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = hostName
output PUBLIC_URL string = 'https://${hostName}'
output WEB_APP_RESOURCE_ID string = web.id
output SERVICE_PRINCIPAL_ID string = identity.properties.principalId
output KEY_VAULT_NAME string = vault.name
