import fc from 'fast-check';

/**
 * Seeds every fast-check property of the suite (a vitest setup file, listed in vitest.config.ts and
 * vitest.mutation.config.ts): a run is reproducible, and a failing property's message names the seed
 * and path to replay it. `STRIVE_FC_SEED=<integer>` runs the properties under another seed;
 * `STRIVE_FC_SEED=random` draws one and prints it. A property given its own `seed` keeps it. Does I/O
 * (reads the environment, may print).
 */
export const DEFAULT_FC_SEED = 20100510;

const raw = process.env['STRIVE_FC_SEED'];
const seed =
  raw === undefined || raw === ''
    ? DEFAULT_FC_SEED
    : raw === 'random'
      ? Math.floor(Math.random() * 2 ** 31)
      : Number(raw);
if (!Number.isSafeInteger(seed))
  throw new Error(`STRIVE_FC_SEED must be an integer or "random", got ${JSON.stringify(raw)}`);
if (raw === 'random') console.log(`fast-check seed ${seed} (replay with STRIVE_FC_SEED=${seed})`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
