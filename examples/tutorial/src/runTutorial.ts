import { createEngine } from '@strive/engine';
import { verify, type EventStore } from '@strive/eventlog';
import { claimCommands } from './claimCommands.js';
import { claimsProjection } from './claimsProjection.js';
import { describeOutcome } from './describeOutcome.js';
import { tutorialCommands } from './tutorialCommands.js';

/**
 * Handles the tutorial's commands on `store`, then prints the claims list and checks the hash chain.
 * Does I/O (the store, and `print`).
 */
export const runTutorial = async (
  store: EventStore,
  print: (line: string) => void,
): Promise<void> => {
  const engine = createEngine({ store, commands: claimCommands, projections: [claimsProjection] });
  for (const command of tutorialCommands) print(describeOutcome(await engine.handle(command)));

  const claims = await engine.project(claimsProjection);
  for (const { key, value } of await claims.all())
    print(
      `${key}: ${value.title}, ${value.state}, ${value.totalCents} cents, reviewed by ${value.reviewedBy}`,
    );

  const chain = await verify(store);
  print(
    chain._tag === 'ChainVerified'
      ? `chain verified: ${chain.events} events`
      : `chain broken: ${JSON.stringify(chain)}`,
  );
};
