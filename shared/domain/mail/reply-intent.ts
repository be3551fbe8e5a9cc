import { stripQuotedReply } from './quoted-text';

/**
 * What a client's reply says about a pending question: the resolution ("confirm" / "confirmo",
 * "not resolved" / "no resuelto") or a budget extension ("approve" / "autorizo", "refuse" / "rechazo").
 * Only the first lines the client wrote count (greetings skipped, quoted history ignored); a negative
 * always wins over a positive word in the same lines. `undefined` means an ordinary reply.
 */
export type ReplyIntent = 'confirm' | 'reject' | 'approve' | 'refuse';

const GREETING = /^(hola|hello|hi|hey|buen(os|as)\s+(dias|tardes|noches)|good\s+(morning|afternoon|evening)|estimad[oa]s?|dear)\b[^.!?]*[,:!.]?$/;
const REJECT = [
  /\bnot (resolved|solved|fixed)\b/,
  /\b(isn'?t|is not|wasn'?t|was not) (resolved|solved|fixed)\b/,
  /\bstill (fails|failing|broken|not working|happening)\b/,
  /\b(doesn'?t|does not|didn'?t|did not) work\b/,
  /\bno (esta |quedo |fue )?(resuelto|solucionado|arreglado)\b/,
  /\bno se (resolvio|soluciono|arreglo)\b/,
  /\bsigue (fallando|sin funcionar|igual|el problema)\b/,
  /\bno funciona\b/,
  /\bno (lo )?confirm(o|amos)\b/,
  /\b(i )?(do not|don'?t|cannot|can'?t) confirm\b/,
];
const REFUSE = [/^(i )?(refuse|refused|decline|declined|reject|rejected)\b/, /^(rechazo|rechazado|rechazamos|no autorizo|no autorizamos|no apruebo|no aprobamos)\b/];
const APPROVE = [/^(i )?(approve|approved)\b/, /^(autorizo|autorizado|autorizamos|apruebo|aprobado|aprobamos)\b/];
const HEDGE = /\b(but|however|except|although|pero|sin embargo|excepto|aunque|a medias)\b/;
const CONFIRM = [
  /^(i )?(confirm|confirmed)\b/,
  /^(yes|si)[,.! ]*(((it'?s|it is|esta|ya|quedo)\s+)*(resolved|solved|fixed|working|resuelto|solucionado|funciona))?[.! ]*$/,
  /^(lo )?(confirmo|confirmado|confirmamos)\b/,
  /^(resolved|solved|fixed|it works|works now|resuelto|solucionado|ya funciona|funciona)\b/,
];

export function parseReplyIntent(body: string): ReplyIntent | undefined {
  const lines = stripQuotedReply(body)
    .split('\n')
    .map(normalize)
    .filter((line) => line.length > 0);
  const firstLines = (GREETING.test(lines[0] ?? '') ? lines.slice(1) : lines).slice(0, 2);
  if (firstLines.length === 0) return undefined;
  const head = firstLines.join(' ');
  if (REFUSE.some((re) => re.test(head))) return 'refuse';
  if (REJECT.some((re) => re.test(head))) return 'reject';
  // "It works, but ..." / "funciona, pero ..." is not a clean yes: a person reads it.
  if (HEDGE.test(head)) return undefined;
  if (APPROVE.some((re) => re.test(head))) return 'approve';
  if (CONFIRM.some((re) => re.test(firstLines[0]))) return 'confirm';
  return undefined;
}

function normalize(line: string): string {
  return line
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[“”"'¡¿*_]/g, (c) => (c === "'" ? c : ''))
    .replace(/\s+/g, ' ')
    .trim();
}
