// The pull-request workflow (.github/workflows/pull-request.yml) runs the checker, the tests and the build and
// uploads the site; its problem matcher turns the checker's lines into annotations on the offending lines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/lib/check/problem.ts';
import { fw } from './fullwidth.ts';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8');

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

describe('pull request workflow', () => {
  const workflow = parse(read('.github/workflows/pull-request.yml')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runs = steps.map((s) => s.run ?? '').join('\n');

  it('runs on pull requests with a read-only token', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('checks content, runs the tests, builds, then uploads the built site', () => {
    const order = ['npm ci', 'npm run check', 'npm test', 'npm run build'].map((command) => runs.indexOf(command));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.['path']).toBe('dist/');
  });

  it("its problem matcher reads the checker's lines as file, line, column, severity, rule and message", () => {
    expect(runs).toContain('::add-matcher::.github/problem-matchers/content-check.json');
    const matcher = JSON.parse(read('.github/problem-matchers/content-check.json')) as { problemMatcher: { pattern: { regexp: string }[] }[] };
    const regexp = new RegExp(matcher.problemMatcher[0]!.pattern[0]!.regexp);
    const message = fw('未知的县区「张家囗市」,是否为「张家口市」?');
    const line = formatProblem({ file: 'content/2022/04/19/foo.md', line: 5, column: 9, rule: 'yaml-duplicate-key', severity: 'error', message });
    expect(regexp.exec(line)?.slice(1)).toEqual(['content/2022/04/19/foo.md', '5', '9', 'error', 'yaml-duplicate-key', message]);
  });
});
