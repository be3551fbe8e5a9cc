import { z } from 'zod';
import { EMAIL_PATTERN } from '../../shared/domain/common';
import { INCIDENT_TYPES, LOCALES, PRIORITIES, TICKET_STATUSES } from '../../shared/domain/ticket';

/** An Internet Message-ID as mail intake stores it: trimmed, in angle brackets (Outlook sends them; some clients do not). */
const messageId = z
  .string()
  .trim()
  .min(3)
  .max(998)
  .transform((id) => `<${id.replace(/^<|>$/g, '')}>`);

export const CreateTicketSchema = z.object({
  internetMessageId: messageId,
  conversationId: z.string().trim().min(1).max(512).optional(),
  subject: z.string().trim().min(1).max(255),
  body: z.string().max(100_000),
  attachmentNames: z.array(z.string().min(1).max(255)).max(100).default([]),
  priority: z.enum(PRIORITIES),
  incidentType: z.enum(INCIDENT_TYPES),
  description: z.string().max(10_000).optional(),
  requesterEmail: z.email({ pattern: EMAIL_PATTERN }).optional(),
  /** Staff: the client the ticket is for, needed when the sender is an authorized requester of several. */
  clientId: z.string().min(1).max(200).optional(),
  supportHasEmail: z.boolean().default(true),
});

export const LookupQuerySchema = z
  .object({ internetMessageId: messageId.optional(), conversationId: z.string().min(1).optional() })
  .refine((q) => q.internetMessageId || q.conversationId, {
    message: 'give internetMessageId or conversationId',
    path: ['internetMessageId'],
  });

export const MineQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(TICKET_STATUSES)).optional()),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

export const SenderQuerySchema = z.object({
  email: z.email({ pattern: EMAIL_PATTERN }),
  clientId: z.string().min(1).max(200).optional(),
});

export const ReasonSchema = z.object({ reason: z.string().max(2000).optional() }).default({});
/** Staff record the client's decision on a resolution only by pointing at the client's message. */
const ClientMessageId = z.string().min(1).max(998).optional();
export const ConfirmResolutionSchema = z
  .object({ note: z.string().max(2000).optional(), clientMessageId: ClientMessageId })
  .default({});
export const RejectResolutionSchema = z
  .object({ reason: z.string().max(2000).optional(), clientMessageId: ClientMessageId })
  .default({});

export const AddRequesterSchema = z.object({
  email: z.email({ pattern: EMAIL_PATTERN }),
  name: z.string().trim().min(1).max(200),
  isClientAdmin: z.boolean().default(false),
  locale: z.enum(LOCALES).optional(),
  /** A date (YYYY-MM-DD) or an instant. */
  effectiveFrom: z.string().min(10).max(40).optional(),
});

export const DeactivateRequesterSchema = z.object({ effectiveTo: z.string().min(10).max(40).optional() }).default({});

export const DevTokenSchema = z.object({
  email: z.email({ pattern: EMAIL_PATTERN }),
  tenantId: z.string().min(1).optional(),
  name: z.string().optional(),
});
