import { isChainBroken } from '@strive/eventlog';
import { html, type Html } from './html.js';
import type { ReportPageData } from './ReportPageData.js';

/**
 * The tamper-evidence status: the result of re-walking the hash chain and the log's head (position and
 * hash), with how to check a printed copy against the store later. Pure.
 */
export const renderIntegrity = (integrity: ReportPageData['integrity'], source: string): Html => {
  const { verify, head } = integrity;
  return html`<div
    class="${isChainBroken(verify) ? 'integrity broken' : 'integrity ok'}"
    data-verified="${isChainBroken(verify) ? 'false' : 'true'}"
  >
    ${
      isChainBroken(verify)
        ? html`<p>
            <strong>Chain broken</strong> at global position ${verify.globalPosition} (stream
            ${verify.streamId}, position ${verify.streamPosition}): ${verify.reason}.
          </p>`
        : html`<p>
            <strong>Chain verified</strong>: ${verify.events} events, every hash recomputed and
            linked.
          </p>`
    }
    <dl>
      <dt>head position</dt>
      <dd data-head-position="${head.globalPosition}">${head.globalPosition}</dd>
      <dt>head hash</dt>
      <dd><code class="hash" data-head-hash="${head.hash}">${head.hash}</code></dd>
      <dt>log</dt>
      <dd>${source}</dd>
    </dl>
    <p class="muted">
      To check this copy later: <code>strive verify --json --db …</code> must report <code>ok</code>
      with the same head hash once the log has these ${head.globalPosition} events (or, on a longer
      log,
      <code>strive export</code> shows this hash at position ${head.globalPosition}).
    </p>
  </div>`;
};
