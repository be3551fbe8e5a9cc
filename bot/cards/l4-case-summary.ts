import type { Client } from '../../shared/domain/requesters';
import type { Ticket } from '../../shared/domain/ticket';
import type { Priority } from '../../shared/domain/ticket';

/** Microsoft support severity: critical -> A, high -> B, anything else -> C. */
export type MicrosoftSeverity = 'A' | 'B' | 'C';

export function severityOf(priority: Priority): MicrosoftSeverity {
  if (priority === 'critical') return 'A';
  if (priority === 'high') return 'B';
  return 'C';
}

/** Product names we recognise in a ticket's text, in the order we test them. */
const PRODUCTS: Array<[RegExp, string]> = [
  [/exchange|outlook|mailbox|buz[oó]n/i, 'Exchange Online'],
  [/sharepoint|onedrive/i, 'SharePoint Online / OneDrive'],
  [/teams/i, 'Microsoft Teams'],
  [/entra|azure ad|aad|conditional access|mfa/i, 'Microsoft Entra ID'],
  [/intune/i, 'Microsoft Intune'],
  [/dynamics|dataverse|power apps|power automate/i, 'Dynamics 365 / Power Platform'],
  [/azure/i, 'Microsoft Azure'],
];

/** The facts a consultant copies into the Microsoft case, gathered from the ticket. */
export interface MicrosoftCaseSummary {
  product: string;
  tenant: string;
  businessImpact: string;
  reproSteps: string;
  attachments: string;
  severity: MicrosoftSeverity;
}

export function microsoftCaseSummary(
  ticket: Ticket,
  client: Pick<Client, 'name' | 'tenantId'>,
  labels: { impact: string; noAttachments: string; sourceEmail: string; files?: string | undefined },
): MicrosoftCaseSummary {
  const text = `${ticket.subject}\n${ticket.description}`;
  const product = PRODUCTS.find(([pattern]) => pattern.test(text))?.[1] ?? '';
  return {
    product,
    tenant: client.tenantId ? `${client.name} (${client.tenantId})` : client.name,
    businessImpact: labels.impact,
    reproSteps: ticket.description,
    attachments: labels.files ?? (ticket.sourceMessageId ? labels.sourceEmail : labels.noAttachments),
    severity: severityOf(ticket.priority),
  };
}
