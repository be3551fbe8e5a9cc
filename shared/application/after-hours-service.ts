import { isRequestedInAdvance } from '../domain/billing';
import type { AfterHoursWindow } from '../domain/billing';
import { NotFoundError, ValidationError } from '../domain/common';
import { assertAllowed } from '../domain/ticket';
import type { Actor } from '../domain/ticket';
import type { ClientMailer } from './client-mailer';
import { optionalText, requireEmail, requireInstant, requireText } from '../domain/common';
import type { Clock, IdGenerator, SideEffectErrors, Store } from './ports';
import { activeRequester } from './requester-access';
import { definedOnly } from '../domain/index';

export interface AfterHoursRequestInput {
  clientId: string;
  /** The authorized requester who asked (by email). */
  requestedBy: string;
  start: string;
  end: string;
  /** The client's email asking for it (the official request). */
  requestMessageId?: string | undefined;
  reason?: string | undefined;
}

const MAX_WINDOW_HOURS = 7 * 24;

/**
 * After-hours attention: a client asks in advance (by email) for a window outside support hours; a
 * senior consultant or manager approves or refuses it and the requester is told. Inside an approved
 * window the client's SLA clocks run and time entries carry the policy's after-hours multiplier
 * (TicketService rates entries; the SLA monitor adds the window to the client's calendar).
 */
export class AfterHoursService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      ids: IdGenerator;
      mail: Pick<ClientMailer, 'sendAfterHoursDecision'>;
      sideEffects: SideEffectErrors;
    },
  ) {}

  /**
   * Records the request. The requester asks (role requester, or the mail intake / a consultant
   * transcribing their email: the window names who asked); it must come before the window starts.
   */
  async request(actor: Actor, input: AfterHoursRequestInput): Promise<AfterHoursWindow> {
    const requestedBy = requireEmail('requestedBy', input.requestedBy);
    if (actor.role === 'requester' && actor.id.toLowerCase() !== requestedBy)
      throw new ValidationError('requestedBy', `${actor.id} may request after-hours attention only in their own name`);
    const clientId = requireText('clientId', input.clientId, 200);
    const client = await this.deps.store.directory.getClient(clientId);
    if (!client) throw new NotFoundError('client', clientId);
    const now = this.deps.clock.now();
    if (!(await activeRequester(this.deps.store.directory, clientId, requestedBy, now))) {
      throw new ValidationError('requestedBy', `${requestedBy} is not an authorized requester of ${client.name} (${clientId})`);
    }
    const start = requireInstant('start', input.start);
    const end = requireInstant('end', input.end);
    if (Date.parse(end) <= Date.parse(start)) throw new ValidationError('end', `must be after start (${start})`);
    if (Date.parse(end) - Date.parse(start) > MAX_WINDOW_HOURS * 3_600_000)
      throw new ValidationError('end', `a window lasts at most ${MAX_WINDOW_HOURS} hours`);
    if (!isRequestedInAdvance(start, now))
      throw new ValidationError(
        'start',
        `after-hours attention is requested in advance: ${start} is not after now (${now.toISOString()})`,
      );
    const window: AfterHoursWindow = {
      id: this.deps.ids.newId(),
      clientId,
      start,
      end,
      status: 'requested',
      requestedBy,
      requestedAt: now.toISOString(),
      ...definedOnly({
        requestMessageId: input.requestMessageId || undefined,
        reason: optionalText('reason', input.reason, 2000),
      }),
    };
    await this.deps.store.afterHours.putWindow(window);
    return window;
  }

  approve(actor: Actor, windowId: string, reason?: string): Promise<AfterHoursWindow> {
    return this.decide(actor, windowId, 'approved', reason);
  }

  refuse(actor: Actor, windowId: string, reason?: string): Promise<AfterHoursWindow> {
    return this.decide(actor, windowId, 'refused', reason);
  }

  list(
    query: { clientId?: string | undefined; status?: AfterHoursWindow['status'] | undefined } = {},
  ): Promise<AfterHoursWindow[]> {
    return this.deps.store.afterHours.listWindows(definedOnly(query));
  }

  private async decide(
    actor: Actor,
    windowId: string,
    status: 'approved' | 'refused',
    reason?: string,
  ): Promise<AfterHoursWindow> {
    assertAllowed(actor.role, 'approve-after-hours');
    const window = await this.deps.store.afterHours.getWindow(requireText('windowId', windowId, 200));
    if (!window) throw new NotFoundError('after-hours window', windowId);
    if (window.status !== 'requested') throw new ValidationError('windowId', `window ${windowId} was already ${window.status}`);
    const decided: AfterHoursWindow = {
      ...window,
      status,
      decidedBy: actor.id,
      decidedAt: this.deps.clock.now().toISOString(),
      ...definedOnly({ reason: optionalText('reason', reason, 2000) }),
    };
    await this.deps.store.afterHours.putWindow(decided);
    try {
      await this.deps.mail.sendAfterHoursDecision(decided, decided.requestedBy);
    } catch (error) {
      this.deps.sideEffects.report(error, { action: `after-hours-${status}`, what: 'client email after-hours-decision' });
    }
    return decided;
  }
}
