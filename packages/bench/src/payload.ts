import type { NewEvent } from '@strive/eventlog';

const CENTRAL_TASKS = [
  'scientific development',
  'social harmony',
  'serving the people',
  'base-level organizations',
];
const METRICS = ['households visited', 'volunteer hours', 'cases resolved', 'trainings held'];

/** A deterministic UUID (v4 layout) for event `n` of a run `salt`. Pure. */
const benchEventId = (salt: number, n: number): string =>
  `${salt.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * A realistic event of 200-400 bytes of canonical data: a member's published commitment with pledge
 * text, a target and the five evaluation criteria. Pure.
 */
export const commitmentEvent = (salt: number, n: number): NewEvent => ({
  eventId: benchEventId(salt, n),
  type: 'CommitmentPublished',
  data: {
    subject: { kind: 'member', id: `member-${n % 997}` },
    pledges: [
      {
        id: `pledge-${n}`,
        text: `Visit ${(n % 7) + 2} elderly households each week and record their needs (${n}).`,
        centralTask: CENTRAL_TASKS[n % CENTRAL_TASKS.length] ?? 'serving the people',
        target: {
          metric: METRICS[n % METRICS.length] ?? 'volunteer hours',
          value: (n % 40) + 10,
          unit: 'per month',
        },
        due: '2011-06-30T00:00:00+08:00',
      },
    ],
    criteria: ['learning', 'dedication', 'service', 'lawAbiding', 'integrity'],
  },
  metadata: {
    at: '2010-05-11T09:30:00+08:00',
    actor: { id: `member-${n % 997}`, role: 'member' },
    commandId: benchEventId(salt + 1, n),
  },
});
