import type { MessageTable } from '../catalog';

/** Clients' replies on tickets as staff see them in Teams, and each person's language. */
export const REPLY_MESSAGES: MessageTable = {
  'bot.notify.clientReply': {
    en: '{from} replied on {number} ({subject}):\n\n{excerpt}',
    'es-MX': '{from} respondió en {number} ({subject}):\n\n{excerpt}',
  },
};
