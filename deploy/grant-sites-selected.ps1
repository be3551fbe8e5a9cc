<#
.SYNOPSIS
  Gives the service identity (the user-assigned managed identity, or a single-tenant app) Microsoft Graph's
  Sites.Selected application permission, then a role on ONE SharePoint site - nothing on any other site.
  Idempotent: an existing assignment or site permission is kept (its role updated when different); prints
  what it did. Needed only with STORE=sharepoint.
.EXAMPLE
  ./deploy/grant-sites-selected.ps1 -ServiceClientId <BOT_ID> -SiteUrl https://contoso.sharepoint.com/sites/soporte -Role manage
  # after `soporte provision` created the lists, lower it to what the store needs day to day:
  ./deploy/grant-sites-selected.ps1 -ServiceClientId <BOT_ID> -SiteUrl https://contoso.sharepoint.com/sites/soporte -Role write
#>
param(
  [Parameter(Mandatory)][string]$ServiceClientId,
  [Parameter(Mandatory)][string]$SiteUrl,
  [ValidateSet('read', 'write', 'manage', 'fullcontrol')][string]$Role = 'write'
)
$ErrorActionPreference = 'Stop'
$GraphAppId = '00000003-0000-0000-c000-000000000000'
$SitesSelected = '883ea226-0bf2-4a8f-9f9d-92c9162a727d'
Import-Module Microsoft.Graph.Applications, Microsoft.Graph.Sites
Connect-MgGraph -Scopes 'AppRoleAssignment.ReadWrite.All', 'Application.Read.All', 'Sites.FullControl.All' -NoWelcome | Out-Null

$sp = Get-MgServicePrincipal -Filter "appId eq '$ServiceClientId'"
if (-not $sp) { throw "no service principal with client id $ServiceClientId in this tenant" }
$graph = Get-MgServicePrincipal -Filter "appId eq '$GraphAppId'"
$assigned = Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id | Where-Object { $_.ResourceId -eq $graph.Id -and $_.AppRoleId -eq $SitesSelected }
if ($assigned) {
  Write-Host "Sites.Selected: already granted to $($sp.DisplayName)"
} else {
  New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -PrincipalId $sp.Id -ResourceId $graph.Id -AppRoleId $SitesSelected | Out-Null
  Write-Host "Sites.Selected: granted to $($sp.DisplayName) (application permission; no site yet)"
}

$uri = [uri]$SiteUrl
$site = Invoke-MgGraphRequest -Method GET -Uri "https://graph.microsoft.com/v1.0/sites/$($uri.Host):$($uri.AbsolutePath.TrimEnd('/'))?`$select=id,webUrl"
$permissions = (Invoke-MgGraphRequest -Method GET -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions").value
$mine = $permissions | Where-Object { ($_.grantedToIdentitiesV2 + $_.grantedToIdentities).application.id -contains $ServiceClientId } | Select-Object -First 1
if (-not $mine) {
  $body = @{ roles = @($Role); grantedToIdentities = @(@{ application = @{ id = $ServiceClientId; displayName = $sp.DisplayName } }) }
  Invoke-MgGraphRequest -Method POST -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions" -Body ($body | ConvertTo-Json -Depth 5) | Out-Null
  Write-Host "site $($site.webUrl): granted '$Role' to $($sp.DisplayName)"
} elseif (@($mine.roles) -join ',' -ne $Role) {
  Invoke-MgGraphRequest -Method PATCH -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions/$($mine.id)" -Body (@{ roles = @($Role) } | ConvertTo-Json) | Out-Null
  Write-Host "site $($site.webUrl): role changed from '$(@($mine.roles) -join ',')' to '$Role' for $($sp.DisplayName)"
} else {
  Write-Host "site $($site.webUrl): '$Role' already granted to $($sp.DisplayName)"
}
Write-Host "SHAREPOINT_SITE=$($site.webUrl)"
