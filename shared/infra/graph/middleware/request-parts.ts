import type { Context } from '@microsoft/microsoft-graph-client';
import { GraphClientMisuseError } from '../graph-errors';

/** The URL of the request in a middleware context (the SDK always passes a string). */
export function requestUrl(context: Context): string {
  if (typeof context.request === 'string') return context.request;
  throw new GraphClientMisuseError('request', 'the Graph middleware chain expects URL strings, not Request objects');
}

export function requestMethod(context: Context): string {
  return (context.options?.method ?? 'GET').toUpperCase();
}

/** Sets one header on the request, whatever shape the SDK gave the headers in. */
export function setRequestHeader(context: Context, name: string, value: string): void {
  const headers = new Headers(context.options?.headers as HeadersInit | undefined);
  headers.set(name, value);
  context.options = { ...(context.options ?? {}), headers };
}

export function getRequestHeader(context: Context, name: string): string | null {
  return new Headers(context.options?.headers as HeadersInit | undefined).get(name);
}
