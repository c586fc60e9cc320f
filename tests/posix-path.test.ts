import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPosix } from '../src/lib/util/posix-path.ts';

describe('toPosix', () => {
  it('joins a platform path’s parts with /', () => {
    expect(toPosix(['2022', '04', '19', '法治.md'].join(sep))).toBe('2022/04/19/法治.md');
    expect(toPosix('')).toBe('');
  });
});
