import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { freePort } from '../support/free-port';

/** The Playground's mock tenant as GET /_internal/v1/config describes it. */
export interface PlaygroundConfig {
  currentUser: { id: string; name: string; aadObjectId: string };
  personalChat: { id: string };
  teams: Array<{ id: string; channels: Array<{ id: string; name: string }> }>;
}

/** A message the Playground shows (a WebSocket createMessage / updateMessage frame). */
export interface PlaygroundFrame {
  action: 'createMessage' | 'updateMessage' | string;
  actionConversationId: string;
  message: {
    messageId: string;
    text?: string;
    attachments?: Array<{ contentType: string; content: unknown }>;
    from?: { id: string };
  };
}

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

/** A loaded machine starts the Playground slowly; it still must start. */
const START_TIMEOUT_MS = 75_000;

/**
 * Microsoft 365 Agents Playground (the local Teams emulator) driven through its HTTP + WebSocket
 * interface: it sends user activities to the bot, acts as the Bot Connector for the bot's replies,
 * proactive posts and updates, and reports what it shows on the WebSocket.
 */
export class PlaygroundClient {
  readonly frames: PlaygroundFrame[] = [];
  config!: PlaygroundConfig;
  private ws!: WebSocket;
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  /** Starts the CLI on a free port (telemetry off, no browser) against `botEndpoint`. */
  static async start(botEndpoint: string, log: (line: string) => void = () => undefined): Promise<PlaygroundClient> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        CLI,
        '-e',
        botEndpoint,
        '-c',
        'msteams',
        '-p',
        String(port),
        '--su',
        `http://127.0.0.1:${port}/_connector`,
        '--disable-telemetry',
      ],
      {
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const client = new PlaygroundClient(child, `http://127.0.0.1:${port}`);
    // If the test process ends without stop() (a crash, a killed worker), take the Playground with it.
    process.once('exit', client.killOnExit);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the Playground did not start within ${START_TIMEOUT_MS} ms`)),
          START_TIMEOUT_MS,
        );
        child.stdout?.on('data', (chunk: Buffer) => {
          log(chunk.toString());
          if (/Listening on/.test(chunk.toString())) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
        child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the Playground exited with ${code}`))));
      });
      client.config = (
        (await (await fetch(`${client.baseUrl}/_internal/v1/config`)).json()) as { config: PlaygroundConfig }
      ).config;
      client.ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
      client.ws.on('message', (data) => {
        client.frames.push(JSON.parse(data.toString()) as PlaygroundFrame);
        for (const wake of client.waiters.splice(0)) wake();
      });
      await new Promise<void>((resolve, reject) => {
        client.ws.once('open', () => resolve());
        client.ws.once('error', reject);
      });
    } catch (error) {
      // A Playground that failed to start is stopped here: the test never got a client to stop.
      await client.stop();
      throw error;
    }
    return client;
  }

  private async call(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** Installs the bot in a conversation (installationUpdate + conversationUpdate to the bot). */
  install(conversationId: string): Promise<{ status: number }> {
    return this.call(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /** The current user types `text` in a conversation. */
  say(conversationId: string, text: string): Promise<{ status: number; body: unknown }> {
    return this.call(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: this.config.currentUser.id },
      text,
      textFormat: 'plain',
    });
  }

  /** The current user clicks an Action.Execute on the card of message `messageId`. */
  async execute(
    conversationId: string,
    messageId: string,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }> {
    return this.call('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
      from: { id: this.config.currentUser.id },
      conversation: { id: conversationId },
      replyToId: messageId,
    });
  }

  /** The first frame (from `since` on) matching `predicate`, waiting up to `timeoutMs`. */
  async waitFor(predicate: (frame: PlaygroundFrame) => boolean, since = 0, timeoutMs = 60_000): Promise<PlaygroundFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(since).find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no Playground frame matched within ${timeoutMs} ms; frames: ${JSON.stringify(this.frames.slice(since)).slice(0, 2000)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private readonly killOnExit = (): void => {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  };

  /** Stops the Playground: SIGTERM, then SIGKILL if it is still there after 5 s. */
  async stop(): Promise<void> {
    this.ws?.close();
    process.removeListener('exit', this.killOnExit);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
