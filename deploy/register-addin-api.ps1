<#
.SYNOPSIS
  Creates or updates the add-in API's own app registration: multitenant, exposing only the delegated scope
  access_as_user (for Nested App Authentication and the dialog fallback), no secret, no certificate, no
  application permission. Idempotent: finds the app by display name; prints what it created or changed.
  (atk provision does the same with aadApp/create + aadApp/update; use this script without the toolkit.)
.EXAMPLE
  ./deploy/register-addin-api.ps1 -PublicHost soporte-contoso.azurewebsites.net
#>
param(
  [Parameter(Mandatory)][string]$PublicHost,
  [string]$DisplayName = 'Soporte add-in API',
  # Stable id of the access_as_user scope (any GUID; reused when the app already has the scope).
  [string]$ScopeId = ''
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.Graph.Applications
Connect-MgGraph -Scopes 'Application.ReadWrite.All' -NoWelcome | Out-Null
$tenantId = (Get-MgContext).TenantId

$app = Get-MgApplication -Filter "displayName eq '$DisplayName'" | Select-Object -First 1
if (-not $app) {
  $app = New-MgApplication -DisplayName $DisplayName -SignInAudience 'AzureADMultipleOrgs'
  Write-Host "created app registration '$DisplayName' (client id $($app.AppId))"
} else {
  Write-Host "found app registration '$DisplayName' (client id $($app.AppId))"
}
$existing = $app.Api.Oauth2PermissionScopes | Where-Object Value -eq 'access_as_user' | Select-Object -First 1
if ($existing) { $ScopeId = $existing.Id } elseif (-not $ScopeId) { $ScopeId = [guid]::NewGuid().ToString() }

# The desired state comes from the same manifest the Agents Toolkit applies.
$manifest = Get-Content -Raw (Join-Path $PSScriptRoot 'aad.addin-api.manifest.json')
$manifest = $manifest.Replace('${{ENTRA_CLIENT_ID}}', $app.AppId).Replace('${{ENTRA_APP_OBJECT_ID}}', $app.Id).Replace('${{BOT_DOMAIN}}', $PublicHost).Replace('${{ENTRA_ACCESS_AS_USER_SCOPE_ID}}', $ScopeId)
$desired = $manifest | ConvertFrom-Json -AsHashtable
$desired.Remove('id'); $desired.Remove('appId')

# A scope must exist (enabled) before it can be pre-authorized: first the scope, then the rest.
$api = $desired.api
$preAuthorized = $api.preAuthorizedApplications
$api.Remove('preAuthorizedApplications')
Update-MgApplication -ApplicationId $app.Id -BodyParameter $desired
Update-MgApplication -ApplicationId $app.Id -BodyParameter @{ api = @{ preAuthorizedApplications = $preAuthorized } }
Write-Host "set: signInAudience AzureADMultipleOrgs; identifier api://$PublicHost/$($app.AppId); scope access_as_user ($ScopeId); $($preAuthorized.Count) Microsoft 365 hosts pre-authorized; SPA redirects brk-multihub://$PublicHost and https://$PublicHost/addin/auth-dialog.html; optional claim email; no required permissions, no app roles"

$credentials = @($app.PasswordCredentials) + @($app.KeyCredentials) | Where-Object { $_ }
if ($credentials.Count -gt 0) { Write-Warning "the app has $($credentials.Count) secret(s)/certificate(s): the add-in API needs none; remove them in the Entra admin center" }

if (-not (Get-MgServicePrincipal -Filter "appId eq '$($app.AppId)'")) {
  New-MgServicePrincipal -AppId $app.AppId | Out-Null
  Write-Host "created the service principal in the partner's tenant ($tenantId)"
}
Write-Host ''
Write-Host "ENTRA_CLIENT_ID=$($app.AppId)"
Write-Host "ENTRA_APP_ID_URI=api://$PublicHost/$($app.AppId)"
Write-Host "PROVIDER_TENANT_ID=$tenantId"
Write-Host 'Admin consent for each client tenant (its Global or Cloud Application Administrator opens it once):'
Write-Host "  https://login.microsoftonline.com/<client-tenant-id>/adminconsent?client_id=$($app.AppId)"
