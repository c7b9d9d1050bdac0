import { subjectStreamId, type ReportSubject, type TimelineEntry } from '@strive/campaign';
import { html, type Html } from './html.js';
import { pagedTable } from './pagedTable.js';
import { showShare, showTime } from './Section.js';

const table = (streamId: string, entries: readonly TimelineEntry[]): Html =>
  pagedTable(
    `timeline-${streamId}`,
    'timeline',
    html`<tr>
      <th class="num">#</th>
      <th>time</th>
      <th>event</th>
      <th>by</th>
      <th>command</th>
    </tr>`,
    entries.map((e) => [
      e.position,
      showTime(e.at),
      e.type,
      e.actor === null ? '–' : `${e.actor.role} ${e.actor.id}`,
      e.commandId ?? '–',
    ]),
  );

/**
 * A stream's timeline on demand: a `<details>` element (works without JavaScript) whose summary names
 * the stream and whose table lists each recorded event: position, time, type, actor, command id.
 * Refused commands never reach the log, so they are not here. Pure.
 */
export const renderTimeline = (
  summary: Html,
  streamId: string,
  entries: readonly TimelineEntry[],
): Html =>
  html`<details class="stream" data-stream="${streamId}">
    <summary>
      ${summary} <small>${entries.length} ${entries.length === 1 ? 'event' : 'events'}</small>
    </summary>
    ${entries.length === 0 ? html`<p class="muted">no events</p>` : table(streamId, entries)}
  </details>`;

/** The subjects of a campaign, each with its state, turnout, satisfaction and timeline on demand. Pure. */
export const renderSubjectTimelines = (
  subjects: readonly ReportSubject[],
  timelines: ReadonlyMap<string, readonly TimelineEntry[]>,
): Html =>
  html`<div class="timelines">
    ${subjects.map((s) => {
      const stream = subjectStreamId(s.campaignId, s);
      return renderTimeline(
        html`<strong>${s.name}</strong> <span class="tag">${s.kind} ${s.id}</span>
          <span class="${`state state-${s.state}`}">${s.state}</span>
          <span class="muted"
            >${s.evaluators} evaluators, ${showShare(s.satisfaction)} satisfied</span
          >`,
        stream,
        timelines.get(stream) ?? [],
      );
    })}
  </div>`;
