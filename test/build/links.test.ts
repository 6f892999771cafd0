import { describe, expect, it } from 'vitest';
import { checkInternalLinks } from '../support/links.ts';

// The same check runs over a glossary split into list pages in test/build/list-pages.test.ts.
describe('internal links', () => {
  it('every internal href, src, srcset and #fragment resolves', () => {
    const { broken, checked, pages } = checkInternalLinks();
    expect(checked).toBeGreaterThan(pages.length);
    expect(broken).toEqual([]);
  });
});
