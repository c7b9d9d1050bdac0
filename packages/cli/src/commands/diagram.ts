import { campaignMachine, subjectMachine } from '@strive/campaign';
import { CliError } from '../CliError.js';
import type { Io } from '../Io.js';
import { machineToMermaid, type DiagramNode } from '../machineToMermaid.js';

/** The workflows `strive diagram` knows, by name. */
const WORKFLOW_MACHINES: Readonly<Record<string, { readonly root: DiagramNode }>> = {
  campaign: campaignMachine,
  subject: subjectMachine,
};

/** `strive diagram WORKFLOW`: the workflow's state machine as a Mermaid state diagram. Does I/O (prints). */
export const diagram = (io: Io, workflow: string, format: string): number => {
  if (format !== 'mermaid') throw new CliError(`--format must be mermaid (got "${format}")`);
  const machine =
    workflow === 'campaign' || workflow === 'subject' ? WORKFLOW_MACHINES[workflow] : undefined;
  if (machine === undefined)
    throw new CliError(
      `unknown workflow "${workflow}"; known: ${Object.keys(WORKFLOW_MACHINES).join(', ')}`,
    );
  io.out(machineToMermaid(machine.root));
  return 0;
};
