import type { MailAddress } from './inbound-mail';

/**
 * The original sender of a message forwarded inline: the first `From:` / `De:` line after a forward
 * marker (Gmail's "---------- Forwarded message ---------", Outlook's "-----Original Message-----" or
 * its underscore rule, Apple's "Begin forwarded message:", Spanish "Mensaje reenviado").
 */
const MARKER =
  /^(-{2,}\s*(forwarded message|original message|mensaje reenviado|mensaje original)\s*-{2,}|_{10,}|begin forwarded message:|inicio del mensaje reenviado:)\s*$/i;
const FROM_LINE = /^\*?(from|de):\*?\s*(.*)$/i;
const ADDRESS = /<?([^\s<>"()@]+@[^\s<>"()]+\.[^\s<>"()]+)>?/;

export function findForwardedSender(text: string): MailAddress | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => MARKER.test(line.trim()));
  if (start < 0) return undefined;
  for (const raw of lines.slice(start + 1, start + 8)) {
    const from = FROM_LINE.exec(raw.trim().replace(/^>\s*/, ''));
    if (!from) continue;
    const address = ADDRESS.exec(from[2]);
    if (!address) return undefined;
    const name = from[2].slice(0, from[2].indexOf(address[0])).replace(/["']/g, '').trim();
    return name ? { address: address[1].toLowerCase(), name } : { address: address[1].toLowerCase() };
  }
  return undefined;
}
