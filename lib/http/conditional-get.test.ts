import { describe, expect, it } from 'vitest';
import { entityTag, ifNoneMatchHits, notModified, REVALIDATE, withEntityTag } from './conditional-get';

const request = (search = '') => new Request(`http://localhost/api/v1/admin/billing/plans${search}`);

describe('entity tags', () => {
  it('is a strong, quoted tag of the version and the query string', () => {
    const tag = entityTag('3:abc', request());
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag('3:abc', request())).toBe(tag);
    expect(entityTag('3:abd', request())).not.toBe(tag);
    expect(entityTag('3:abc', request('?format=json'))).not.toBe(tag);
  });

  it('If-None-Match: *, one tag, a list, weak spellings; nothing else', () => {
    const tag = '"abc"';
    for (const header of ['*', ' * ', '"abc"', 'W/"abc"', '"x", "abc"', 'W/"x",W/"abc"']) expect(ifNoneMatchHits(header, tag), header).toBe(true);
    for (const header of [null, '', 'abc', '"abcd"', '"ab"', 'W/"x"', '"x", *', '"ABC"']) expect(ifNoneMatchHits(header, tag), String(header)).toBe(false);
  });

  it('304 has no body and the validators; only a 200 gets a tag', async () => {
    const response = notModified('"abc"');
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(Object.fromEntries(response.headers)).toEqual({ etag: '"abc"', 'cache-control': REVALIDATE, vary: 'Accept' });
    expect(withEntityTag(new Response('{}'), '"t"').headers.get('etag')).toBe('"t"');
    expect(withEntityTag(new Response('{}', { status: 404 }), '"t"').headers.get('etag')).toBeNull();
  });
});
