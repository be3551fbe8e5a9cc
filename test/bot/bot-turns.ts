import { TestAdapter, type Activity } from 'botbuilder';
import type { BotHarness } from './bot-harness';

/** Runs one activity through the bot on a TestAdapter and returns what the bot sent. */
export async function testTurn(h: BotHarness, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter(async (context) => {
    await h.bot.run(context);
  });
  await adapter.send(activity).startTest();
  const sent: Partial<Activity>[] = [];
  while (adapter.activeQueue.length > 0) sent.push(adapter.activeQueue.shift() as Partial<Activity>);
  return sent;
}

/** The invoke response body of an Action.Execute turn. */
export async function invokeTurn(
  h: BotHarness,
  activity: Partial<Activity>,
): Promise<{ statusCode: number; type: string; value: unknown }> {
  const sent = await testTurn(h, activity);
  const response = sent.find((a) => a.type === 'invokeResponse');
  if (!response) throw new Error(`no invoke response: ${JSON.stringify(sent)}`);
  const { status, body } = response.value as { status: number; body: { statusCode: number; type: string; value: unknown } };
  if (status !== 200) throw new Error(`invoke status ${status}: ${JSON.stringify(body)}`);
  return body;
}
