import { describe, expect, it } from 'vitest';
import { selectSuites } from './selectSuites.js';
import type { Suite } from './Suite.js';

const fake = (id: string, needs?: readonly string[]): Suite => ({
  id,
  title: id,
  budgetSeconds: 1,
  ...(needs === undefined ? {} : { needs }),
  run: () => Promise.resolve({ _tag: 'Skipped', reason: 'fake' }),
});
const ALL = [
  fake('sqlite'),
  fake('pg'),
  fake('campaign'),
  fake('F', ['campaign']),
  fake('C', ['campaign']),
  { ...fake('telemetry'), optIn: true },
];
const ids = (only: string | undefined): string[] => {
  const s = selectSuites(ALL, only);
  return s._tag === 'Selected' ? s.suites.map((x) => x.id) : [`unknown:${s.unknown.join(',')}`];
};

describe('selectSuites', () => {
  it('runs every suite without --only', () => {
    expect(ids(undefined)).toEqual(['sqlite', 'pg', 'campaign', 'F', 'C']);
    expect(ids('')).toEqual(['sqlite', 'pg', 'campaign', 'F', 'C']);
  });
  it('runs an opt-in suite only when --only names it', () => {
    expect(ids('telemetry')).toEqual(['telemetry']);
    expect(ids('sqlite,telemetry')).toEqual(['sqlite', 'telemetry']);
  });
  it('adds what a suite needs and keeps the run order, whatever the order asked', () => {
    expect(ids('C,sqlite')).toEqual(['sqlite', 'campaign', 'C']);
    expect(ids('F,C')).toEqual(['campaign', 'F', 'C']);
  });
  it('takes ids in any case and with spaces', () => {
    expect(ids(' PG , f')).toEqual(['pg', 'campaign', 'F']);
  });
  it('names the unknown ids instead of running nothing', () => {
    expect(ids('sqlite,postgres,X')).toEqual(['unknown:postgres,x']);
  });
});
