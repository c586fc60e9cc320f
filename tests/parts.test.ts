// The build in parts (src/lib/parts/scope.ts): a content folder of four editions over three years, built one
// year at a time and assembled, must give exactly the files, byte for byte, of a whole build of the same content;
// and after a day's new edition only that year's part is out of date, the assembly refuses to run until it is
// rebuilt, and the result again equals a whole build.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fileTree } from '../tools/site-check/dist-fs.ts';
import { astroBuild, buildEnv } from './helpers/astro-build.ts';
import { writeMultiYearContent } from './helpers/multi-year.ts';
import { brokenLinks } from '../tools/site-check/link-check-fs.ts';
import { xmlErrors } from '../tools/site-check/xml.ts';
import { sitemapProblems } from '../tools/site-check/site-check-fs.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'parts-'));
const content = join(work, 'content');
writeMultiYearContent(content);
afterAll(() => (process.env['KEEP_PARTS_TEST'] ? undefined : rmSync(work, { recursive: true, force: true })));

const env = {
  CONTENT_DIR: relative(root, content),
  SITE_PARTS_DIR: relative(root, join(work, 'parts')),
  NO_COLOR: '1',
  // Listings of more than 10 articles are split by year (src/lib/listing-pages.ts), as a real archive's long ones are.
  SITE_LISTING_SPLIT: '10',
  // And the index of people by initial past 3 people (src/lib/people-index.ts), as a long-lived paper's is.
  SITE_PEOPLE_PER_PAGE: '3',
};

function script(name: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [`scripts/${name}.ts`, ...args], { cwd: root, encoding: 'utf8', env: buildEnv(env) });
  return { code: result.status, log: `${result.stdout}\n${result.stderr}` };
}

/** What differs between two trees: files only in one, and files whose bytes differ. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.flatMap((p) =>
    !a.has(p)
      ? [`only in the whole build: ${p}`]
      : !b.has(p)
        ? [`only in the assembled site: ${p}`]
        : a.get(p)!.equals(b.get(p)!)
          ? []
          : [`differs: ${p}`],
  );
}

const whole = join(work, 'whole');
const assembled = join(work, 'assembled');

describe('a build in parts, one per year, assembled', () => {
  it('gives the same site, byte for byte, as a whole build', () => {
    const built = astroBuild(whole, { ...env, ASTRO_CACHE_DIR: join(work, 'whole-cache') });
    expect(built.ok, built.log).toBe(true);
    // Built in any order: each part takes what it needs of the other years from their catalogues.
    for (const year of ['2022', '2020', '2021']) {
      const part = script('build-part', year);
      expect(part.code, part.log).toBe(0);
      expect(part.log).toMatch(new RegExp(`\\[part ${year} \\d+:\\d\\d\\] done: \\d+ articles`));
      // Progress: every year's catalogue (made by the first part, kept by the others), then Astro's own lines.
      for (const each of ['2020', '2021', '2022'])
        expect(part.log).toMatch(new RegExp(`\\[part ${year} \\d+:\\d\\d\\] catalogue ${each}: \\d+ articles`));
    }
    const assembly = script('build-assemble', relative(root, assembled));
    expect(assembly.code, assembly.log).toBe(0);
    const [w, a] = [fileTree(whole), fileTree(assembled)];
    expect(w.size).toBeGreaterThan(200);
    expect(differences(a, w)).toEqual([]);
    // Each year's pages, zips and search shards came from its part; the parts hold only their own year's.
    expect(readdirSync(join(work, 'parts/2021/site/2021'))).toEqual(['01', '06']);
    expect(readdirSync(join(work, 'parts/2021/site')).filter((n) => /^\d{4}$/.test(n))).toEqual(['2021']);
    // A long listing's year pages too; its front page, with the index of years, is the assembly's.
    const split = readdirSync(join(work, 'parts/2021/site/category'), { recursive: true })
      .map(String)
      .filter((p) => p.endsWith('2021/index.html'));
    expect(split.length).toBeGreaterThan(0);
    const front = readFileSync(join(assembled, 'category', split[0]!.split('/')[0]!, 'index.html'), 'utf8');
    expect(front).toContain('按年份浏览');
    expect(front).toContain(`/category/${split[0]!.split('/')[0]}/2020/`);
  }, 240_000);

  it('is a site whose links, feeds and sitemaps hold', () => {
    const site = { out: assembled, base: '/', origin: 'https://example.org' };
    expect(brokenLinks(site).broken).toEqual([]);
    expect(sitemapProblems(site).problems).toEqual([]);
    // The index of people is split by initial: its letters' pages are the assembly's, and in the sitemaps.
    const letters = readdirSync(join(assembled, 'byline')).filter((n) => n.startsWith('initial-'));
    expect(letters.length).toBeGreaterThan(1);
    expect(readFileSync(join(assembled, 'byline/index.html'), 'utf8')).toContain(`href="/byline/${letters[0]}/"`);
    expect(readFileSync(join(assembled, 'sitemap-0.xml'), 'utf8')).toContain(`/byline/${letters[0]}/</loc>`);
    for (const file of ['rss.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'sitemap-news.xml', 'county/weichang/rss.xml']) {
      expect(xmlErrors(readFileSync(join(assembled, file), 'utf8')), file).toEqual([]);
    }
    // The oldest year's county reaches the assembly's feed in full, with the article's text.
    expect(readFileSync(join(assembled, 'county/weichang/rss.xml'), 'utf8')).toContain('<content:encoded>');
  });

  it('after a new edition rebuilds only its year, and refuses to assemble a part that is out of date', () => {
    const day = join(content, '2022/04/20');
    mkdirSync(day, { recursive: true });
    writeFileSync(join(day, 'edition.yaml'), 'date: 2022-04-20\npages:\n  - number: 1\n    name: 要闻\n');
    const from = join(content, '2022/04/19');
    for (const name of readdirSync(from)
      .filter((n) => n.endsWith('.md'))
      .slice(0, 2)) {
      writeFileSync(join(day, name), readFileSync(join(from, name), 'utf8').replace('date: 2022-04-19', 'date: 2022-04-20'));
    }
    const plan = script('build-plan');
    expect(plan.code, plan.log).toBe(0);
    expect(plan.log).toMatch(/^2020 .* up to date$/m);
    expect(plan.log).toMatch(/^2021 .* up to date$/m);
    expect(plan.log).toMatch(/^2022 .* to build$/m);

    const refused = script('build-assemble', relative(root, assembled));
    expect(refused.code).toBe(1);
    expect(refused.log).toContain('part 2022 is out of date: npm run build:part -- 2022');

    expect(script('build-part', '2021', '--if-needed').log).toContain('up to date');
    const part = script('build-part', '2022', '--if-needed');
    expect(part.code, part.log).toBe(0);
    const assembly = script('build-assemble', relative(root, assembled));
    expect(assembly.code, assembly.log).toBe(0);
    const built = astroBuild(whole, { ...env, ASTRO_CACHE_DIR: join(work, 'whole-cache') });
    expect(built.ok, built.log).toBe(true);
    expect(differences(fileTree(assembled), fileTree(whole))).toEqual([]);
    expect(readFileSync(join(assembled, 'index.html'), 'utf8')).toContain('2022年4月20日');
  }, 240_000);
});
