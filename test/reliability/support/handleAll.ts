import type { Engine } from '../../../packages/engine/src/index.js';
import type { Command } from './campaignScript.js';

/**
 * Handles commands in order and insists that each is accepted (a scenario's set-up must not be refused:
 * a refusal there would make the test prove nothing). Does I/O through the engine.
 */
export const handleAll = async (engine: Engine, commands: readonly Command[]): Promise<void> => {
  for (const c of commands) {
    const outcome = await engine.handle(c);
    if (outcome._tag !== 'Accepted')
      throw new Error(
        `set-up command ${c.id} ${c.type} was not accepted: ${JSON.stringify(outcome)}`,
      );
  }
};
