/**
 * Graph `Prefer` value asking for immutable ids: Exchange otherwise gives a message a new id when it
 * moves folder (a draft sent to Sent Items, a message a user files away), and the id we remembered 404s.
 */
export const IMMUTABLE_IDS = 'IdType="ImmutableId"';
