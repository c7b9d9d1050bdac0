import { createEngine, type Engine, type EngineOptions } from '@strive/engine';
import type { EventStore } from '@strive/eventlog';
import { campaignCommands } from './commands/campaignCommands.js';
import { campaignProjections } from './projections/campaignProjections.js';

/** Options of `createCampaignEngine`: any engine option but the store and the commands. */
export type CampaignEngineOptions = Omit<EngineOptions, 'store' | 'commands'>;

/**
 * An engine that handles every campaign command of docs/campaign.md over `store`, with the campaign's
 * projections (report, timelines, exemplars) registered. Does no I/O until used.
 * @example
 * const engine = createCampaignEngine(createMemoryEventStore());
 * const outcome = await engine.handle({ type: 'LaunchCampaign', id: 'c1', at: '2010-05-10T09:00:00+08:00',
 *   actor: { id: 'cc', role: 'committee' }, campaignId: 'zz2010', title: '...', endsAt: '2012-12-31T23:59:59+08:00',
 *   objectives: ['serve the people'], principles: ['seek real results'] });
 */
export const createCampaignEngine = (
  store: EventStore,
  options: CampaignEngineOptions = {},
): Engine =>
  createEngine({
    projections: campaignProjections,
    ...options,
    store,
    commands: campaignCommands,
  });
