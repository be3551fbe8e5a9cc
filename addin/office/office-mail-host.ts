/// <reference types="office-js" />
import { afterHoursHeaderValue, SUPPORT_HEADERS, type MailHost, type ReadItem } from '../mail-host';
import { officeCall } from './office-async';
import { HostRequirementError } from './host-requirement-error';
import { definedOnly } from '../../shared/domain/common';

const TICKET_PROPERTY = 'soporteTicket';

type ReadMessage = Office.MessageRead;
type ComposeMessage = Office.MessageCompose;

/** The MailHost over Office.js: the one module that talks to Outlook. */
export function createOfficeMailHost(office: typeof Office): MailHost {
  const mailbox = office.context.mailbox;
  const readMessage = () => mailbox.item as ReadMessage;
  const composeMessage = () => mailbox.item as ComposeMessage;

  async function addSupportRecipient(supportAddress: string): Promise<void> {
    const current = await officeCall<Office.EmailAddressDetails[]>('to.getAsync', (cb) => composeMessage().to.getAsync(cb));
    if (current.some((r) => r.emailAddress.toLowerCase() === supportAddress.toLowerCase())) return;
    await officeCall<void>('to.addAsync', (cb) => composeMessage().to.addAsync([supportAddress], cb));
  }

  return {
    displayLanguage: () => office.context.displayLanguage,
    user: () => ({ name: mailbox.userProfile.displayName, email: mailbox.userProfile.emailAddress.toLowerCase() }),
    // In read mode the subject is a string; in compose mode it is an object with getAsync.
    mode: () => (typeof (mailbox.item as { subject: unknown }).subject === 'string' ? 'read' : 'compose'),

    async readItem(): Promise<ReadItem> {
      const item = readMessage();
      const bodyText = await officeCall<string>('body.getAsync', (cb) => item.body.getAsync(office.CoercionType.Text, cb));
      const recipients = [...(item.to ?? []), ...(item.cc ?? [])].map((r) => r.emailAddress.toLowerCase());
      return {
        subject: item.subject,
        bodyText,
        attachmentNames: (item.attachments ?? [])
          .filter((a: Office.AttachmentDetails) => !a.isInline)
          .map((a: Office.AttachmentDetails) => a.name),
        internetMessageId: item.internetMessageId,
        ...definedOnly({
          conversationId: item.conversationId || undefined,
          sender: item.from ? { name: item.from.displayName, email: item.from.emailAddress.toLowerCase() } : undefined,
        }),
        recipients,
      };
    },

    async tagWithTicket(ticketNumber: string): Promise<void> {
      const props = await officeCall<Office.CustomProperties>('loadCustomPropertiesAsync', (cb) =>
        readMessage().loadCustomPropertiesAsync(cb),
      );
      props.set(TICKET_PROPERTY, ticketNumber);
      await officeCall<void>('customProperties.saveAsync', (cb) => props.saveAsync(cb));
    },

    async openForwardToSupport({ supportAddress, subject, htmlBody }): Promise<void> {
      // displayNewMessageForm with an attached item needs Mailbox 1.6; older hosts get a clear message instead.
      if (!office.context.requirements.isSetSupported('Mailbox', '1.6'))
        throw new HostRequirementError('Mailbox', '1.6', 'addin.error.forward-unsupported', { address: supportAddress });
      const item = readMessage();
      mailbox.displayNewMessageForm({
        toRecipients: [supportAddress],
        subject,
        htmlBody,
        attachments: [{ type: 'item', itemId: item.itemId, name: item.subject }],
      });
    },

    canSetHeaders: () => office.context.requirements.isSetSupported('Mailbox', '1.8'),

    async reportToSupport({ supportAddress, priority, incidentType }): Promise<void> {
      await addSupportRecipient(supportAddress);
      await officeCall<void>('internetHeaders.setAsync', (cb) =>
        composeMessage().internetHeaders.setAsync(
          { [SUPPORT_HEADERS.priority]: priority, [SUPPORT_HEADERS.type]: incidentType },
          cb,
        ),
      );
    },

    async requestAfterHours({ supportAddress, window }): Promise<void> {
      await addSupportRecipient(supportAddress);
      await officeCall<void>('internetHeaders.setAsync', (cb) =>
        composeMessage().internetHeaders.setAsync({ [SUPPORT_HEADERS.afterHours]: afterHoursHeaderValue(window) }, cb),
      );
    },
  };
}

/** Resolves once Office.js has loaded the host (Office.onReady). */
export async function officeReady(office: typeof Office): Promise<void> {
  await office.onReady();
}

/** The page's entry: waits for the Office.js the page loaded (the global `Office`) and wraps it. */
export async function connectToOutlook(): Promise<MailHost> {
  await officeReady(Office);
  return createOfficeMailHost(Office);
}
