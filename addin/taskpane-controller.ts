import type { TicketView } from '../shared/contract/api-contract';
import { resolveLocale, type MessageKey } from '../shared/domain/i18n';
import type { SoporteApi } from './api/api-client';
import { ApiError } from './api/api-client';
import type { AppAction, AppState, ComposeAction, Flash } from './app-state';
import { describeError } from './describe-error';
import type { MailHost } from './mail-host';
import { definedOnly } from '../shared/domain/common';

export interface TaskPaneDeps {
  host: MailHost;
  api: SoporteApi;
  supportAddress: string;
  composeAction: ComposeAction;
  now: () => Date;
  /** Called with every new state (the DOM layer renders it). */
  onChange: (state: AppState) => void;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The task pane's behaviour: loads what the open email needs, runs the user's actions against the API
 * and Outlook, and publishes each new state. No DOM, no Office.js: both come in through ports.
 */
export class TaskPaneController {
  private state: AppState;

  constructor(private readonly deps: TaskPaneDeps) {
    this.state = {
      locale: resolveLocale(deps.host.displayLanguage()),
      now: deps.now().toISOString(),
      phase: 'loading',
      busy: false,
      mode: deps.host.mode(),
      supportAddress: deps.supportAddress,
      form: { priority: 'medium', incidentType: 'technical-regular', description: '' },
      composeAction: deps.composeAction,
      canSetHeaders: false,
    };
  }

  current(): AppState {
    return this.state;
  }

  async start(): Promise<void> {
    this.publish({});
    await this.guard(async () => {
      const me = await this.deps.api.me();
      if (this.state.mode === 'compose') {
        this.publish({ me, phase: 'ready', canSetHeaders: this.deps.host.canSetHeaders() });
        return;
      }
      const item = await this.deps.host.readItem();
      const [sender, ticket] = await Promise.all([
        item.sender ? this.deps.api.senderAuthorization(item.sender.email) : Promise.resolve(undefined),
        this.deps.api.lookupTicket(item.internetMessageId, item.conversationId),
      ]);
      this.publish({ me, item, sender, ticket, phase: 'ready' });
    }, 'failed');
  }

  async dispatch(action: AppAction): Promise<void> {
    if (this.state.busy) return;
    this.publish({ busy: true, flash: undefined });
    await this.guard(() => this.run(action));
    this.publish({ busy: false });
  }

  private async run(action: AppAction): Promise<void> {
    const { api, host } = this.deps;
    const ticket = this.state.ticket;
    switch (action.type) {
      case 'create-ticket':
        return this.createTicket(action.priority, action.incidentType, action.description);
      case 'refresh':
        if (ticket) this.publish({ ticket: await api.getTicket(ticket.id) });
        return;
      case 'confirm-resolution':
        return this.decide(ticket, (t) => api.confirmResolution(t, action.note || undefined), 'addin.resolution.confirmed');
      case 'reject-resolution':
        return this.decide(ticket, (t) => api.rejectResolution(t, action.reason || undefined), 'addin.resolution.rejected');
      case 'approve-extension':
        return this.decide(ticket, (t) => api.approveExtension(t, this.pendingRequestId(t)), 'addin.extension.approved');
      case 'refuse-extension':
        return this.decide(
          ticket,
          (t) => api.refuseExtension(t, this.pendingRequestId(t), action.reason || undefined),
          'addin.extension.refused',
        );
      case 'report-to-support':
        await host.reportToSupport({
          supportAddress: this.deps.supportAddress,
          priority: action.priority,
          incidentType: action.incidentType,
        });
        this.publish({
          form: { ...this.state.form, priority: action.priority, incidentType: action.incidentType },
          composeDone: { action: 'report', priority: action.priority, incidentType: action.incidentType },
        });
        return;
      case 'request-after-hours':
        return this.requestAfterHours(action.start, action.end);
    }
  }

  private async createTicket(
    priority: AppState['form']['priority'],
    incidentType: AppState['form']['incidentType'],
    description: string,
  ): Promise<void> {
    const item = this.state.item;
    if (!item) return;
    this.publish({ form: { priority, incidentType, description } });
    const me = this.state.me;
    const support = this.deps.supportAddress.toLowerCase();
    const supportHasIt = item.recipients.includes(support) || item.sender?.email === support;
    const { ticket, created } = await this.deps.api.createTicket(
      definedOnly({
        internetMessageId: item.internetMessageId,
        conversationId: item.conversationId,
        subject: item.subject,
        body: item.bodyText,
        attachmentNames: item.attachmentNames,
        priority,
        incidentType,
        description: description.trim() || undefined,
        requesterEmail: me?.kind === 'staff' ? item.sender?.email : undefined,
        supportHasEmail: supportHasIt,
      }),
    );
    this.publish({
      ticket,
      flash: { kind: 'info', key: created ? 'addin.created' : 'addin.created-existing', params: { number: ticket.number } },
    });
    // The email stays the official record: tag it, and make sure support receives it (until then the
    // ticket awaits the email).
    await this.deps.host.tagWithTicket(ticket.number);
    if (created && !supportHasIt) {
      await this.deps.host.openForwardToSupport({
        supportAddress: this.deps.supportAddress,
        subject: `[${ticket.number}] ${item.subject}`,
        htmlBody: `<p>${escapeText(ticket.number)}: ${escapeText(item.subject)}</p><p>${escapeText(description)}</p>`,
      });
      this.publish({ flash: { kind: 'info', key: 'addin.forward-opened' } });
    }
  }

  private async requestAfterHours(startLocal: string, endLocal: string): Promise<void> {
    const start = new Date(startLocal),
      end = new Date(endLocal);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start || start <= this.deps.now()) {
      this.publish({ flash: { kind: 'error', key: 'addin.compose.after-hours.invalid' } });
      return;
    }
    const window = { start: start.toISOString(), end: end.toISOString() };
    await this.deps.host.requestAfterHours({ supportAddress: this.deps.supportAddress, window });
    this.publish({ composeDone: { action: 'after-hours', ...window } });
  }

  private pendingRequestId(ticket: TicketView): string {
    if (!ticket.pendingExtension) throw new Error(`ticket ${ticket.number} has no pending budget extension`);
    return ticket.pendingExtension.requestId;
  }

  private async decide(
    ticket: TicketView | undefined,
    act: (ticket: TicketView) => Promise<TicketView>,
    doneKey: MessageKey,
  ): Promise<void> {
    if (!ticket) return;
    this.publish({ ticket: await act(ticket), flash: { kind: 'info', key: doneKey } });
  }

  /** Runs `work`; a failure becomes a message (and a stale ticket is reloaded so the user sees what changed). */
  private async guard(work: () => Promise<void>, phaseOnError?: AppState['phase']): Promise<void> {
    try {
      await work();
    } catch (error) {
      const flash: Flash = describeError(error);
      this.publish({ flash, ...(phaseOnError ? { phase: phaseOnError } : {}) });
      if (error instanceof ApiError && error.problem.code === 'stale-version' && this.state.ticket)
        await this.reloadTicket(this.state.ticket.id);
    }
  }

  private async reloadTicket(id: string): Promise<void> {
    try {
      this.publish({ ticket: await this.deps.api.getTicket(id) });
    } catch (error) {
      this.publish({ flash: describeError(error) });
    }
  }

  private publish(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch, now: this.deps.now().toISOString() };
    this.deps.onChange(this.state);
  }
}
