// Quality gates on the built sample, the fixture (base path /paper/) and the e-paper fixture: every page is valid HTML, every link
// and resource of pages, stylesheets, feeds and sitemaps resolves to a built file (fragments to an element), and
// the `_headers` file gives every built file exactly one caching policy and the security headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { allFiles, isRedirectStub, type BuiltSite } from '../../tools/site-check/dist-fs.ts';
import { brokenLinks, urlOf } from '../../tools/site-check/link-check-fs.ts';
import {
  CACHE_ENTRY,
  CACHE_IMMUTABLE,
  CACHE_PAGE,
  CONTENT_SECURITY_POLICY,
  EDITOR_CONTENT_SECURITY_POLICY,
  headersFor,
  parseHeadersFile,
} from '../../src/lib/seo/headers.ts';

const sites: Record<string, BuiltSite> = {
  sample: { out: inject('sampleOut'), base: '/', origin: 'https://example.org' },
  fixture: { out: inject('fixtureOut'), base: '/paper/', origin: 'https://example.org' },
  // The e-paper fixture: its page views, their pictures and PDFs.
  epaper: { out: inject('epaperOut'), base: '/', origin: 'https://example.org' },
};

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Facet checkboxes share a name on purpose: a GET form sends them as ?county=a&county=b.
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
  },
});

for (const [name, site] of Object.entries(sites)) {
  describe(`the built ${name} site`, () => {
    const files = allFiles(site.out);
    const read = (file: string) => readFileSync(join(site.out, file), 'utf8');
    const pages = files.filter((f) => f.endsWith('.html') && !isRedirectStub(read(f)));

    it('has no HTML errors on any page (html-validate)', async () => {
      expect(pages.length).toBeGreaterThan(10);
      const problems: string[] = [];
      for (const file of pages) {
        const report = await validator.validateString(read(file), file);
        for (const result of report.results)
          for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
      expect(problems).toEqual([]);
    });

    it('has no broken internal link, resource, feed or sitemap entry', () => {
      const { broken, checked } = brokenLinks(site);
      expect(broken).toEqual([]);
      expect(checked).toBeGreaterThan(500);
    });

    it('links feeds, sitemaps and downloads from where readers and crawlers look for them', () => {
      const home = read('index.html');
      expect(home).toContain(`<link rel="alternate" type="application/rss+xml" title="河北法制报" href="${site.base}rss.xml">`);
      expect(home).toContain(`<link rel="alternate" type="application/feed+json" title="河北法制报" href="${site.base}feed.json">`);
      expect(home).toMatch(new RegExp(`href="${site.base}downloads/\\d{4}-\\d{2}-\\d{2}\\.zip"`));
      expect(read('robots.txt')).toContain(`Sitemap: ${site.origin}${site.base}sitemap-index.xml`);
    });

    it('gives every built file one caching policy and the security headers (_headers)', () => {
      const rules = parseHeadersFile(read('_headers'));
      const wrong: string[] = [];
      for (const file of files) {
        if (file === '_headers' || file === '_redirects') continue;
        const headers = headersFor(rules, urlOf(site, file).pathname);
        const searchIndex = /^pagefind(-[\w-]+)?\//.test(file);
        const expected =
          file.startsWith('_astro/') || (searchIndex && /^[^/]+\/(index|fragment|filter)\//.test(file))
            ? CACHE_IMMUTABLE
            : searchIndex
              ? undefined
              : CACHE_PAGE;
        const cache = headers['cache-control'];
        if (expected ? cache !== expected : cache !== CACHE_ENTRY && cache !== CACHE_IMMUTABLE)
          wrong.push(`${file}: Cache-Control ${cache}`);
        // One policy per file: the site's, or the web editor's under admin/.
        const csp = headers['content-security-policy'];
        if (csp !== (file.startsWith('admin/') ? EDITOR_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY))
          wrong.push(`${file}: CSP ${csp}`);
      }
      expect(wrong).toEqual([]);
      expect(headersFor(rules, `${site.base}pagefind/pagefind-entry.json`)['cache-control']).toBe(CACHE_ENTRY);
    });
  });
}

describe('moved URLs (the fixture declares one in redirects.yaml)', () => {
  const site = sites['fixture']!;
  const old = '2022/04/19/dian-dong-che/index.html';

  it('forward from the old URL to the new one under the base path, on any host', () => {
    const stub = readFileSync(join(site.out, old), 'utf8');
    expect(stub).toContain('content="0;url=/paper/2022/04/19/dian-dong-che-zhuan-xiang/"');
    expect(readFileSync(join(site.out, '_redirects'), 'utf8')).toContain(
      '/paper/2022/04/19/dian-dong-che/ /paper/2022/04/19/dian-dong-che-zhuan-xiang/ 301\n',
    );
  });
});
