import { describe, expect, it } from 'vitest';
import { previewMeters } from './preview-page';

describe('preview meters from the URL', () => {
  it('reads known meters, clamps them to 0-100 and ignores the rest', () => {
    const params = new URLSearchParams('from=middle&m.trust=140&m.ownership=35.6&m.bogus=3&m.energy=');
    expect(previewMeters(params, ['trust', 'ownership', 'energy'])).toEqual({ trust: 100, ownership: 36 });
  });
});
