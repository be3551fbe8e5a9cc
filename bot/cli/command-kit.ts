import type { Command } from 'commander';
import { openSession, type GlobalOptions, type Session } from './cli-context';

export interface LeafOptions {
  json?: boolean;
  [name: string]: unknown;
}

/** A sub-command with the `--json` switch every command has. */
export function leaf(parent: Command, spec: string, description: string): Command {
  return parent.command(spec).description(description).option('--json', 'print JSON instead of text');
}

/** Runs `body` with an open session (store + services + actor) and closes the store after. */
export function run(
  command: Command,
  body: (session: Session, options: LeafOptions, ...args: string[]) => Promise<void>,
): Command {
  return command.action(async (...params: unknown[]) => {
    const cmd = params[params.length - 1] as Command;
    const args = params.slice(0, -2) as string[];
    const session = await openSession(cmd.optsWithGlobals() as GlobalOptions);
    try {
      await body(session, cmd.opts() as LeafOptions, ...args);
    } finally {
      await session.store.close();
    }
  });
}

/** `a,b` or repeated flags as a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}
