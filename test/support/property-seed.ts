/**
 * The one seed every fast-check property runs with, so a run on a loaded machine replays exactly the
 * cases of a run on an idle one. `FC_SEED=<n>` explores other cases; a failure report names the seed
 * and path to replay ("seed: 20260301, path: ..."), and the counterexample it found is then pinned as
 * an `examples` entry of that property.
 */
export const PROPERTY_SEED = process.env.FC_SEED === undefined ? 20260301 : Number(process.env.FC_SEED);
