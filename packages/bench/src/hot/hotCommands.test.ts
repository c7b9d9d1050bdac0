import { describe, expect, it } from 'vitest';
import { hotCampaign, hotCommand } from './hotCommands.js';
import { writerArgs } from './writerArgs.js';

describe('W6 commands', () => {
  it('sets the campaign up to its evaluating phase, then evaluates one subject by new evaluators', () => {
    const { setup, template } = hotCampaign();
    expect(setup.map((c) => c['type'])).not.toContain('SubmitEvaluation');
    expect(setup.filter((c) => c['type'] === 'AdvancePhase').length).toBeGreaterThan(0);
    const a = hotCommand(template, 0, 1);
    const b = hotCommand(template, 1, 0);
    expect(a).toMatchObject({ type: 'SubmitEvaluation', id: 'hot-w0-1', evaluatorId: 'hot-w0-1' });
    expect(a['actor']).toEqual({ id: 'hot-w0-1', role: 'public' });
    expect(b['subject']).toEqual(a['subject']);
    expect(b['id']).not.toBe(a['id']);
  });

  it('reads a writer its arguments, and refuses a bad side', () => {
    const args = {
      side: 'raw',
      url: 'postgres://x',
      schema: 's',
      writer: 2,
      seconds: 4,
      poolSize: 3,
      warmup: 0,
    };
    expect(writerArgs(JSON.stringify(args))).toEqual(args);
    expect(() => writerArgs(JSON.stringify({ ...args, side: 'both' }))).toThrow(/side/);
  });
});
