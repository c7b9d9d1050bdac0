import { machineEvent, settle, stepTable } from './stepTable.js';
import type { AnyWorkflow } from './Workflow.js';

/**
 * The machine's state after one event, as a fold would move it: the next leaf state (dotted path),
 * eventless transitions followed, or `undefined` when the machine does not accept the event in
 * `value`. Guards see `context` (default: the workflow's initial context). For read models that keep
 * a stream's lifecycle state without folding its context. Pure.
 * @example valueAfter(claim, 'draft', 'ClaimSubmitted', {}, { totalCents: 900 }) // 'submitted'
 */
export const valueAfter = (
  workflow: AnyWorkflow,
  value: string,
  type: string,
  data: unknown,
  context: unknown = workflow.initialContext,
): string | undefined => {
  const next = stepTable(workflow.table, value, context, type, data);
  if (next === undefined || workflow.table.always.size === 0) return next;
  return settle(workflow.table, next, context, () => machineEvent(type, data));
};
