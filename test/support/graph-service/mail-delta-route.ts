import { badRequest } from './graph-http-error';
import { messageJson } from './mail-render';
import type { MailStore } from './mail-store';
import { bodyAsText } from './mail-values';
import { evaluateFilter, parseFilter, readPath } from './odata-filter';
import { parseSelect, parseTop, preferredPageSize, queryOption } from './odata-query';
import { json } from './responses';
import { querySignature } from './token-vault';
import type { Params } from './router';
import type { ServiceRequest, ServiceResponse } from './service-types';

/** Messages delta: default page size when neither $top nor Prefer: odata.maxpagesize says otherwise. */
export const MESSAGE_DELTA_DEFAULT_PAGE_SIZE = 10;

interface DeltaState {
  /** folder id */ f: string;
  /** changes after this sequence... */ s: number;
  /** ...up to this one (the round's snapshot) */ u: number;
  /** last sequence already returned in this round */ c: number;
  /** $select */ sel?: string[];
  /** page size from $top */ n?: number;
  /** report removals (not on the initial sync) */ r: boolean;
  /** $filter (only receivedDateTime ge/gt, as documented) */ flt?: string;
  /** changeType=created|updated|deleted (applies to rounds after the initial sync) */ ct?: string;
}

const DELTA_CHANGE_TYPES = new Set(['created', 'updated', 'deleted']);

/** Message delta supports only $filter=receivedDateTime ge|gt {value}. */
function deltaFilter(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*receivedDateTime\s+(ge|gt)\s+\S+\s*$/i.test(text))
    throw badRequest(
      'ErrorInvalidUrlQueryFilter',
      `The only supported $filter on message delta is receivedDateTime ge|gt {value} (got '${text}').`,
    );
  return text;
}

/**
 * GET /users/{id}/mailFolders/{folder}/messages/delta: a round of pages linked by @odata.nextLink
 * ($skiptoken), ending with @odata.deltaLink ($deltatoken); the next round returns only what changed.
 * A round pages on a change cursor, so a message changed meanwhile shows in the next round, never lost.
 */
export function deltaHandler(store: MailStore) {
  return (request: ServiceRequest, p: Params): ServiceResponse => {
    const mailbox = store.mailbox(p.user!);
    const folder = store.folder(mailbox, p.folder!);
    const skipToken = queryOption(request.query, 'skiptoken');
    const deltaToken = queryOption(request.query, 'deltatoken');
    const scope = `mail:${mailbox.id}`;
    const redeem = (token: string, name: string) =>
      store.deltaTokens.redeem<DeltaState>(scope, token, querySignature(request.query, /^(\$?(skiptoken|deltatoken))$/i), name);
    let state: DeltaState;
    if (skipToken !== undefined) {
      state = redeem(skipToken, '$skiptoken');
    } else if (deltaToken !== undefined) {
      const d = redeem(deltaToken, '$deltatoken');
      state = { ...d, u: store.currentSeq(), c: d.s, r: true };
    } else {
      const select = parseSelect(queryOption(request.query, 'select'));
      const top = parseTop(queryOption(request.query, 'top'));
      const flt = deltaFilter(queryOption(request.query, 'filter'));
      const ct = request.query.get('changeType') ?? undefined;
      if (ct !== undefined && !DELTA_CHANGE_TYPES.has(ct))
        throw badRequest('BadRequest', `changeType must be created, updated or deleted (got '${ct}').`);
      state = {
        f: folder.id,
        s: 0,
        u: store.currentSeq(),
        c: 0,
        r: false,
        ...(select ? { sel: select } : {}),
        ...(top ? { n: top } : {}),
        ...(flt ? { flt } : {}),
        ...(ct ? { ct } : {}),
      };
    }
    if (state.f !== folder.id) throw badRequest('BadRequest', 'The delta token belongs to another folder.');
    const preferred = preferredPageSize(request.headers);
    const pageSize = preferred ?? state.n ?? MESSAGE_DELTA_DEFAULT_PAGE_SIZE;
    const filter = state.flt === undefined ? undefined : parseFilter(state.flt);
    const rows = store.changes(mailbox, folder.id, state.c, state.u, state.r).filter((row) => {
      if (state.r && state.ct !== undefined) {
        const kind = row.message === undefined ? 'deleted' : (row.message.createdSeq ?? 0) > state.s ? 'created' : 'updated';
        if (kind !== state.ct) return false;
      }
      return !filter || !row.message || evaluateFilter(filter, (path) => readPath(row.message, path));
    });
    const page = rows.slice(0, pageSize);
    const body: Record<string, unknown> = {
      '@odata.context': `${request.serviceRoot}/$metadata#Collection(message)`,
      value: page.map((row) =>
        row.message
          ? messageJson(row.message, state.sel, { bodyAsText: bodyAsText(request), withType: true })
          : { '@odata.type': '#microsoft.graph.message', id: row.removedId, '@removed': { reason: 'deleted' } },
      ),
    };
    const link = `${request.serviceRoot}${request.path}`;
    // The links carry only the token: the query options are kept with it, server side (opaque).
    if (rows.length > pageSize)
      body['@odata.nextLink'] =
        `${link}?$skiptoken=${store.deltaTokens.issue(scope, '', { ...state, c: page[page.length - 1]!.seq })}`;
    else {
      const { f, sel, n, flt, ct } = state;
      body['@odata.deltaLink'] =
        `${link}?$deltatoken=${store.deltaTokens.issue(scope, '', { f, s: state.u, ...(sel ? { sel } : {}), ...(n ? { n } : {}), ...(flt ? { flt } : {}), ...(ct ? { ct } : {}) })}`;
    }
    return json(200, body, preferred ? { 'preference-applied': `odata.maxpagesize=${preferred}` } : {});
  };
}
