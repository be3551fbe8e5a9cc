<#
.SYNOPSIS
  Scopes the service identity's mail access with Exchange Online RBAC for Applications: Mail.ReadWrite on the
  support mailbox and the listed consultants' mailboxes, Mail.Send on the support mailbox only. No Mail.*
  permission is granted in Entra ID (the script refuses to go on if one is). Idempotent: scopes and
  assignments are created or updated to match; prints what it did, then tests the authorization.
.EXAMPLE
  ./deploy/grant-exchange-rbac.ps1 -ServiceClientId <BOT_ID> -SupportMailbox soporte@contoso.com -ConsultantMailboxes ana@contoso.com,luis@contoso.com
#>
param(
  [Parameter(Mandatory)][string]$ServiceClientId,
  [Parameter(Mandatory)][string]$SupportMailbox,
  [string[]]$ConsultantMailboxes = @(),
  [string]$Name = 'Soporte'
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.Graph.Applications, ExchangeOnlineManagement
Connect-MgGraph -Scopes 'Application.Read.All' -NoWelcome | Out-Null
$sp = Get-MgServicePrincipal -Filter "appId eq '$ServiceClientId'"
if (-not $sp) { throw "no service principal with client id $ServiceClientId in this tenant" }

# Refuse an unscoped tenant-wide grant: Exchange RBAC adds to Entra grants, it does not narrow them.
$graph = Get-MgServicePrincipal -Filter "appId eq '00000003-0000-0000-c000-000000000000'"
$mailRoles = $graph.AppRoles | Where-Object { $_.Value -like 'Mail.*' -or $_.Value -like 'MailboxSettings.*' }
$unscoped = Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id | Where-Object { $_.ResourceId -eq $graph.Id -and $mailRoles.Id -contains $_.AppRoleId }
if ($unscoped) {
  $names = ($mailRoles | Where-Object { $unscoped.AppRoleId -contains $_.Id }).Value -join ', '
  throw "$($sp.DisplayName) holds tenant-wide $names in Entra ID: remove those application permissions first (they would reach every mailbox)"
}

Connect-ExchangeOnline -ShowBanner:$false
if (-not (Get-ServicePrincipal -Identity $sp.Id -ErrorAction SilentlyContinue)) {
  New-ServicePrincipal -AppId $ServiceClientId -ObjectId $sp.Id -DisplayName $sp.DisplayName | Out-Null
  Write-Host "Exchange service principal: created for $($sp.DisplayName) ($ServiceClientId)"
} else {
  Write-Host "Exchange service principal: exists for $($sp.DisplayName)"
}

function Set-Scope([string]$scopeName, [string[]]$addresses) {
  $filter = ($addresses | ForEach-Object { "PrimarySmtpAddress -eq '$_'" }) -join ' -or '
  $scope = Get-ManagementScope -Identity $scopeName -ErrorAction SilentlyContinue
  if (-not $scope) {
    New-ManagementScope -Name $scopeName -RecipientRestrictionFilter $filter | Out-Null
    Write-Host "management scope '$scopeName': created ($filter)"
  } elseif ($scope.RecipientFilter -ne $filter) {
    Set-ManagementScope -Identity $scopeName -RecipientRestrictionFilter $filter
    Write-Host "management scope '$scopeName': filter updated ($filter)"
  } else {
    Write-Host "management scope '$scopeName': unchanged"
  }
}

function Set-Assignment([string]$role, [string]$scopeName) {
  $assignmentName = "$Name - $role"
  $existing = Get-ManagementRoleAssignment -Identity $assignmentName -ErrorAction SilentlyContinue
  if (-not $existing) {
    New-ManagementRoleAssignment -Name $assignmentName -App $sp.Id -Role $role -CustomResourceScope $scopeName | Out-Null
    Write-Host "role assignment '$assignmentName': '$role' on scope '$scopeName'"
  } elseif ($existing.CustomResourceScope -ne $scopeName) {
    Set-ManagementRoleAssignment -Identity $assignmentName -CustomResourceScope $scopeName
    Write-Host "role assignment '$assignmentName': scope changed to '$scopeName'"
  } else {
    Write-Host "role assignment '$assignmentName': unchanged"
  }
}

$readScope = "$Name mailboxes"
$sendScope = "$Name support mailbox"
Set-Scope $readScope (@($SupportMailbox) + $ConsultantMailboxes)
Set-Scope $sendScope @($SupportMailbox)
Set-Assignment 'Application Mail.ReadWrite' $readScope
Set-Assignment 'Application Mail.Send' $sendScope

Write-Host ''
Write-Host 'Test-ServicePrincipalAuthorization (changes can take up to 2 hours to apply; 30 minutes to 2 hours is usual):'
Test-ServicePrincipalAuthorization -Identity $sp.Id -Resource $SupportMailbox | Format-Table RoleName, InScope -AutoSize
