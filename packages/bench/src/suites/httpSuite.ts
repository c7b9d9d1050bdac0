import { directRate, emptyRate, httpCommands, httpRate } from '../http/httpWorkload.js';
import { measuredSection } from '../run/measuredSection.js';
import type { Suite, SuiteRun } from '../run/Suite.js';
import { spread, spreadFixed } from '../stats.js';

/** Options of the HTTP adapter suite. */
export interface HttpOptions extends SuiteRun {
  readonly scale: number;
}

/**
 * H1: commands/s through `POST /commands` of `@strive/http` on loopback against `engine.handle`
 * directly, alternating sides in the same run, both on a fresh memory store (so the ratio shows the
 * adapter's whole cost: HTTP parsing, the Fetch bridge, the client). No goal. Does I/O (loopback).
 */
export const httpSuite = (o: HttpOptions): Suite => ({
  id: 'http',
  title: 'H1: POST /commands (@strive/http, loopback) vs engine.handle',
  budgetSeconds: 60,
  run: async (log) => {
    const started = o.date();
    const commands = httpCommands(Math.max(100, Math.round(2000 * o.scale)));
    const direct: number[] = [];
    const http: number[] = [];
    const empty: number[] = [];
    const ratios: number[] = [];
    const ofFloor: number[] = [];
    await httpRate(commands.slice(0, 100)); // warm-up, unmeasured
    for (let run = 0; run < o.runs; run += 1) {
      const d = await directRate(commands);
      const h = await httpRate(commands);
      const e = await emptyRate(commands);
      direct.push(d);
      http.push(h);
      empty.push(e);
      ratios.push(h / d);
      ofFloor.push(h / e);
      log(
        `H1 run ${run + 1}: direct ${d.toFixed(0)}/s, http ${h.toFixed(0)}/s, empty ${e.toFixed(0)}/s`,
      );
    }
    const row = `| H1 | ${commands.length} | ${spreadFixed(spread(direct), 0)} | ${spreadFixed(spread(http), 0)} | ${spreadFixed(spread(empty), 0)} | ${spreadFixed(spread(ratios), 2)} | ${spreadFixed(spread(ofFloor), 2)} |`;
    const table = [
      '| workload | commands | engine.handle /s | POST /commands /s | empty handler /s | POST / handle | POST / empty |',
      '| -------- | -------: | ---------------: | ----------------: | ---------------: | ------------: | -----------: |',
      row,
    ].join('\n');
    const markdown = measuredSection({
      heading: '## H1: `@strive/http` on loopback vs `engine.handle`',
      started,
      command: o.command,
      context: [
        `(${o.runs} runs). The first ${commands.length} commands of a synthetic campaign, one after another,`,
        'each by its own actor: `engine.handle(body, { principal, now })` directly, and `POST /commands`',
        'to `@strive/http` mounted in `node:http` (`getRequestListener`) on 127.0.0.1 with a `fetch`',
        'client in the same process (its CPU counts), a header authenticator (no JWT crypto) and the',
        'rate limiter on. Both on a fresh memory store, so the ratio is the whole adapter cost at its',
        'largest. "empty handler": the same requests to a Fetch handler that only reads the body (the',
        'floor of bridge, loopback and client). Ratios per run; medians [min-max]. No goal.',
      ],
      table,
    });
    return {
      _tag: 'Done',
      text: table,
      markdown,
      figures: [
        {
          suite: 'http',
          what: 'H1: POST /commands / engine.handle',
          value: spreadFixed(spread(ratios), 2),
          goal: null,
        },
        {
          suite: 'http',
          what: 'H1: POST /commands / empty Fetch handler',
          value: spreadFixed(spread(ofFloor), 2),
          goal: null,
        },
      ],
      notes: o.scale === 1 ? [] : [`H1 at scale ${o.scale}`],
    };
  },
});
