import type { AfterHoursRequest, MailHost, ReadItem } from '../../addin/mail-host';
import type { IncidentType, Priority } from '../../shared/domain/ticket';

/** A MailHost that records what the task pane asked Outlook to do. */
export class FakeMailHost implements MailHost {
  tags: string[] = [];
  forwards: { supportAddress: string; subject: string; htmlBody: string }[] = [];
  reports: { supportAddress: string; priority: Priority; incidentType: IncidentType }[] = [];
  afterHours: { supportAddress: string; window: AfterHoursRequest }[] = [];

  constructor(
    private readonly options: {
      mode: 'read' | 'compose';
      language: string;
      user: { name: string; email: string };
      item?: ReadItem;
      mailbox18?: boolean;
    },
  ) {}

  displayLanguage = () => this.options.language;
  user = () => this.options.user;
  mode = () => this.options.mode;
  canSetHeaders = () => this.options.mailbox18 ?? true;

  async readItem(): Promise<ReadItem> {
    if (!this.options.item) throw new Error('no item in compose mode');
    return this.options.item;
  }
  async tagWithTicket(ticketNumber: string): Promise<void> {
    this.tags.push(ticketNumber);
  }
  async openForwardToSupport(input: { supportAddress: string; subject: string; htmlBody: string }): Promise<void> {
    this.forwards.push(input);
  }
  async reportToSupport(input: { supportAddress: string; priority: Priority; incidentType: IncidentType }): Promise<void> {
    this.reports.push(input);
  }
  async requestAfterHours(input: { supportAddress: string; window: AfterHoursRequest }): Promise<void> {
    this.afterHours.push(input);
  }
}

export const ANA_EMAIL: ReadItem = {
  subject: 'Las facturas no se timbran',
  bodyText: 'Desde esta mañana el timbrado falla con error 301.',
  attachmentNames: ['error.png'],
  internetMessageId: '<pane-1@mail.acme.example>',
  conversationId: 'pane-thread-1',
  sender: { name: 'Ana', email: 'ana@acme.example' },
  recipients: ['bob@acme.example'],
};
