import { otelApi } from './otelApi.js';

/**
 * Reports `position()` as the observable gauge `strive.subscription.position` ({event}, attribute
 * `strive.subscription` = `name`) at each metric collection, when `@opentelemetry/api` is installed;
 * returns the function that stops reporting it. Register the SDK before starting the worker. Does I/O.
 */
export const observePosition = (name: string, position: () => number): (() => void) => {
  const api = otelApi();
  if (api === undefined) return () => undefined;
  const gauge = api.metrics
    .getMeter('@strive/eventlog')
    .createObservableGauge('strive.subscription.position', {
      unit: '{event}',
      description: 'The global position a leased worker (a reactor, a relay) has committed.',
    });
  const attributes = { 'strive.subscription': name };
  const observe = (result: { observe: (value: number, attrs: typeof attributes) => void }): void =>
    result.observe(position(), attributes);
  gauge.addCallback(observe);
  return () => gauge.removeCallback(observe);
};
