import { describe, expect, it } from 'vitest';
import { connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS } from './connectTimeout.js';

describe('connectTimeoutMs', () => {
  it('takes the option, else the URL (seconds), else 5 s, and refuses a malformed URL value', () => {
    expect(connectTimeoutMs('postgres://h/db?connect_timeout=3', 250)).toBe(250);
    expect(connectTimeoutMs('postgres://h/db?sslmode=disable&connect_timeout=3', undefined)).toBe(
      3000,
    );
    expect(connectTimeoutMs('postgres://h/db?connect_timeout=0', undefined)).toBe(0);
    expect(connectTimeoutMs('postgres://h/db', undefined)).toBe(DEFAULT_CONNECT_TIMEOUT_MS);
    expect(DEFAULT_CONNECT_TIMEOUT_MS).toBe(5000);
    expect(() => connectTimeoutMs('postgres://h/db?connect_timeout=2.5', undefined)).toThrow(
      /whole seconds/,
    );
  });
});
