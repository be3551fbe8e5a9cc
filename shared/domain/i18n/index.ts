/** The door of shared/domain/i18n: code outside the domain imports this area from here. */
export * from './catalog';
export * from './messages/addin-sign-in';
export * from './messages/addin';
export * from './messages/bot';
export * from './messages/cli';
export * from './messages/common';
export * from './messages/consultant-day';
export * from './messages/dashboard';
export * from './messages/legal';
export * from './messages/mail';
export * from './messages/records';
export * from './messages/replies';
export * from './messages/sharepoint';
export * from './messages/sla';
export * from './messages/statement';
export * from './zone-name';
