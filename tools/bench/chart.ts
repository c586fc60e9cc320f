// The benchmark's chart as a standalone SVG: build time and peak memory against archive size,
// the project and the framework floor side by side.

export interface ChartPoint {
  articles: number;
  projectSeconds: number;
  floorSeconds?: number | undefined;
  projectPeakMb: number;
  floorPeakMb?: number | undefined;
}

const W = 720;
const H = 300;
const PAD = { left: 56, right: 16, top: 52, bottom: 44 };

function panel(
  points: readonly ChartPoint[],
  x0: number,
  title: string,
  unit: string,
  project: (p: ChartPoint) => number,
  floor: (p: ChartPoint) => number | undefined,
): string {
  const width = W / 2 - PAD.left - PAD.right;
  const height = H - PAD.top - PAD.bottom;
  const max = Math.max(1, ...points.flatMap((p) => [project(p), floor(p) ?? 0])) * 1.1;
  const groupWidth = width / Math.max(1, points.length);
  const barWidth = Math.min(28, groupWidth / 3);
  const y = (v: number) => PAD.top + height - (v / max) * height;
  const parts = [
    `<text x="${x0 + PAD.left}" y="20" font-size="13" font-weight="700">${title}</text>`,
    `<line x1="${x0 + PAD.left}" y1="${PAD.top + height}" x2="${x0 + PAD.left + width}" y2="${PAD.top + height}" stroke="#999"/>`,
  ];
  for (let t = 0; t <= 4; t++) {
    const v = (max / 4) * t;
    parts.push(
      `<text x="${x0 + PAD.left - 6}" y="${y(v) + 4}" font-size="10" text-anchor="end" fill="#555">${v >= 100 ? Math.round(v) : v.toFixed(1)}</text>`,
    );
    parts.push(`<line x1="${x0 + PAD.left}" y1="${y(v)}" x2="${x0 + PAD.left + width}" y2="${y(v)}" stroke="#eee"/>`);
  }
  parts.push(
    `<text x="${x0 + 14}" y="${PAD.top + height / 2}" font-size="10" fill="#555" transform="rotate(-90 ${x0 + 14} ${PAD.top + height / 2})" text-anchor="middle">${unit}</text>`,
  );
  points.forEach((p, i) => {
    const cx = x0 + PAD.left + groupWidth * (i + 0.5);
    const bars: [number | undefined, string][] = [
      [project(p), '#a3141c'],
      [floor(p), '#8a8a8a'],
    ];
    bars.forEach(([v, colour], j) => {
      if (v === undefined) return;
      const x = cx - barWidth + j * barWidth;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(PAD.top + height - y(v)).toFixed(1)}" fill="${colour}"><title>${v.toFixed(1)} ${unit}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${cx}" y="${PAD.top + height + 16}" font-size="11" text-anchor="middle">${p.articles.toLocaleString('en-US')}</text>`,
    );
  });
  parts.push(`<text x="${x0 + PAD.left + width / 2}" y="${H - 8}" font-size="10" text-anchor="middle" fill="#555">articles</text>`);
  return parts.join('');
}

export function benchmarkChart(points: readonly ChartPoint[]): string {
  const sorted = [...points].sort((a, b) => a.articles - b.articles);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" role="img" aria-label="Build time and peak memory against archive size">`,
    '<rect width="100%" height="100%" fill="#fff"/>',
    panel(
      sorted,
      0,
      'Full build time',
      'seconds',
      (p) => p.projectSeconds,
      (p) => p.floorSeconds,
    ),
    panel(
      sorted,
      W / 2,
      'Peak memory',
      'MB',
      (p) => p.projectPeakMb,
      (p) => p.floorPeakMb,
    ),
    `<rect x="${PAD.left}" y="28" width="10" height="10" fill="#a3141c"/><text x="${PAD.left + 14}" y="37" font-size="11">project</text>`,
    `<rect x="${PAD.left + 70}" y="28" width="10" height="10" fill="#8a8a8a"/><text x="${PAD.left + 84}" y="37" font-size="11">Astro + Pagefind floor (bare pages, Pagefind's Chinese segmentation)</text>`,
    '</svg>',
  ].join('\n');
}
