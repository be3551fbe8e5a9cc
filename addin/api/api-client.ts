import type {
  CreateTicketRequest,
  MeView,
  ProblemDetails,
  SenderAuthorizationView,
  TicketView,
} from '../../shared/contract/api-contract';
import type { TokenProvider } from '../auth/token-provider';
import { definedOnly } from '../../shared/domain/common';

/** An API refusal, carrying the RFC 7807 problem. */
export class ApiError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

/** The network failed before any answer. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('the support API could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

export interface SoporteApi {
  me(): Promise<MeView>;
  senderAuthorization(email: string): Promise<SenderAuthorizationView>;
  /** The ticket of the message or its thread; undefined when there is none. */
  lookupTicket(internetMessageId: string, conversationId?: string): Promise<TicketView | undefined>;
  getTicket(id: string): Promise<TicketView>;
  createTicket(request: CreateTicketRequest): Promise<{ ticket: TicketView; created: boolean }>;
  confirmResolution(ticket: TicketView, note?: string): Promise<TicketView>;
  rejectResolution(ticket: TicketView, reason?: string): Promise<TicketView>;
  approveExtension(ticket: TicketView, requestId: string): Promise<TicketView>;
  refuseExtension(ticket: TicketView, requestId: string, reason?: string): Promise<TicketView>;
}

export function createApiClient(options: { apiBase: string; tokens: TokenProvider; fetch: typeof fetch }): SoporteApi {
  async function call<T>(
    method: string,
    path: string,
    init: { body?: unknown; ifMatch?: string } = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await options.tokens.getToken()}`,
      accept: 'application/json',
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.ifMatch) headers['if-match'] = `"${init.ifMatch}"`;
    let res: Response;
    try {
      res = await options.fetch(`${options.apiBase}/api/v1${path}`, {
        method,
        headers,
        ...definedOnly({ body: init.body === undefined ? undefined : JSON.stringify(init.body) }),
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    const body = await res.json();
    if (!res.ok) throw new ApiError(body as ProblemDetails);
    return { status: res.status, body: body as T };
  }
  const write = async (ticket: TicketView, path: string, body: unknown = {}) =>
    (await call<TicketView>('POST', `/tickets/${encodeURIComponent(ticket.id)}/${path}`, { body, ifMatch: ticket.version })).body;

  return {
    me: async () => (await call<MeView>('GET', '/me')).body,
    senderAuthorization: async (email) =>
      (await call<SenderAuthorizationView>('GET', `/senders/authorization?email=${encodeURIComponent(email)}`)).body,
    async lookupTicket(internetMessageId, conversationId) {
      const query = new URLSearchParams({ internetMessageId, ...(conversationId ? { conversationId } : {}) });
      try {
        return (await call<TicketView>('GET', `/tickets/lookup?${query}`)).body;
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return undefined;
        throw error;
      }
    },
    getTicket: async (id) => (await call<TicketView>('GET', `/tickets/${encodeURIComponent(id)}`)).body,
    async createTicket(request) {
      const { status, body } = await call<TicketView>('POST', '/tickets', { body: request });
      return { ticket: body, created: status === 201 };
    },
    confirmResolution: (ticket, note) => write(ticket, 'resolution/confirm', { note }),
    rejectResolution: (ticket, reason) => write(ticket, 'resolution/reject', { reason }),
    approveExtension: (ticket, requestId) => write(ticket, `budget-extensions/${encodeURIComponent(requestId)}/approve`),
    refuseExtension: (ticket, requestId, reason) =>
      write(ticket, `budget-extensions/${encodeURIComponent(requestId)}/refuse`, { reason }),
  };
}
