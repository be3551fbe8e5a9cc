/**
 * Control characters (C0, DEL, C1) and the invisible bidirectional controls (LRM, RLM, ALM, the embeddings
 * and overrides U+202A-U+202E, the isolates U+2066-U+2069): what lets "invoice\u202Eexe.pdf" read as
 * "invoicefdp.exe" or a name carry line breaks into a card or an email.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** An attachment's name as people are shown it: hidden and control characters removed, spaces trimmed. */
export function displayFileName(name: string): string {
  return name.normalize('NFC').replace(HIDDEN, '').trim();
}
