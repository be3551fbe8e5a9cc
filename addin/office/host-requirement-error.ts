import type { MessageKey } from '../../shared/domain/i18n';

/** The open Outlook lacks a requirement set an action needs; carries the catalog key that tells the user what to do. */
export class HostRequirementError extends Error {
  constructor(
    readonly requirementSet: string,
    readonly version: string,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string> = {},
  ) {
    super(`this Outlook does not support ${requirementSet} ${version}`);
    this.name = 'HostRequirementError';
  }
}
