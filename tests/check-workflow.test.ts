// The pull-request workflow (.github/workflows/pull-request.yml) runs the checker, the tests and the build and
// uploads the site; its problem matcher turns the checker's lines into annotations on the offending lines.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/lib/content/problem.ts';
import { CMS_HOST_SETTINGS } from '../src/utils/cms-options.ts';
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

  it('checks content first, before Chromium is installed, then tests, builds and uploads a browsable preview', () => {
    const order = [
      'npm ci',
      'npm run check',
      'scripts/pr-summary.ts',
      'apt-get install -y -qq chromium',
      'npm test',
      'npm run build',
      'scripts/preview-copy.ts dist site-preview',
    ].map((command) => runs.indexOf(command));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.['path']).toBe('site-preview/');
    // No chore for reporters: nothing in a pull request records URLs.
    expect(runs).not.toContain('urls:record');
  });

  it("its problem matcher reads the checker's lines as file, line, column, severity, rule and message", () => {
    expect(runs).toContain('::add-matcher::.github/problem-matchers/content-check.json');
    const matcher = JSON.parse(read('.github/problem-matchers/content-check.json')) as {
      problemMatcher: { pattern: { regexp: string }[] }[];
    };
    const regexp = new RegExp(matcher.problemMatcher[0]!.pattern[0]!.regexp);
    const message = fw('未知的县区「张家囗市」,是否为「张家口市」?');
    const line = formatProblem({
      file: 'content/2022/04/19/foo.md',
      line: 5,
      column: 9,
      rule: 'yaml-duplicate-key',
      severity: 'error',
      message,
    });
    expect(regexp.exec(line)?.slice(1)).toEqual(['content/2022/04/19/foo.md', '5', '9', 'error', 'yaml-duplicate-key', message]);
  });
});

/** The hour and minute in Beijing (UTC+8) a daily `M H * * *` cron (UTC) runs at. */
function beijingTimeOf(cron: string): { hour: number; minute: number } {
  const [minute, hour, ...rest] = cron.trim().split(/\s+/);
  expect(rest).toEqual(['*', '*', '*']);
  return { hour: (Number(hour) + 8) % 24, minute: Number(minute) };
}

describe.each(['publish.yml', 'pages.yml', 'archive.yml'])('%s and editions prepared ahead', (name) => {
  const workflow = parse(read(`.github/workflows/${name}`)) as {
    on: { schedule?: { cron: string }[] };
    jobs: Record<string, { env?: Record<string, string>; steps: (Step & { id?: string })[] }>;
  };

  it('runs shortly after every midnight in Beijing, so an edition prepared ahead goes live on its date with nobody pushing', () => {
    expect(workflow.on.schedule).toHaveLength(1);
    const { hour, minute } = beijingTimeOf(workflow.on.schedule![0]!.cron);
    expect(hour).toBe(0);
    expect(minute).toBeLessThan(30);
  });

  it('fixes SITE_NOW once, before anything reads the clock, for every job that runs the project', () => {
    const jobs = Object.values(workflow.jobs).filter((job) => job.steps.some((s) => s.run?.startsWith('npm run')));
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      const fixed = job.steps.findIndex((s) => s.run?.includes('SITE_NOW=$'));
      const first = job.steps.findIndex((s) => s.run?.startsWith('npm run'));
      if (fixed === -1) expect(job.env?.['SITE_NOW']).toBe('${{ needs.plan.outputs.now }}');
      else expect(fixed).toBeLessThan(first);
    }
  });
});

describe('publish workflow', () => {
  const workflow = parse(read('.github/workflows/publish.yml')) as {
    on: Record<string, { branches?: string[] }>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const runs = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .map((s) => s.run ?? '')
    .join('\n');

  it('runs on main only (never for a pull request or a fork), builds with the cache, deploys, then records the published URLs', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on['push']?.branches).toEqual(['main']);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache).toBeGreaterThan(-1);
    expect(String(steps[cache]!.with?.['path'])).toContain('node_modules/.astro');
    expect(steps.findIndex((s) => s.run === 'npm run build')).toBeGreaterThan(cache);
    // Credentials only from the secret store.
    const deploy = steps.find((s) => s.run?.startsWith('npm run deploy')) as Step & { env: Record<string, string> };
    expect(deploy.env['AWS_SECRET_ACCESS_KEY']).toBe('${{ secrets.AWS_SECRET_ACCESS_KEY }}');
    expect(deploy.env['AWS_ACCESS_KEY_ID']).toBe('${{ secrets.AWS_ACCESS_KEY_ID }}');
    const order = ['npm run check', 'npm run build', 'npm run deploy', 'npm run urls:record', 'git push'].map((command) =>
      runs.indexOf(command),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs).toContain('git add content/published-urls.txt content/published-bylines.txt');
  });
});

describe('GitHub Pages workflow', () => {
  const workflow = parse(read('.github/workflows/pages.yml')) as { jobs: Record<string, { steps: Step[] }> };
  const steps = workflow.jobs['build']!.steps;
  const check = steps.findIndex((s) => s.run?.includes('du -sb dist'));
  /** Runs the size check as the runner does (`sh -e`) in a folder holding `dist/` with one file of `bytes`. */
  const sizeCheck = (bytes: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-size-'));
    try {
      mkdirSync(join(dir, 'dist'));
      // A sparse file: its apparent size, which du -b counts, without the disk.
      writeFileSync(join(dir, 'dist/site.zip'), '');
      truncateSync(join(dir, 'dist/site.zip'), bytes);
      return spawnSync('sh', ['-e', '-c', steps[check]!.run!], { cwd: dir, encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('checks the size of dist/ after the build and before uploading it', () => {
    expect(check).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm run build'));
    expect(check).toBeLessThan(steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@')));
  });

  it('fails with a clear message when dist/ is over 1 GB, and passes under it', () => {
    const over = sizeCheck(1100 * 1024 * 1024);
    expect(over.status).toBe(1);
    expect(over.stdout).toMatch(
      /^::error::dist\/ holds 110\d MB, more than the 1 GB GitHub Pages publishes per site: publish to an S3-compatible bucket instead/m,
    );
    const under = sizeCheck(900 * 1024 * 1024);
    expect(under.status, under.stdout + under.stderr).toBe(0);
  });
});

describe('archive workflow (the build in parts)', () => {
  type Job = {
    if?: string;
    needs?: string[] | string;
    strategy?: { matrix: Record<string, string> };
    outputs?: Record<string, string>;
    steps: (Step & { id?: string; env?: Record<string, string> })[];
  };
  const workflow = parse(read('.github/workflows/archive.yml')) as {
    on: Record<string, { branches?: string[] }>;
    jobs: Record<string, Job>;
  };
  const publish = parse(read('.github/workflows/publish.yml')) as { jobs: Record<string, Job> };
  const { plan, part, assemble } = workflow.jobs as Record<'plan' | 'part' | 'assemble', Job>;
  const runsOf = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

  it('runs on main for this repository only, and instead of the one-build publish when BUILD_IN_PARTS is set', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on['push']?.branches).toEqual(['main']);
    expect(plan.if).toContain('github.event.repository.fork == false');
    expect(plan.if).toContain("vars.BUILD_IN_PARTS == 'true'");
    expect(Object.values(publish.jobs)[0]!.if).toContain("vars.BUILD_IN_PARTS != 'true'");
  });

  it('plans the parts from the catalogues, builds the out-of-date years in a matrix, then assembles and deploys', () => {
    expect(runsOf(plan).indexOf('npm run check')).toBeLessThan(runsOf(plan).indexOf('npm run build:plan -- --github'));
    expect(plan.outputs?.['stale']).toBe('${{ steps.plan.outputs.stale }}');
    expect(plan.steps.find((s) => s.run?.includes('build:plan'))?.id).toBe('plan');
    expect(part.needs).toBe('plan');
    expect(part.strategy?.matrix['year']).toBe('${{ fromJSON(needs.plan.outputs.stale) }}');
    expect(runsOf(part)).toContain('npm run build:part -- ${{ matrix.year }}');
    // Each year's build cache is its own, keyed by year.
    const cache = part.steps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(String(cache.with?.['restore-keys'])).toBe('part-${{ matrix.year }}-');
    expect(assemble.needs).toEqual(['plan', 'part']);
    const order = ['npm run build:assemble', 'npm run deploy', 'npm run urls:record', 'git push'].map((c) => runsOf(assemble).indexOf(c));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const deploy = assemble.steps.find((s) => s.run?.startsWith('npm run deploy'))!;
    expect(deploy.env?.['AWS_SECRET_ACCESS_KEY']).toBe('${{ secrets.AWS_SECRET_ACCESS_KEY }}');
    // Secrets reach no other step.
    const secretSteps = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .filter((s) => JSON.stringify(s).includes('secrets.'));
    expect(secretSteps).toEqual([deploy]);
  });
});

describe("the publishing workflows and the web editor's git host", () => {
  it.each([
    ['publish.yml', 'npm run build'],
    ['pages.yml', 'npm run build'],
    ['archive.yml', 'npm run build:assemble'],
  ])('%s builds the editor for the host named by the repository variables, this repository by default', (name, command) => {
    const workflow = parse(read(`.github/workflows/${name}`)) as {
      jobs: Record<string, { steps: (Step & { env?: Record<string, string> })[] }>;
    };
    const build = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((s) => s.run === command)!;
    const expected = Object.fromEntries(
      CMS_HOST_SETTINGS.map((v) => [v, v === 'CMS_REPO' ? '${{ vars.CMS_REPO || github.repository }}' : `\${{ vars.${v} }}`]),
    );
    expect(build.env).toMatchObject(expected);
  });
});

describe('the workflow files', () => {
  it.each(['pull-request.yml', 'publish.yml', 'pages.yml', 'archive.yml'])(
    '%s validates against the GitHub Actions workflow schema',
    (name) => {
      const result = parseWorkflow({ name, content: read(`.github/workflows/${name}`) }, new NoOperationTraceWriter());
      expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
      expect(result.value).toBeDefined();
    },
  );

  it('the schema check catches a broken workflow', () => {
    const broken = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n';
    expect(
      parseWorkflow({ name: 'broken.yml', content: broken }, new NoOperationTraceWriter()).context.errors.getErrors().length,
    ).toBeGreaterThan(0);
  });
});
