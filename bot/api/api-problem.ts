/** An HTTP-level refusal the API decides itself (not a domain rule): 404 of an invisible ticket, 428, 409 ... */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }
}
