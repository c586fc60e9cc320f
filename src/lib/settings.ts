// The one module that reads the environment: every setting a deployment, a tool or a test gives by a variable.
// Everything else is given its settings from here (or as parameters), so that what a module depends on is visible
// in its imports. The clock's setting, SITE_NOW, is src/lib/clock.ts's own: it also writes it for child processes.
const env = process.env;

export const settings = {
  /** CONTENT_DIR: the content folder, relative to the project root (the tests build copies elsewhere). */
  get contentDir(): string {
    return env['CONTENT_DIR'] ?? 'content';
  },
  /** CONTENT_READ_TRACE: a file every parse of an article or edition.yaml is appended to (src/lib/content/read-trace-fs.ts). */
  get readTrace(): string | undefined {
    return env['CONTENT_READ_TRACE'] || undefined;
  },
  /** SITE_LISTING_SPLIT, as written (src/lib/site.ts checks it). */
  get listingSplit(): string | undefined {
    return env['SITE_LISTING_SPLIT'];
  },
  /** SITE_PEOPLE_PER_PAGE, as written (src/lib/site.ts checks it). */
  get peoplePerPage(): string | undefined {
    return env['SITE_PEOPLE_PER_PAGE'];
  },
  /** SITE_PARTS_DIR: where the build in parts keeps its parts. */
  get partsDir(): string {
    return env['SITE_PARTS_DIR'] ?? 'parts';
  },
  /** SITE_PART: which part of a build in parts this build is (src/lib/parts/scope.ts). */
  get part(): string | undefined {
    return env['SITE_PART'];
  },
  /**
   * EPAPER_CACHE_DIR: where rendered and read page PDFs are kept, by their content (src/lib/epaper/page-cache-fs.ts);
   * by default beside Astro's own cache, so that CI keeps both together.
   */
  get epaperCacheDir(): string {
    return env['EPAPER_CACHE_DIR'] ?? `${env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro'}/epaper`;
  },
  /** SITE_URL and BASE_PATH: where the site is deployed (astro.config.mjs reads them for Astro itself). */
  get siteUrl(): string | undefined {
    return env['SITE_URL'];
  },
  get basePath(): string | undefined {
    return env['BASE_PATH'];
  },
};
