/** This Outlook offers neither Nested App Authentication (NestedAppAuth 1.1) nor the dialog API (DialogApi 1.1). */
export class NoSignInAvailableError extends Error {
  constructor() {
    super('this Outlook supports neither Nested App Authentication (NestedAppAuth 1.1) nor Office dialogs (DialogApi 1.1)');
    this.name = 'NoSignInAvailableError';
  }
}

/** The dialog sign-in did not return a token: closed by the user, blocked, or refused by Entra (the reason). */
export class DialogSignInError extends Error {
  constructor(readonly reason: string) {
    super(`sign-in in the Office dialog failed: ${reason}`);
    this.name = 'DialogSignInError';
  }
}
