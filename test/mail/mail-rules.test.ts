import { classifyAutomated } from '../../shared/domain/mail';
import { composeClientMessage, composeUnauthorizedReply, type TicketMailKind } from '../../shared/domain/mail';
import { findForwardedSender } from '../../shared/domain/mail';
import { stripQuotedReply } from '../../shared/domain/mail';
import { parseReplyIntent } from '../../shared/domain/mail';
import { baseSubject, extractTicketNumbers, tagSubject } from '../../shared/domain/mail';
import type { Ticket } from '../../shared/domain/ticket';

describe('subject tagging', () => {
  test('tags once, never doubles a tag', () => {
    expect(tagSubject('Recibido: Falla', 'SUP-2026-0042')).toBe('[SUP-2026-0042] Recibido: Falla');
    expect(tagSubject('Re: [SUP-2026-0042] Falla', 'SUP-2026-0042')).toBe('[SUP-2026-0042] Re: Falla');
  });
  test("removes its own tag in any case and spacing, keeps other tickets' tags and bare mentions", () => {
    expect(tagSubject('RE: [ sup-2026-0042 ]  Falla [SUP-2026-0042]', 'SUP-2026-0042')).toBe('[SUP-2026-0042] RE: Falla');
    expect(tagSubject('Re: [SUP-2026-0041] Falla SUP-2026-0042', 'SUP-2026-0042')).toBe(
      '[SUP-2026-0042] Re: [SUP-2026-0041] Falla SUP-2026-0042',
    );
    expect(tagSubject('  [SUP-2026-0042]  ', 'SUP-2026-0042')).toBe('[SUP-2026-0042]');
    expect(tagSubject('Ñandú   sin  etiqueta', 'SUP-2026-0042')).toBe('[SUP-2026-0042] Ñandú sin etiqueta');
  });
  test.each([
    ['RE: [SUP-2026-0042] Recibido: Falla', ['SUP-2026-0042']],
    ['rv: [ sup-2026-0042 ] x y SUP-2026-0100', ['SUP-2026-0042', 'SUP-2026-0100']],
    ['sobre el ticket SUP-2027-12345', ['SUP-2027-12345']],
    ['SUP-26-1 no es un número', []],
  ])('extracts from "%s"', (subject, numbers) => {
    expect(extractTicketNumbers(subject)).toEqual(numbers);
  });
  test('base subject drops prefixes in English and Spanish and the tags', () => {
    expect(baseSubject('RE: RV: Fwd: [SUP-2026-0042] Falla de timbrado')).toBe('Falla de timbrado');
    expect(baseSubject('Re[2]: Aw: hola')).toBe('hola');
  });
});

describe('reply intent', () => {
  test.each([
    ['confirm', 'confirm'],
    ['Confirmo', 'confirm'],
    ['Hola,\n\nconfirmo, ya funciona.\n\nAna', 'confirm'],
    ['"confirm" - thanks!', 'confirm'],
    ['Sí, ya quedó resuelto', 'confirm'],
    ['not resolved, the error is back', 'reject'],
    ['No resuelto: sigue fallando el timbrado', 'reject'],
    ['Buenos días\nNo está resuelto, sigue igual', 'reject'],
    ['I cannot confirm, it still fails', 'reject'],
    ['no confirmo', 'reject'],
    ['Approve', 'approve'],
    ['Autorizo las 4 horas adicionales', 'approve'],
    ['Rechazo', 'refuse'],
    ['no autorizo más horas', 'refuse'],
    ['Here is the log you asked for.', undefined],
    ['Si tienen tiempo, revisen también el reporte.', undefined],
    ['Funciona, pero solo para algunos usuarios', undefined],
    ['Confirmed, but the report is still slow', undefined],
    [
      'Thanks!\n\nOn Mon, Mar 2, 2026 at 10:00 AM Soporte <soporte@partner.example> wrote:\n> reply "confirm" if solved',
      undefined,
    ],
    ['Gracias\n\nDe: Soporte\nEnviado: lunes\nPara: Ana\nAsunto: Resuelto\n\nresponda "confirmo"', undefined],
  ])('%j -> %s', (body, intent) => {
    expect(parseReplyIntent(body)).toBe(intent);
  });
  test('quoted history is removed (Outlook separator, Spanish attribution, > quotes)', () => {
    expect(stripQuotedReply('Listo.\n________________________________\nDe: Soporte')).toBe('Listo.');
    expect(stripQuotedReply('Listo.\nEl lun, 2 mar 2026, Soporte\nescribió:\n> hola')).toBe('Listo.');
    expect(stripQuotedReply('Arriba\n> citado\nabajo')).toBe('Arriba');
  });
});

describe('automated mail classification', () => {
  const human = { headers: {}, subject: 'Falla', fromAddress: 'ana@acme.example' };
  test.each([
    [{ headers: { 'auto-submitted': 'auto-replied' } }, 'auto-reply'],
    [{ headers: { 'auto-submitted': 'no' } }, undefined],
    [{ headers: { 'x-autoreply': 'yes' } }, 'auto-reply'],
    [{ headers: { precedence: 'bulk' } }, 'bulk'],
    [{ headers: { 'list-id': '<x.lists.example>' } }, 'bulk'],
    [{ headers: { 'x-soporte-loop': 'SUP-2026-0001' } }, 'own-mail'],
    [{ headers: { 'content-type': 'multipart/report; report-type=disposition-notification; boundary=x' } }, 'read-receipt'],
    [{ headers: { 'x-failed-recipients': 'a@b.example' } }, 'bounce'],
    [{ fromAddress: 'postmaster@acme.example' }, 'bounce'],
    [{ subject: 'Respuesta automática: Falla' }, 'auto-reply'],
    [{ subject: 'No se puede entregar: Falla' }, 'bounce'],
    [{ headers: { 'x-auto-response-suppress': 'All' } }, undefined],
  ])('%j -> %s', (override, kind) => {
    const verdict = classifyAutomated({ ...human, ...override });
    expect(verdict.automated ? verdict.kind : undefined).toBe(kind);
  });
});

describe('client messages', () => {
  const ticket: Ticket = {
    id: 't1',
    number: 'SUP-2026-0042',
    version: '1',
    clientId: 'acme',
    requesterEmail: 'ana@acme.example',
    subject: 'Falla de timbrado',
    description: '',
    priority: 'high',
    incidentType: 'technical-urgent',
    budgetMinutes: 240,
    status: 'resolved',
    level: 'L1',
    channel: 'email',
    awaitingEmail: false,
    contactAttempts: 2,
    policyVersion: 'v',
    locale: 'es-MX',
    openedAt: '2026-03-02T16:00:00.000Z',
    lastActivityAt: '2026-03-02T16:00:00.000Z',
    pauses: [],
    consumedMinutes: 0,
  };
  const params = {
    responseDueAt: '2026-03-02T20:00:00.000Z',
    question: '¿Qué RFC?',
    attempt: 2,
    maxAttempts: 3,
    summary: 'Se corrigió el RFC.',
    closeReason: 'validated' as const,
    extensionMinutes: 90,
    extensionReason: 'migración',
    note: 'Avance',
    noticeBusinessDays: 5,
    closesAt: '2026-03-09T16:00:00.000Z',
  };
  const kinds: TicketMailKind[] = [
    'acknowledgement',
    'information-request',
    'contact-attempt',
    'final-notice',
    'resolution',
    'closure',
    'budget-extension-request',
    'phone-email-reminder',
    'progress',
    'daily-email',
  ];
  test.each(
    kinds.flatMap(
      (k) =>
        [
          [k, 'es-MX'],
          [k, 'en'],
        ] as const,
    ),
  )('%s in %s: tagged subject, no unfilled placeholder', (kind, locale) => {
    const message = composeClientMessage(kind, { ...ticket, locale }, { ...params, recipientName: 'Ana' });
    expect(message.subject.startsWith('[SUP-2026-0042] ')).toBe(true);
    expect(message.text).not.toMatch(/\{\w+\}/);
    expect(message.text).toContain(locale === 'en' ? 'Hello Ana,' : 'Hola, Ana:');
  });
  test('acknowledgement shows priority, type and the response deadline in Mexico City time', () => {
    const es = composeClientMessage('acknowledgement', ticket, { responseDueAt: '2026-03-02T20:00:00.000Z' });
    expect(es.text).toContain('Prioridad: Alta');
    expect(es.text).toContain('Tipo de incidente: Técnico urgente');
    expect(es.text).toContain('lunes 2 de marzo de 2026, 14:00 (hora de la Ciudad de México)');
    const en = composeClientMessage(
      'acknowledgement',
      { ...ticket, locale: 'en' },
      { responseDueAt: '2026-03-02T20:00:00.000Z' },
    );
    expect(en.text).toContain('First response by: Monday, March 2, 2026, 14:00 (Mexico City time)');
  });
  test('the email reminder speaks of the phone call only for phone tickets', () => {
    const phone = composeClientMessage('phone-email-reminder', { ...ticket, channel: 'phone', awaitingEmail: true });
    expect(phone.subject).toBe('[SUP-2026-0042] Por favor confirme por correo su solicitud telefónica: Falla de timbrado');
    expect(phone.text).toContain('Registramos su llamada como el ticket SUP-2026-0042');
    const teams = composeClientMessage('phone-email-reminder', {
      ...ticket,
      channel: 'teams',
      awaitingEmail: true,
      locale: 'en',
    });
    expect(teams.subject).toBe('[SUP-2026-0042] Please send your request by email: Falla de timbrado');
    expect(teams.text).toContain('We opened ticket SUP-2026-0042 for your request');
    expect(teams.text).not.toMatch(/phone/);
  });
  test("resolution explains how to confirm or reject, in the reader's language", () => {
    expect(composeClientMessage('resolution', ticket, { summary: 'x' }).text).toMatch(/"confirmo"[\s\S]*"no resuelto"/);
    expect(composeClientMessage('resolution', { ...ticket, locale: 'en' }, { summary: 'x' }).text).toMatch(
      /"confirm"[\s\S]*"not resolved"/,
    );
  });
  test('a missing parameter names the field', () => {
    expect(() => composeClientMessage('information-request', ticket, {})).toThrow('question: is required');
  });
  test('HTML is escaped', () => {
    expect(composeClientMessage('progress', ticket, { note: '<script>x</script>' }).html).toContain('&lt;script&gt;');
  });
  test('unauthorized reply names who can authorize, or says who in general', () => {
    const named = composeUnauthorizedReply('es-MX', {
      senderEmail: 'eve@acme.example',
      originalSubject: 'Ayuda',
      authorizers: [{ name: 'Bob', email: 'bob@acme.example' }],
    });
    expect(named.text).toContain('pida por favor a Bob <bob@acme.example> que nos lo solicite');
    const general = composeUnauthorizedReply('en', { senderEmail: 'eve@x.example', originalSubject: 'Help', authorizers: [] });
    expect(general.text).toContain('the person responsible for the support contract at your company');
  });
});

describe('forwarded sender', () => {
  test.each([
    [
      'FYI\n\n---------- Forwarded message ---------\nFrom: Carlos Ruiz <carlos@acme.example>\nDate: x',
      { address: 'carlos@acme.example', name: 'Carlos Ruiz' },
    ],
    [
      'Ver abajo\n________________________________\nDe: "Ana López" <Ana@Acme.example>\nEnviado: lunes',
      { address: 'ana@acme.example', name: 'Ana López' },
    ],
    ['-----Original Message-----\nFrom: bob@acme.example\nSent: Monday', { address: 'bob@acme.example' }],
    ['Begin forwarded message:\n\n> From: Eve <eve@x.example>', { address: 'eve@x.example', name: 'Eve' }],
    ['From: not-a-forward@x.example\nhello', undefined],
  ])('%j', (text, sender) => {
    expect(findForwardedSender(text)).toEqual(sender);
  });
});
