// Astro content loaders over the content door (src/lib/content): the articles and editions collections hold
// exactly the files the checker reads, parsed by the same reader, never a file it refuses (links, hidden files,
// misplaced files). Articles are rendered with the site's Markdown pipeline (`markdown.processor` of
// astro.config.mjs, the renderer Astro's glob loader uses) given the schema-checked frontmatter. `astro build`
// keeps out of the collection altogether every article not published today (drafts, and editions prepared ahead
// until their date: src/lib/content/edition-dates.ts), so neither they nor their photos reach the site;
// `astro dev` shows them, and follows every saved, added or deleted file.
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AstroError } from 'astro/errors';
import { CONTENT_DIR, EDITION_FILE } from '../lib/content/content-files-fs.ts';
import { classifyContentPath, type ContentFile } from '../lib/content/files.ts';
import { readArticle, readEdition, type ReadArticle } from '../lib/content/read.ts';
import { dropReads, keepPublishedYaml, readDigest, takeRead } from '../lib/content/shared-reads.ts';
import { walkContent, walkScope, type ContentEntry } from '../lib/content/tree-fs.ts';
import { buildScope, type BuildScope } from '../lib/parts/scope.ts';
import { readCatalogues } from '../lib/parts/catalogue-fs.ts';
import { feedArticleIds, siteStructure } from '../lib/site-structure.ts';
import { readBylineRecord } from '../lib/permanent-urls/published-bylines-fs.ts';
import { SAVE_SETTLE_MS, settleEach } from '../lib/content/settle.ts';
import { formatProblem, type Problem } from '../lib/content/problem.ts';
import { imageProblem } from '../lib/check/images-fs.ts';
import { isPublished } from '../lib/content/edition-dates.ts';
import { siteToday } from '../lib/clock.ts';
import { toPosix } from '../lib/util/posix-path.ts';

type Kind = 'article' | 'edition';

/**
 * The files a build's collection holds (src/lib/parts/scope.ts): all of them in a whole build, one year's in a
 * part, and in the assembly only the articles some feed shows in full (its other pages need no bodies).
 */
function filesInScope(base: string, kind: Kind, scope: BuildScope, today: string): ContentEntry[] {
  if (scope.kind !== 'assemble') return walkScope(base, scope);
  if (kind === 'edition') return [];
  const catalogues = readCatalogues(process.cwd());
  const structure = siteStructure(
    catalogues.flatMap((c) => c.articles).filter((a) => isPublished(a.data, today)),
    catalogues.flatMap((c) => c.editions),
    { bylineRecord: readBylineRecord(process.cwd()) },
  );
  const ids = feedArticleIds(structure);
  const folders = [...new Set([...ids].map((id) => posix.dirname(id)))].sort();
  return folders.flatMap((folder) => walkContent(base, folder).filter((e) => e.file.kind === 'article' && ids.has(e.file.id)));
}
type AssetStore = LoaderContext['store'] & { addAssetImports(assets: string[], filePath: string | undefined): void };
type Renderer = Awaited<ReturnType<LoaderContext['config']['markdown']['processor']['createRenderer']>>;

/** A file the checker would refuse: the build stops with the checker's line (it has run first, so this is rare). */
function contentError(problems: readonly Problem[]): AstroError {
  const error = new AstroError(`内容检查未通过\n${problems.map(formatProblem).join('\n')}`, '运行 npm run check 可以只做检查。');
  error.stack = '';
  return error;
}

/**
 * The images of a rendered body that the checker's file rules refuse (src/lib/check/images-fs.ts), located at the
 * first line naming them. The build's content check has refused them already; this keeps Astro from importing one
 * whatever the check saw (and keeps `astro dev` on the last good version).
 */
function bodyImagesRefused(
  paths: readonly string[],
  absolute: string,
  base: string,
  filePath: string,
  article: Pick<ReadArticle, 'body' | 'bodyLine'>,
): Problem[] {
  return paths.flatMap((path) => {
    const message = imageProblem(path, absolute, base);
    if (message === undefined) return [];
    const lines = article.body.split('\n');
    const index = Math.max(
      0,
      lines.findIndex((l) => l.includes(path)),
    );
    return [{ file: filePath, line: article.bodyLine + index, column: 1, rule: 'image', severity: 'error' as const, message }];
  });
}

function contentLoader(kind: Kind): Loader {
  return {
    name: `content-door-${kind}s`,
    load: async (context) => {
      const { store, config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const base = join(root, CONTENT_DIR);
      const dev = watcher !== undefined;
      // What `astro build` publishes: the articles published today (in China). Dev shows every article.
      const today = siteToday();
      const shown = (data: { date: string; draft: boolean }) => dev || isPublished(data, today);
      let renderer: Renderer | undefined;
      const render = async (body: string, frontmatter: Record<string, unknown>, file: string) => {
        // The options Astro's own Markdown entry type passes (its types differ only in optional-property strictness).
        renderer ??= await config.markdown.processor.createRenderer({
          image: config.image,
          syntaxHighlight: config.markdown.syntaxHighlight,
          shikiConfig: config.markdown.shikiConfig,
          gfm: config.markdown.gfm,
          smartypants: config.markdown.smartypants,
        } as Parameters<LoaderContext['config']['markdown']['processor']['createRenderer']>[0]);
        const result = await renderer.render(body.trim(), { frontmatter, fileURL: pathToFileURL(file) });
        // Only local images: the site's remark-article-images plugin has taken every other out of the body.
        return { html: result.code, metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths } };
      };

      /** Brings the entry of one file up to date; returns its id, or undefined when it is not (or no longer) in the collection. */
      const sync = async (path: string, file: ContentFile): Promise<string | undefined> => {
        if (file.kind !== kind) return undefined;
        const absolute = join(base, ...path.split('/'));
        const filePath = toPosix(relative(root, absolute));
        const bytes = readFileSync(absolute);
        // Drafts are in the collection in dev only: the digest tells the two apart in a store kept between runs.
        const digest = context.generateDigest(`${dev ? 'dev' : 'build'}\0${bytes.toString('latin1')}`);
        const existing = store.get(file.id);
        // An article kept from an earlier build with a later `now` (a test's SITE_NOW) may not be published today.
        if (existing?.digest === digest && kind === 'article' && !shown(existing.data as { date: string; draft: boolean })) {
          store.delete(file.id);
          return undefined;
        }
        if (existing?.digest === digest) {
          // As Astro's glob loader does: an unchanged entry's images are still the build's (a store method its types omit).
          if (existing.assetImports?.length) (store as AssetStore).addAssetImports(existing.assetImports, existing.filePath);
          return file.id;
        }
        // The build's content check has usually just read this file: its read is taken rather than parsed again.
        const taken = takeRead(filePath, bytes);
        const read = taken ?? (kind === 'article' ? readArticle(filePath, bytes) : readEdition(filePath, bytes));
        // A file the check did not read (its edition is unchanged since the last clean check): the downloads use this read.
        if (!taken && !dev) keepPublishedYaml(filePath, readDigest(bytes), read);
        const errors = read.problems.filter((p) => p.severity === 'error');
        if (errors.length > 0 || !read.data) {
          if (!dev) throw contentError(errors);
          // Dev keeps the last good version; the content check (src/integrations/content-preview.ts) has the one say
          // about the file: the terminal's lines, its error page and the notice on other pages.
          return existing ? file.id : undefined;
        }
        if (kind === 'edition') {
          store.set({
            id: file.id,
            data: await context.parseData({ id: file.id, data: read.data as Record<string, unknown>, filePath: absolute }),
            filePath,
            digest,
          });
          return file.id;
        }
        const article = read as Omit<ReadArticle, 'locate'>;
        if (!shown(article.data!)) {
          store.delete(file.id);
          return undefined;
        }
        const rendered = await render(article.body, article.data!, absolute);
        // The body's images, as remark-article-images resolved them: Astro imports nothing the checker's file rules refuse.
        const refused = bodyImagesRefused(rendered.metadata.imagePaths, absolute, base, filePath, article);
        if (refused.length > 0) {
          if (!dev) throw contentError(refused);
          return existing ? file.id : undefined;
        }
        // `photos`: the photo files, resolved by Astro's image() (content.config.ts) into optimised images; `bodyPhotos`
        // the same for the body's images, so that the feeds can give the published copies' addresses.
        const photos = article.data!.images.map((image) => image.file);
        const bodyPhotos = rendered.metadata.imagePaths.map((path) => ({ path, photo: path }));
        const data = await context.parseData({ id: file.id, data: { ...article.data!, photos, bodyPhotos }, filePath: absolute });
        store.set({ id: file.id, data, filePath, digest, rendered, assetImports: rendered.metadata.imagePaths });
        return file.id;
      };

      const untouched = new Set(store.keys());
      for (const { path, file } of dev ? walkContent(base) : filesInScope(base, kind, buildScope(), today)) {
        const id = await sync(path, file);
        if (id !== undefined) untouched.delete(id);
      }
      for (const id of untouched) store.delete(id);
      dropReads((file) => (kind === 'article' ? file.endsWith('.md') : file.endsWith(`/${EDITION_FILE}`)));

      if (!watcher) return;
      // Each file is read once its save has settled (a save can be several events; the first may see a half-written file).
      const onChange = settleEach<string>(SAVE_SETTLE_MS, (changed) => {
        const path = toPosix(relative(base, changed));
        const file = classifyContentPath(path, 'file');
        if (file.kind !== kind) return;
        // A file that is now a link or hidden is classified by the walker's rules: re-read the folder's view of it.
        const entry = walkContent(base, posix.dirname(path)).find((e) => e.path === path);
        (entry ? sync(path, entry.file) : Promise.resolve(undefined)).then(
          (id) => {
            if (id === undefined) store.delete(file.id);
          },
          // What the door accepts but Astro's own steps refuse (an image it cannot read): keep serving the last version.
          (error: unknown) =>
            logger.error(`${toPosix(relative(root, changed))}：无法更新预览（${error instanceof Error ? error.message : String(error)}）`),
        );
      });
      const onEvent = (changed: string) => {
        if (!changed.startsWith(base + sep)) return;
        if (classifyContentPath(toPosix(relative(base, changed)), 'file').kind !== kind) return;
        onChange(changed);
      };
      watcher.on('change', onEvent);
      watcher.on('add', onEvent);
      watcher.on('unlink', (deleted) => {
        if (!deleted.startsWith(base + sep)) return;
        const file = classifyContentPath(toPosix(relative(base, deleted)), 'file');
        if (file.kind === kind) store.delete(file.id);
      });
    },
  };
}

export const articlesLoader = (): Loader => contentLoader('article');
export const editionsLoader = (): Loader => contentLoader('edition');
