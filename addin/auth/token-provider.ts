/** Gets a bearer token for the Soporte API on behalf of the signed-in Outlook user. */
export interface TokenProvider {
  getToken(): Promise<string>;
}
