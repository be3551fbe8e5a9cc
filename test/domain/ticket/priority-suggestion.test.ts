import { describePrioritySuggestion, suggestPriority } from '../../../shared/domain/ticket';
import type { Priority } from '../../../shared/domain/ticket';

type Row = [label: string, headers: Record<string, string>, subject: string, text: string, expected: Priority | undefined];

const rows: Row[] = [
  [
    "the issue's example: URGENTE + nadie puede + Importance: high",
    { importance: 'high' },
    'URGENTE: nadie puede entrar a Outlook',
    'Buenos días, desde las 9 nadie puede abrir el correo.',
    'critical',
  ],
  [
    'Importance: high alone',
    { importance: 'High' },
    'Consulta sobre licencias',
    'Hola, quisiera saber cuántas licencias tenemos.',
    'high',
  ],
  ['Importance: normal is nothing', { importance: 'normal' }, 'Consulta sobre licencias', 'Hola.', undefined],
  ['X-Priority: 1 (Highest)', { 'x-priority': '1 (Highest)' }, 'Question', 'Hello', 'high'],
  ['X-Priority: 2', { 'x-priority': '2' }, 'Question', 'Hello', 'high'],
  ['X-Priority: 3 is normal', { 'x-priority': '3 (Normal)' }, 'Question', 'Hello', undefined],
  ['Priority: urgent', { priority: 'urgent' }, 'Question', 'Hello', 'high'],
  ['Priority: normal', { priority: 'normal' }, 'Question', 'Hello', undefined],
  ['urgente in the subject', {}, 'Urgente - error al timbrar facturas', 'Les escribo por un error.', 'high'],
  ['urgent in English', {}, 'Urgent: invoices fail', 'Hi team', 'high'],
  ['no funciona in the first lines', {}, 'Teams', 'Hola,\nEl micrófono no funciona en las reuniones.', 'high'],
  ['not working', {}, 'Printer', 'The shared printer is not working since Monday.', 'high'],
  ['caído without accent', {}, 'Servidor caido', 'Favor de revisar.', 'critical'],
  ['se cayó', {}, 'SharePoint', 'Se cayó el sitio de intranet.', 'critical'],
  ['producción detenida', {}, 'ERP', 'Tenemos la producción detenida desde las 8.', 'critical'],
  ['outage', {}, 'Exchange outage', 'All users affected.', 'critical'],
  ['server is down', {}, 'Help', 'Our file server is down.', 'critical'],
  ['down in the subject', {}, 'VPN down', 'Nobody can connect.', 'critical'],
  ['crítico', {}, 'Problema crítico en nómina', 'Ayuda.', 'critical'],
  ['nobody can', {}, 'Login', 'Nobody can sign in to Dynamics.', 'critical'],
  ['negated: no es urgente', {}, 'Duda (no es urgente)', 'Cuando puedan, gracias.', undefined],
  ['negated: not urgent', {}, 'Question, not urgent', 'Whenever you can.', undefined],
  ['drop-down is not down', {}, 'Drop-down list in the form', 'The drop down shows old values.', undefined],
  ['shut down is not down', {}, 'Planned work', 'We will shut down the server on Saturday.', undefined],
  ['download is not down', {}, 'Download', 'How do I download the report?', undefined],
  [
    'only the first lines count',
    {},
    'Reporte mensual',
    'Hola\nAdjunto el reporte\nSaludos\nAna\nGerente\nTel 555\n\nEste correo es urgente según la política de la empresa.',
    undefined,
  ],
  ['quoted history is ignored', {}, 'Re: gracias', '> URGENTE: servidor caído\nGracias por la ayuda.', undefined],
  ['plain request', {}, 'Alta de usuario', 'Favor de dar de alta a Juan.', undefined],
];

describe('suggestPriority (table)', () => {
  it.each(rows)('%s', (_label, headers, subject, text, expected) => {
    expect(suggestPriority({ headers, subject, text })?.priority).toBe(expected);
  });

  it("names every signal, in the reader's language", () => {
    const suggestion = suggestPriority({
      headers: { importance: 'high' },
      subject: 'URGENTE: nadie puede entrar a Outlook',
      text: 'Se cayó el correo.',
    });
    expect(suggestion?.signals.map((s) => s.source)).toEqual(['header', 'subject', 'body']);
    expect(describePrioritySuggestion('es-MX', suggestion!)).toBe(
      'encabezado Importance: high; «nadie puede» en el asunto; «Se cayó» en las primeras líneas',
    );
    expect(describePrioritySuggestion('en', suggestion!)).toBe(
      'header Importance: high; "nadie puede" in the subject; "Se cayó" in the first lines',
    );
  });
});

describe('suggestPriority names the words as written', () => {
  it.each([
    ['URGENTE: nadie puede entrar', 'nadie puede'],
    ['Producción   detenida!!', 'Producción   detenida'],
    ['Servidor CAÍDO', 'CAÍDO'],
    ['Urgent - VPN', 'Urgent'],
  ])('%s -> %s', (subject, written) => {
    const signal = suggestPriority({ headers: {}, subject, text: '' })?.signals[0];
    expect(signal).toMatchObject({ source: 'subject', term: written });
  });
});
