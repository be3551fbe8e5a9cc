import { displayFileName } from '../../shared/domain/mail';
import { clipDescription } from '../../shared/domain/ticket';

/** The ticket description recorded from an email: the client's words, the email body, its attachments' names (clipped; the email keeps all). */
export function composeDescription(input: { description?: string | undefined; body: string; attachmentNames: string[] }): string {
  const parts = [input.description?.trim(), input.body.trim()].filter((p): p is string => Boolean(p));
  if (input.attachmentNames.length > 0) parts.push(`Attachments: ${input.attachmentNames.map(displayFileName).join(', ')}`);
  return clipDescription(parts.join('\n\n'));
}
