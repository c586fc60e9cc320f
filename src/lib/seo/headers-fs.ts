// The `_headers` rules of a build output folder (file-system code for headers.ts): its top level and that of each
// search index folder, as headerRules needs them. Used by the cdn-headers integration, which writes `_headers`,
// and by `npm run deploy`, which gives each uploaded object the same Cache-Control.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_INDEX_FOLDER, headerRules, type BuildListing, type HeaderRule } from './headers.ts';

function topLevel(dir: string): { files: string[]; folders: string[] } {
  const entries = readdirSync(dir, { withFileTypes: true });
  return {
    files: entries.filter((e) => e.isFile()).map((e) => e.name),
    folders: entries.filter((e) => e.isDirectory()).map((e) => e.name),
  };
}

export function buildHeaderRules(outDir: string, base: string): HeaderRule[] {
  const site = topLevel(outDir);
  const searchFolders = site.folders.filter((f) => SEARCH_INDEX_FOLDER.test(f));
  const listing: BuildListing = { ...site, searchIndex: Object.fromEntries(searchFolders.map((f) => [f, topLevel(join(outDir, f))])) };
  return headerRules(listing, base);
}
