export {
  createStriveHttp,
  DEFAULT_MAX_BODY_BYTES,
  type StriveHttp,
  type StriveHttpOptions,
} from './createStriveHttp.js';
export { statusOf, type ErrorBody } from './outcomeResponse.js';
export {
  createRateLimiter,
  type RateDecision,
  type RateLimiter,
  type RateLimitOptions,
} from './createRateLimiter.js';
export { sseFrame, type EventStreamOptions } from './eventStream.js';
export { isJsonContentType } from './readJsonBody.js';
