import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeHtml } from '../src/lib/util/html.ts';

describe('escapeHtml', () => {
  it('escapes & < > " as named references, & first, and leaves the apostrophe', () => {
    expect(escapeHtml(`a < b & "c" > d's &amp;`)).toBe(`a &lt; b &amp; &quot;c&quot; &gt; d's &amp;amp;`);
  });

  it('writes numeric references, apostrophe included, when asked', () => {
    expect(escapeHtml(`<b>&"'`, { numeric: true })).toBe('&#60;b&#62;&#38;&#34;&#39;');
  });

  it('leaves Chinese text as it is', () => {
    expect(escapeHtml('张家口市「法治」')).toBe('张家口市「法治」');
  });
});

describe('escapeAttribute', () => {
  it('escapes only & and "', () => {
    expect(escapeAttribute(`a<b>&"c"'`)).toBe(`a<b>&amp;&quot;c&quot;'`);
  });
});
