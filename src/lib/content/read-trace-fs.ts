// CONTENT_READ_TRACE=<file>: every parse of an article or edition.yaml appended to that file, so that a test (or
// a curious developer) can count how often a build reads each one.
import { appendFileSync } from 'node:fs';
import { settings } from '../settings.ts';

export function traceRead(display: string): void {
  if (settings.readTrace) appendFileSync(settings.readTrace, `${display}\n`);
}
