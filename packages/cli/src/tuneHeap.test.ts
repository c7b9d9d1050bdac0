import { describe, expect, it } from 'vitest';
import { choosesPretenuring } from './tuneHeap.js';

describe('choosesPretenuring', () => {
  it('sees node flags that choose allocation-site pretenuring either way', () => {
    for (const flag of [
      '--allocation-site-pretenuring',
      '--no-allocation-site-pretenuring',
      '--allocation_site_pretenuring',
      '--no-allocation_site_pretenuring',
      '--allocation-site-pretenuring=false',
    ])
      expect(choosesPretenuring(['--enable-source-maps', flag]), flag).toBe(true);
  });

  it('ignores every other flag, and flags that only start alike', () => {
    expect(choosesPretenuring([])).toBe(false);
    expect(choosesPretenuring(['--max-old-space-size=4096', '--cpu-prof'])).toBe(false);
    expect(choosesPretenuring(['--allocation-site-pretenuring-extra'])).toBe(false);
    expect(choosesPretenuring(['--trace-pretenuring'])).toBe(false);
  });
});
