import { isChainBroken } from '@strive/eventlog';
import { html, type Html } from './html.js';
import type { ReportPageData } from './ReportPageData.js';

const renderDerived = (derived: ReportPageData['integrity']['derived']): Html => {
  if (derived === undefined)
    return html`<p>
      Snapshots and read models were <strong>not checked</strong> (the chain is broken).
    </p>`;
  if (derived._tag === 'DerivedDiffers')
    return html`<p>
      <strong>Stored ${derived.what} differs from the log</strong>: ${derived.reason}. This page
      shows what the log itself gives, not the stored read models.
    </p>`;
  return html`<p>
    <strong>Derived state checked</strong>: ${derived.snapshots} snapshots and ${derived.documents}
    read-model documents re-derived from the log and equal (report view ${derived.reportView}).
    Everything on this page is folded from the log itself.
  </p>`;
};

/**
 * The tamper-evidence status: the result of re-walking the hash chain, of comparing the stored
 * snapshots and read models with the log, and the log's head (position and hash), with how to check a
 * printed copy against the store later. Pure.
 */
export const renderIntegrity = (integrity: ReportPageData['integrity'], source: string): Html => {
  const { verify, head, derived } = integrity;
  const ok = !isChainBroken(verify) && derived?._tag === 'DerivedChecked';
  return html`<div
    class="${ok ? 'integrity ok' : 'integrity broken'}"
    data-verified="${isChainBroken(verify) ? 'false' : 'true'}"
    data-derived="${derived === undefined ? 'unchecked' : derived._tag === 'DerivedChecked' ? 'equal' : 'differs'}"
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
    ${renderDerived(derived)}
    <dl>
      <dt>head position</dt>
      <dd data-head-position="${head.globalPosition}">${head.globalPosition}</dd>
      <dt>head hash</dt>
      <dd><code class="hash" data-head-hash="${head.hash}">${head.hash}</code></dd>
      <dt>log</dt>
      <dd>${source}</dd>
    </dl>
    <p class="muted">
      To check this copy later, <code>strive verify --db …</code> with
      <code class="hash">--expect-head ${head.hash}</code> must report <code>ok</code> (on a longer
      log it says how many events follow position ${head.globalPosition}).
    </p>
  </div>`;
};
