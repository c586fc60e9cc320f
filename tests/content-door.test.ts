// The content door (src/lib/content): which files are content, and the property that the checker and the build
// agree. Over generated content trees with links (in and out of the folder), hidden files, editor leftovers, drafts,
// photos (shown, unused, a draft's, only linked to) and text files named .jpg: the articles the build's collection
// loader (src/loaders/content-loader.ts, driven here with Astro's own data store and schema parsing) publishes are
// exactly the published articles the checker accepts, and the photos it hands to Astro's image pipeline exactly
// those the checker does not call unused; whatever must never reach readers (a link, a hidden or misplaced file) is
// an error or a warning of the checker and never reaches the door's reader or the loader.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
// Astro's own content layer pieces (not public API: a test that breaks when Astro changes them, rather than a copy
// of their behaviour that would not): the data store the build fills, and the parsing of an entry by its schema.
import { MutableDataStore } from '../node_modules/astro/dist/content/mutable-data-store.js';
import { getEntryData } from '../node_modules/astro/dist/content/utils.js';
import siteConfig from '../astro.config.mjs';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { contentFiles } from '../src/lib/content/content-files-fs.ts';
import { classifyContentPath } from '../src/lib/content/files.ts';
import { handOverReads, type SharedReads } from '../src/lib/content/shared-reads.ts';
import { collections } from '../src/content.config.ts';

// The site's collections (src/content.config.ts) are defined with the real defineCollection, outside Astro's build.
vi.mock('astro:content', async () => ({ defineCollection: (await import('astro/content/config')).defineCollection }));

describe('classifyContentPath', () => {
  it.each([
    ['2022/04/19/fa-yuan.md', 'file', 'article'],
    ['2022/04/19/edition.yaml', 'file', 'edition'],
    ['2022/04/19/photo.jpg', 'file', 'photo'],
    ['redirects.yaml', 'file', 'site-list'],
    ['2022/04/19/fa-yuan.md', 'symlink', 'refused'],
    ['2022/04/19/photo.jpg', 'symlink', 'refused'],
    ['2022/04/19/.fa-yuan.md', 'file', 'unread'],
    ['2022/04/19/._fa-yuan.md', 'file', 'ignored'],
    ['2022/04/19/.#fa-yuan.md', 'file', 'ignored'],
    ['2022/04/19/fa-yuan.md~', 'file', 'ignored'],
    ['2022/04/19/.DS_Store', 'file', 'ignored'],
    ['2022/04/19/_notes.md', 'file', 'ignored'],
    ['2022/04/19/extra/fa-yuan.md', 'file', 'refused'],
    ['2022/13/19/fa-yuan.md', 'file', 'refused'],
    ['fa-yuan.md', 'file', 'refused'],
    ['2022/04/19/notes.txt', 'file', 'unread'],
    ['2022/04/19/PHOTO.JPG', 'file', 'unread'],
    ['2022/04/19/fa-yuan.markdown', 'file', 'unread'],
    ['2022/04/19/01.pdf', 'file', 'page-pdf'],
    ['2022/04/19/01.pdf', 'symlink', 'refused'],
    ['2022/04/19/01.pdf', 'other', 'unread'],
    ['2022/04/19/01.PDF', 'file', 'unread'],
    ['2022/04/19/.01.pdf', 'file', 'ignored'],
    ['2022/04/19/01.pdf~', 'file', 'ignored'],
    ['2022/04/19/extra/01.pdf', 'file', 'unread'],
    ['2022/04/01.pdf', 'file', 'unread'],
  ] as const)('%s (%s) is %s', (path, type, kind) => {
    expect(classifyContentPath(path, type).kind).toBe(kind);
  });

  it('names the extra folder of an article one level too deep', () => {
    const file = classifyContentPath('2022/04/19/extra/fa-yuan.md', 'file');
    expect(file.kind === 'refused' && file.message).toContain('extra');
  });
});

const tmp = mkdtempSync(join(tmpdir(), 'content-door-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An article at `order`; `images` and `body` are added to its frontmatter and body. */
const article = (order: number, draft: boolean, { images = '', body = '' } = {}) =>
  `---\ntitle: 第${order}篇稿件\nbyline: [记者 徐洋]\ndate: 2022-04-19\ncounty: 裕华区\ncategory: 法院\npage: 1\norder: ${order}\n${draft ? 'draft: true\n' : ''}${images}---\n\n正文第${order}篇。\n${body}`;

/** A real (tiny) photo, made once: the trees copy its bytes. */
const PHOTO = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#336699' } })
  .jpeg()
  .toBuffer();

type Piece =
  | { kind: 'article'; name: string; draft: boolean }
  | { kind: 'link-out' | 'link-in' | 'link-folder'; name: string }
  | { kind: 'hidden' | 'leftover' | 'aside' | 'odd' | 'nested'; name: string }
  // A photo and, unless `none`, an article that shows it (in its images field, its body or both) or only links to it.
  | { kind: 'photo'; name: string; draft: boolean; shown: 'field' | 'body' | 'both' | 'link' | 'none' }
  // A text file named .jpg, shown by a published article or by none.
  | { kind: 'fake-photo'; name: string; shown: boolean };

const slug = fc.stringMatching(/^[a-z]{1,8}$/);
// Weighted so that about half the trees pass the check (a link, a misplaced article or a shown fake fails one).
const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('article' as const), name: slug, draft: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('link-out' as const, 'link-in' as const, 'link-folder' as const), name: slug }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('hidden' as const, 'leftover' as const, 'aside' as const, 'odd' as const, 'nested' as const),
      name: slug,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('photo' as const),
      name: slug,
      draft: fc.boolean(),
      shown: fc.constantFrom('field' as const, 'body' as const, 'both' as const, 'link' as const, 'none' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fake-photo' as const), name: slug, shown: fc.boolean() }) },
);

const DAY = '2022/04/19';
const showPhoto = (file: string, where: 'field' | 'body' | 'both' | 'link') => ({
  images: where === 'field' || where === 'both' ? `images:\n  - file: ./${file}\n    caption: 图为现场。\n` : '',
  body: where === 'body' || where === 'both' ? `\n![现场](./${file})\n` : where === 'link' ? `\n[看大图](./${file})\n` : '',
});

/** What a tree holds, as the generator meant it: its articles (id → draft) and its .jpg files (file name → shown by a published article). */
interface Tree {
  root: string;
  articles: Map<string, boolean>;
  photos: Map<string, boolean>;
}

let runs = 0;
function writeTree(pieces: readonly Piece[]): Tree {
  const root = join(tmp, `run-${runs++}`);
  const day = join(root, 'content', DAY);
  mkdirSync(day, { recursive: true });
  writeFileSync(join(root, 'outside.md'), article(99, false));
  writeFileSync(join(day, 'edition.yaml'), 'date: 2022-04-19\npages:\n  - number: 1\n    name: 要闻\n');
  writeFileSync(join(day, 'base.md'), article(1, false));
  const tree: Tree = { root, articles: new Map([[`${DAY}/base`, false]]), photos: new Map() };
  pieces.forEach((p, i) => {
    const order = i + 2;
    const at = (name: string) => join(day, name);
    const name = `${p.name}-${i}`;
    const addArticle = (draft: boolean, extra?: { images: string; body: string }) => {
      writeFileSync(at(`${name}.md`), article(order, draft, extra));
      tree.articles.set(`${DAY}/${name}`, draft);
    };
    if (p.kind === 'article') addArticle(p.draft);
    if (p.kind === 'link-out') symlinkSync(join(root, 'outside.md'), at(`${name}.md`));
    if (p.kind === 'link-in') symlinkSync(at('base.md'), at(`${name}.md`));
    if (p.kind === 'link-folder') symlinkSync(day, join(root, 'content/2022/04', `${10 + (i % 9)}`));
    if (p.kind === 'hidden') writeFileSync(at(`.${name}.md`), article(order, false));
    if (p.kind === 'leftover') writeFileSync(at(`.#${name}.md`), Buffer.from([0, 0xff, 0xfe, 7]));
    if (p.kind === 'aside') writeFileSync(at(`_${name}.md`), 'notes, not an article');
    if (p.kind === 'odd') writeFileSync(at(`${name}.bin`), Buffer.from([0, 1, 2, 0xc3]));
    if (p.kind === 'nested') {
      mkdirSync(at(`sub-${i}`), { recursive: true });
      writeFileSync(join(at(`sub-${i}`), `${p.name}.md`), article(order, false));
    }
    if (p.kind === 'photo') {
      writeFileSync(at(`${name}.jpg`), PHOTO);
      if (p.shown !== 'none') addArticle(p.draft, showPhoto(`${name}.jpg`, p.shown));
      tree.photos.set(`${name}.jpg`, !p.draft && p.shown !== 'none' && p.shown !== 'link');
    }
    if (p.kind === 'fake-photo') {
      writeFileSync(at(`${name}.jpg`), 'not a photo');
      if (p.shown) addArticle(false, showPhoto(`${name}.jpg`, 'field'));
      tree.photos.set(`${name}.jpg`, p.shown);
    }
  });
  return tree;
}

/** Astro's content layer as far as a loader sees it: its data store, its schema parsing (image() included), a digest. */
async function loadCollection(root: string, name: 'articles' | 'editions'): Promise<{ ids: string[]; assets: string[] }> {
  const store = new MutableDataStore();
  // As defineCollection made it, a content layer collection.
  const collection = collections[name] as Parameters<typeof getEntryData>[1] & { loader: Loader };
  const context = {
    collection: name,
    store: store.scopedStore(name),
    meta: store.metaStore(name),
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    config: {
      root: pathToFileURL(`${root}/`),
      image: { domains: [], remotePatterns: [] },
      markdown: { ...siteConfig.markdown, gfm: true, shikiConfig: {} },
    },
    // As Astro's content layer parses an entry (content-layer.js: getEntryData without a plugin context).
    parseData: ({ id, data, filePath = '' }: { id: string; data: Record<string, unknown>; filePath?: string }) =>
      getEntryData({ id, collection: name, unvalidatedData: data, _internal: { rawData: undefined, filePath } }, collection, false),
    generateDigest: (data: string) => createHash('sha1').update(data).digest('hex'),
  } as unknown as LoaderContext;
  await collection.loader.load(context);
  // The module Astro writes for Vite to import every image an entry uses: what reaches the image pipeline.
  const assetsFile = join(root, 'content-assets.mjs');
  await store.writeAssetImports(pathToFileURL(assetsFile));
  const assets = [...readFileSync(assetsFile, 'utf8').matchAll(/^import \w+ from (".*");$/gm)].map((m) => {
    const [src, query] = (JSON.parse(m[1]!) as string).split('?');
    return resolve(root, dirname(new URLSearchParams(query).get('importer')!), src!);
  });
  return { ids: store.scopedStore(name).keys().sort(), assets: assets.sort() };
}

const UNUSED_PHOTO = '没有已发布的稿件使用这张图片';

describe('the checker and the build agree', () => {
  it('on generated trees with links, hidden files, leftovers, drafts, photos and odd files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (pieces) => {
        const { root, articles, photos } = writeTree(pieces);
        // As `astro build` does (src/integrations/content-check.ts): the check first, its reads handed to the loader.
        const reads: SharedReads = new Map();
        const { problems } = checkPaths(['content'], { cwd: root, contentDir: 'content', reads });
        handOverReads(reads);
        const loaded = await loadCollection(root, 'articles');
        const published = [...articles]
          .filter(([, draft]) => !draft)
          .map(([id]) => id)
          .sort();
        // The loader never holds a link, a hidden or a misplaced file, not even when the check has refused the tree.
        expect(loaded.ids).toEqual(published);

        const errors = problems.filter((p) => p.severity === 'error');
        const linked = pieces.some((p) => p.kind.startsWith('link') || p.kind === 'nested');
        const fakeShown = pieces.some((p) => p.kind === 'fake-photo' && p.shown);
        // Every link and misplaced article is an error naming it, and so is a text file named .jpg that an article shows.
        expect(new Set(errors.map((e) => e.rule))).toEqual(new Set([...(linked ? ['location'] : []), ...(fakeShown ? ['image'] : [])]));
        if (errors.length > 0) return;

        // What the checker accepts: the articles the door reads, and the photos it does not call unused.
        const read = [...contentFiles(root, 'content')];
        expect(read.map((e) => e.id).sort()).toEqual([...articles.keys(), `${DAY}/edition`].sort());
        expect(read.filter((e) => 'body' in e && !e.data.draft).map((e) => e.id)).toEqual(loaded.ids);
        const unused = new Set(problems.filter((p) => p.message.includes(UNUSED_PHOTO)).map((p) => p.file));
        const accepted = [...photos.keys()].filter((file) => !unused.has(`content/${DAY}/${file}`)).sort();
        expect(accepted).toEqual(
          [...photos]
            .filter(([, used]) => used)
            .map(([file]) => file)
            .sort(),
        );
        expect(loaded.assets).toEqual(accepted.map((file) => join(root, 'content', DAY, file)));
        expect((await loadCollection(root, 'editions')).ids).toEqual([`${DAY}/edition`]);
      }),
      { numRuns: 100 },
    );
  });

  it('a link out of the content folder is an error naming the link, and the reader never follows it', () => {
    const { root } = writeTree([{ kind: 'link-out', name: 'leak' }]);
    const { problems } = checkPaths(['content'], { cwd: root, contentDir: 'content' });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/2022/04/19/leak-0.md',
        line: 1,
        column: 1,
        rule: 'location',
        severity: 'error',
        message: expect.stringContaining('符号链接'),
      }),
    ]);
    expect([...contentFiles(root, 'content')].map((e) => e.id)).not.toContain('2022/04/19/leak-0');
    expect(dirname(problems[0]!.file)).toBe('content/2022/04/19');
  });

  it('a text file named .jpg that an article shows is an error at the image field', () => {
    const { root } = writeTree([]);
    const day = join(root, 'content/2022/04/19');
    writeFileSync(join(day, 'fake.jpg'), 'not a photo');
    writeFileSync(
      join(day, 'base.md'),
      article(1, false).replace('order: 1\n', 'order: 1\nimages:\n  - file: ./fake.jpg\n    caption: 图片。\n'),
    );
    const { problems } = checkPaths(['content'], { cwd: root, contentDir: 'content' });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/2022/04/19/base.md',
        line: 10,
        rule: 'image',
        message: expect.stringContaining('不是图片'),
      }),
    ]);
  });
});

/** What a body image points at, and whether the checker may approve it. */
const IMAGE_TARGETS = {
  good: { url: './good.jpg', ok: true },
  spaced: { url: './good%20two.jpg', ok: true },
  entity: { url: './good&#x2e;jpg', ok: true },
  svg: { url: './evil.svg', ok: false },
  fake: { url: './png-named.jpg', ok: false },
  missing: { url: './missing.jpg', ok: false },
  outside: { url: '../../../../outside.jpg', ok: false },
  pkg: { url: '../../../../package.json', ok: false },
  remote: { url: 'https://t.example/p.gif', ok: false },
  relative: { url: '//t.example/p.gif', ok: false },
  query: { url: './good.jpg?raw', ok: false },
  fragment: { url: './good.jpg#x', ok: false },
} as const;
type TargetName = keyof typeof IMAGE_TARGETS;
const FORMS = ['inline', 'angle', 'titled', 'full', 'collapsed', 'shortcut'] as const;

/** One image written in `form`, as its line and (for references) the definition that goes at the end. */
function writeImage(form: (typeof FORMS)[number], url: string, i: number): { line: string; definition?: string } {
  const label = `tu-${i}`;
  const angled = url.replaceAll('%20', ' ');
  if (form === 'inline') return { line: `![图${i}](${url})` };
  if (form === 'angle') return { line: `![图${i}](<${angled}>)` };
  if (form === 'titled') return { line: `![图${i}](${url} "说明${i}")` };
  const definition = `[${label}]: ${form === 'full' ? `<${angled}>` : url} "说明${i}"`;
  if (form === 'full') return { line: `![图${i}][${label}]`, definition };
  if (form === 'collapsed') return { line: `![${label}][]`, definition };
  return { line: `![${label}]`, definition };
}

describe('the checker and the build agree on body images', () => {
  it('in every Markdown form: what the checker approves is exactly what the loader hands to Astro, and nothing else ever is', async () => {
    const PNG = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#993366' } })
      .png()
      .toBuffer();
    const image = fc.record({ form: fc.constantFrom(...FORMS), target: fc.constantFrom(...(Object.keys(IMAGE_TARGETS) as TargetName[])) });
    await fc.assert(
      fc.asyncProperty(fc.array(image, { minLength: 1, maxLength: 4 }), async (images) => {
        const { root } = writeTree([]);
        const day = join(root, 'content', DAY);
        writeFileSync(join(day, 'good.jpg'), PHOTO);
        writeFileSync(join(day, 'good two.jpg'), PHOTO);
        writeFileSync(join(day, 'png-named.jpg'), PNG);
        writeFileSync(join(day, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
        writeFileSync(join(root, 'outside.jpg'), PHOTO);
        writeFileSync(join(root, 'package.json'), '{}');
        const written = images.map(({ form, target }, i) => writeImage(form, IMAGE_TARGETS[target].url, i));
        const bodyLines = written.flatMap((w) => [w.line, '']);
        const definitions = written.flatMap((w) => (w.definition ? [w.definition] : []));
        writeFileSync(join(day, 'base.md'), `${article(1, false)}\n${bodyLines.join('\n')}\n${definitions.join('\n')}\n`);

        const { problems } = checkPaths(['content'], { cwd: root, contentDir: 'content' });
        const errorLines = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.line));
        // Line of image i: the article's 11 lines, a blank line, then two lines per image.
        images.forEach(({ target }, i) => expect(errorLines.has(13 + 2 * i), `${target} image ${i}`).toBe(!IMAGE_TARGETS[target].ok));

        // The loader is run without the check's reads (as if the check had been skipped): it refuses by itself.
        let assets: string[];
        try {
          assets = (await loadCollection(root, 'articles')).assets;
        } catch {
          assets = [];
        }
        const approved = [
          ...new Set(
            images
              .filter(({ target }) => IMAGE_TARGETS[target].ok)
              .map(({ target }) => (target === 'spaced' ? 'good two.jpg' : 'good.jpg')),
          ),
        ].map((f) => join(day, f));
        for (const asset of assets) expect(approved).toContain(asset);
        if (errorLines.size === 0) expect([...new Set(assets)].sort()).toEqual(approved.sort());
      }),
      { numRuns: 60 },
    );
  });
});
