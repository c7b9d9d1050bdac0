import { describe, expect, it } from 'vitest';
import { createStreamQueue } from './streamQueue.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createStreamQueue', () => {
  it('runs one at a time per stream, in arrival order, and streams apart side by side', async () => {
    const queue = createStreamQueue();
    const log: string[] = [];
    const job = (name: string, ids: string[]) =>
      queue.run(ids, async () => {
        log.push(`${name}+`);
        await tick();
        await tick();
        log.push(`${name}-`);
      });
    await Promise.all([job('a', ['s1']), job('b', ['s1']), job('c', ['s2']), job('d', ['s1'])]);
    expect(log.filter((e) => !e.startsWith('c'))).toEqual(['a+', 'a-', 'b+', 'b-', 'd+', 'd-']);
    // c, on another stream, started before a ended.
    expect(log.indexOf('c+')).toBeLessThan(log.indexOf('a-'));
    expect(queue.queued('s1')).toBe(0);
  });

  it('counts the runs waiting for or holding a stream, and frees it after a throw', async () => {
    const queue = createStreamQueue();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = queue.run(['s'], () => gate);
    const second = queue.run(['s'], () => Promise.reject(new Error('boom')));
    await tick();
    expect(queue.queued('s')).toBe(2);
    release();
    await first;
    await expect(second).rejects.toThrow('boom');
    expect(queue.queued('s')).toBe(0);
    expect(await queue.run(['s'], () => Promise.resolve(7))).toBe(7);
  });

  it('takes several streams in sorted order, so two runs naming them in opposite orders both finish', async () => {
    const queue = createStreamQueue();
    const done = await Promise.all([
      queue.run(['x', 'y'], async () => (await tick(), 'xy')),
      queue.run(['y', 'x'], async () => (await tick(), 'yx')),
    ]);
    expect(done).toEqual(['xy', 'yx']);
  });
});
