// Paths as the site writes them (content ids, URLs, report lines): with `/` whatever the platform's separator.
import { sep } from 'node:path';

/** A platform path with `/` between its parts (`2022\04\19\a.md` → `2022/04/19/a.md` on Windows; unchanged elsewhere). */
export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
