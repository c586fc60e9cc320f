// Worker thread of the content-check integration: checks one half of a large build's files while the main
// thread checks the other (see checkFolders in content-check.ts).
import { checkPaths } from '../lib/check/check.ts';
import { answer } from './worker.ts';
import { CONTENT_DIR } from '../lib/content-files.ts';

answer(({ paths, cwd }: { paths: string[]; cwd: string }) => checkPaths(paths, { cwd, contentDir: CONTENT_DIR }));
