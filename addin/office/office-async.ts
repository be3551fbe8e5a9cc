/// <reference types="office-js" />
/** Office.js callback APIs as promises; a failed AsyncResult rejects with an OfficeActionError. */
export class OfficeActionError extends Error {
  constructor(
    readonly action: string,
    readonly officeCode: number | undefined,
    message: string,
  ) {
    super(`${action}: ${message}`);
    this.name = 'OfficeActionError';
  }
}

export function officeCall<T>(action: string, start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      // Office.AsyncResultStatus.Succeeded is the string "succeeded"; compared by value so no Office global is needed.
      if (String(result.status) === 'succeeded') resolve(result.value);
      else reject(new OfficeActionError(action, result.error?.code, result.error?.message ?? 'failed'));
    });
  });
}
