import { suggestPriority } from '../../shared/domain/ticket';
import type { StaffRole } from '../../shared/domain/ticket';

/**
 * The demo data set loaded into an empty store on first start (unless SEED_DEMO=false; never in
 * production). Everything is marked: ids start with `demo`, names with [DEMO], addresses use the
 * reserved `.example` domain. Staff are the Microsoft 365 Agents Playground's mock users (their AAD
 * object ids as the Playground's default config declares them), so a Playground chat maps to a role.
 */
export const DEMO_MARKER_KEY = 'demo:seeded';

export const DEMO_CLIENT = {
  id: 'demo',
  name: '[DEMO] Cliente Demo S.A. de C.V.',
  domains: ['cliente-demo.example'],
  locale: 'es-MX' as const,
  managerEmails: ['isaiahl@example.com'],
};

export const DEMO_REQUESTERS = [
  { email: 'ana.lopez@cliente-demo.example', name: '[DEMO] Ana López', locale: 'es-MX' as const, isClientAdmin: true },
  { email: 'carlos.ruiz@cliente-demo.example', name: '[DEMO] Carlos Ruiz', locale: 'es-MX' as const, isClientAdmin: false },
  { email: 'jordan.lee@cliente-demo.example', name: '[DEMO] Jordan Lee', locale: 'en' as const, isClientAdmin: false },
];

/** Playground mock users (default config of @microsoft/m365agentsplayground 0.2.x): Alex Wilber is the signed-in user. */
export const DEMO_STAFF: Array<{ id: string; name: string; email: string; role: StaffRole; aadObjectId: string }> = [
  {
    id: 'demo-alex',
    name: '[DEMO] Alex Wilber',
    email: 'alexw@example.com',
    role: 'L2',
    aadObjectId: '00000000-0000-0000-0000-0000000000020',
  },
  {
    id: 'demo-megan',
    name: '[DEMO] Megan Bowen',
    email: 'meganb@example.com',
    role: 'L1',
    aadObjectId: '00000000-0000-0000-0000-0000000000021',
  },
  {
    id: 'demo-adele',
    name: '[DEMO] Adele Vance',
    email: 'adelev@example.com',
    role: 'L3',
    aadObjectId: '00000000-0000-0000-0000-0000000000022',
  },
  {
    id: 'demo-isaiah',
    name: '[DEMO] Isaiah Langer',
    email: 'isaiahl@example.com',
    role: 'manager',
    aadObjectId: '00000000-0000-0000-0000-0000000000023',
  },
];

export const DEMO_TICKETS = [
  // Sent with Importance: high and no add-in priority: it lands at Medium with intake's suggestion (try Apply in `queue`).
  {
    requesterEmail: 'ana.lopez@cliente-demo.example',
    subject: '[DEMO] No podemos entrar a SharePoint',
    description: 'Desde esta mañana nadie del área de finanzas puede abrir el sitio de intranet.',
    priority: 'medium' as const,
    prioritySuggestion: suggestPriority({
      headers: { importance: 'high' },
      subject: '[DEMO] No podemos entrar a SharePoint',
      text: '',
    }),
    sourceMessageId: '<demo-1@cliente-demo.example>',
  },
  {
    requesterEmail: 'jordan.lee@cliente-demo.example',
    subject: '[DEMO] Teams meeting recordings missing',
    description: "Recordings of yesterday's meetings do not show up in the chat.",
    priority: 'medium' as const,
    sourceMessageId: '<demo-2@cliente-demo.example>',
  },
];
