import { isAccepted } from '@strive/engine';
import { createMemoryEventStore } from '@strive/eventlog';
import { createActor } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { createCampaignEngine } from '../createCampaignEngine.js';
import type { CampaignMachineEvent } from '../domain/campaignEvents.js';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignWorkflow } from '../workflows/campaignWorkflow.js';
import { campaignMachine } from './campaignMachine.js';

// Model-based: xstate/graph walks the campaign machine; each event becomes the command producing it,
// run through the engine; the campaign stream must end in the model's state. CommendationRecorded is
// covered by the subject model (Commend appends it to the campaign stream).

const T = '2011-01-01T00:00:00+08:00';
const ENDS = '2012-12-31T23:59:59+08:00';
const events: CampaignMachineEvent[] = [
  {
    type: 'CampaignLaunched',
    campaignId: 'c',
    title: 't',
    endsAt: ENDS,
    objectives: ['o'],
    principles: ['p'],
    policy: DEFAULT_POLICY,
  },
  {
    type: 'ImplementationOpinionsPublished',
    document: { title: 't', issuedBy: 'c' },
    policy: DEFAULT_POLICY,
  },
  { type: 'LeadingGroupEstablished', members: [{ id: 'l', name: 'n', title: 't' }] },
  { type: 'PhaseAdvanced', from: 'mobilizing', to: 'committing' },
  { type: 'PhaseAdvanced', from: 'committing', to: 'evaluating' },
  { type: 'PhaseAdvanced', from: 'evaluating', to: 'commending' },
  { type: 'PhaseAdvanced', from: 'commending', to: 'concluded' },
  { type: 'PhaseAdvanced', from: 'mobilizing', to: 'evaluating' },
  { type: 'OrganizationRegistered', orgId: 'o', name: 'n', category: 'urban', secretary: null },
  { type: 'OrganizationSecretaryChanged', orgId: 'o', secretary: { id: 's', name: 'n' } },
  { type: 'CampaignConcluded', from: 'mobilizing', concludedAt: T, reason: 'deadline' },
];

const run = async (steps: readonly CampaignMachineEvent[]) => {
  const engine = createCampaignEngine(createMemoryEventStore());
  let clock = Date.parse(T);
  let n = 0;
  let status = 'unlaunched';
  let orgs = 0;
  const committee = { id: 'cc', role: 'committee' };
  const send = async (type: string, fields: object, at = clock) => {
    clock = Math.max(clock, at) + 3_600_000;
    const o = await engine.handle({
      type,
      id: `k${++n}`,
      at: new Date(clock).toISOString(),
      actor: committee,
      campaignId: 'c',
      ...fields,
    });
    if (!isAccepted(o)) throw new Error(`${type} refused: ${JSON.stringify(o)}`);
  };
  for (const e of steps) {
    switch (e.type) {
      case 'CampaignLaunched':
        await send('LaunchCampaign', {
          title: 't',
          endsAt: ENDS,
          objectives: ['o'],
          principles: ['p'],
        });
        // Setup that leaves the model state as it is: an organization whose secretary can change later.
        await send('EnrollOrganization', { orgId: `o${++orgs}`, name: 'n', category: 'rural' });
        status = 'mobilizing';
        break;
      case 'ImplementationOpinionsPublished':
        await send('PublishImplementationOpinions', {
          document: { title: 't', issuedBy: 'c' },
          policy: { minEvaluators: 3 },
        });
        break;
      case 'LeadingGroupEstablished':
        await send('EstablishLeadingGroup', { members: [{ id: 'l', name: 'n', title: 't' }] });
        break;
      case 'PhaseAdvanced':
        await send('AdvancePhase', { to: e.to });
        status = e.to;
        break;
      case 'OrganizationRegistered':
        await send('EnrollOrganization', { orgId: `o${++orgs}`, name: 'n', category: 'rural' });
        break;
      case 'OrganizationSecretaryChanged':
        await send('AssignFirstResponsible', {
          orgId: 'o1',
          secretary: { id: `s${n}`, name: 'n' },
        });
        break;
      case 'CampaignConcluded':
        await send('ConcludeCampaign', {}, status === 'commending' ? clock : Date.parse(ENDS));
        break;
      case 'CommendationRecorded':
        throw new Error('not explored here');
    }
  }
  return (await engine.load(campaignWorkflow, 'campaign-c')).value;
};

const cases = getShortestPaths(campaignMachine, { events }).flatMap((path) =>
  events
    .filter((e) => campaignMachine.getTransitionData(path.state, e).length > 0)
    .map((e) => {
      const steps = [...path.steps.map((s) => s.event), e].filter(
        (x): x is CampaignMachineEvent => !x.type.startsWith('xstate.'),
      );
      const actor = createActor(campaignMachine).start();
      for (const s of steps) actor.send(s);
      const label = e.type === 'PhaseAdvanced' ? `PhaseAdvanced(${e.to})` : e.type;
      return {
        name: `${String(path.state.value)} --${label}-->`,
        steps,
        expected: String(actor.getSnapshot().value),
      };
    }),
);

describe('the campaign lifecycle, model-based', () => {
  it('reaches every phase', () => {
    expect(new Set(cases.map((c) => c.expected))).toEqual(
      new Set(['mobilizing', 'committing', 'evaluating', 'commending', 'concluded']),
    );
  });
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s reaches the model state through the engine',
    async (_n, c) => {
      expect(await run(c.steps)).toBe(c.expected);
    },
  );
  it('has a simple path to concluded from every phase (the deadline) and phases only move forward', () => {
    const toConcluded = getSimplePaths(campaignMachine, { events }).filter(
      (p) => p.state.value === 'concluded',
    );
    const from = new Set(toConcluded.map((p) => String(p.steps.at(-2)?.state.value)));
    expect(from).toEqual(new Set(['mobilizing', 'committing', 'evaluating', 'commending']));
  });
});
