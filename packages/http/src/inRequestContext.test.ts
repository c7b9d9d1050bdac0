import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createCampaignEngine } from '@strive/campaign';
import { createMemoryEventStore } from '@strive/eventlog';
import { afterAll, describe, expect, it } from 'vitest';
import { createStriveHttp } from './createStriveHttp.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(provider);
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
afterAll(async () => {
  await provider.shutdown();
  propagation.disable();
  trace.disable();
  context.disable();
});

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const parentId = '00f067aa0ba902b7';

const post = (headers: Record<string, string>) =>
  new Request('http://127.0.0.1/commands', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer cc:committee',
      ...headers,
    },
    body: JSON.stringify({
      type: 'LaunchCampaign',
      id: `c-${Object.keys(headers).length}`,
      at: '2010-05-10T09:00:00+08:00',
      actor: { id: 'cc', role: 'committee' },
      campaignId: `zz${Object.keys(headers).length}`,
      title: 'Strive',
      endsAt: '2012-12-31T23:59:59+08:00',
      objectives: ['serve the people'],
      principles: ['seek real results'],
    }),
  });

describe('inRequestContext', () => {
  const store = createMemoryEventStore();
  const http = createStriveHttp({
    engine: createCampaignEngine(store),
    store,
    authenticate: (req) =>
      req.headers.get('authorization') === 'Bearer cc:committee'
        ? { id: 'cc', roles: ['committee'] }
        : undefined,
    rateLimit: false,
  });

  it('continues the trace of an incoming traceparent', async () => {
    const response = await http.fetch(post({ traceparent: `00-${traceId}-${parentId}-01` }));
    expect(response.status).toBe(200);
    const [command] = exporter.getFinishedSpans().filter((s) => s.name === 'strive.command');
    expect(command?.spanContext().traceId).toBe(traceId);
    expect(command?.parentSpanContext?.spanId).toBe(parentId);
  });

  it('starts a new trace without one', async () => {
    exporter.reset();
    expect((await http.fetch(post({}))).status).toBe(200);
    const [command] = exporter.getFinishedSpans().filter((s) => s.name === 'strive.command');
    expect(command?.spanContext().traceId).not.toBe(traceId);
    expect(command?.parentSpanContext).toBeUndefined();
  });
});
