// The Adaptive Cards SDK (Microsoft's own object model, v3, schema 1.6): parsing a card reports unknown
// elements, actions and bad values; validating it reports what a host would refuse (an empty choice
// set, duplicate ids, a missing required property). The dist bundle loads in Node without a DOM.
import * as AC from 'adaptivecards/dist/adaptivecards.js';

/** The SDK's parse and validation messages for `json` (empty when a Teams client can render it). */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json as AC.PropertyBag, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
