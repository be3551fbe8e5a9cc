/**
 * The part of a reply the sender wrote, without what follows it: Gmail's "On ... wrote:" / "El ...
 * escribió:" (also wrapped over two or three lines), Outlook's "From:/Sent:" or "De:/Enviado el:"
 * block, "-----Original Message-----" and its underscore rule, `>` quotes, forwarded-message markers,
 * a `-- ` signature, mobile footers ("Enviado desde mi iPhone", "Get Outlook for Android") and
 * confidentiality notices.
 */
const SEPARATORS: RegExp[] = [
  /^-{2,}\s*(original message|mensaje original|forwarded message|mensaje reenviado)\s*-{2,}/i,
  /^begin forwarded message:/i,
  /^inicio del mensaje reenviado:/i,
  /^_{10,}\s*$/,
  /^--\s*$/,
  /^>/,
  /^(enviado|sent) (desde|from) (mi|my|el|the|correo|mail|outlook|yahoo|samsung)\b/i,
  /^(get|obtener|obt[ée]n|descargar) outlook (for|para)\b/i,
  /^(aviso de confidencialidad|aviso de privacidad|confidencialidad:|confidentiality notice|disclaimer:)/i,
  /^(este|el presente) (correo|mensaje)\b.*\b(confidencial|destinatario)/i,
  /^this (e-?mail|message)\b.*\b(confidential|intended (solely |only )?for)/i,
];
const ATTRIBUTION: RegExp[] = [/^on\b.*\bwrote:\s*$/i, /^el\b.*\bescribi[oó]:\s*$/i, /^le\b.*\ba [ée]crit\s*:\s*$/i];
const HEADER_START = /^\*?(from|de):\*?\s/i;
const HEADER_NEXT = /^\*?(sent|enviado|enviado el|date|fecha|to|para|subject|asunto|cc):\*?\s/i;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i].trim();
    const next = (lines[i + 1] ?? '').trim();
    const wrapped = [`${line} ${next}`.trim(), `${line} ${next} ${(lines[i + 2] ?? '').trim()}`.trim()];
    const isHeaderBlock = HEADER_START.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l.trim()));
    const isAttribution = ATTRIBUTION.some(
      (re) => re.test(line) || (/^(on|el|le)\b/i.test(line) && wrapped.some((w) => re.test(w))),
    );
    if (SEPARATORS.some((re) => re.test(line)) || isAttribution || isHeaderBlock) {
      end = i;
      break;
    }
  }
  return lines.slice(0, end).join('\n').trim();
}
