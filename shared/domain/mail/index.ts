/** The door of shared/domain/mail: code outside the domain imports this area from here. */
export * from './automated-mail';
export * from './client-message';
export * from './file-name';
export * from './format-instant';
export * from './forwarded-sender';
export * from './inbound-mail';
export * from './quoted-text';
export * from './reply-intent';
export * from './reply-phrases';
export * from './sender-authentication';
export * from './ticket-number-tag';
