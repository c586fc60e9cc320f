// What the article page's credits, share box and the home page's label are made of: 责任编辑 and 转载 credits
// (src/lib/attribution.ts), the build-time QR code (src/lib/qr-svg.ts, read back with jsQR) and 今日报纸 / 最新一期.
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { bookTitle, reprintCredits, responsibleEditor } from '../src/lib/attribution.ts';
import { qrMatrix, qrSvg } from '../src/lib/qr-svg.ts';
import { frontLabel } from '../src/lib/edition.ts';
import { MIIT_BEIAN_URL, paper } from '../src/lib/site.ts';

/** The QR code's modules drawn as an RGBA image, `scale` pixels a module, with a quiet zone of 4 modules. */
function raster(matrix: boolean[][], scale = 4): { data: Uint8ClampedArray; size: number } {
  const size = (matrix.length + 8) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  matrix.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * size + (x + 4) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }),
  );
  return { data, size };
}

describe('责任编辑', () => {
  it("is the article's own editor, else its 版's, else none", () => {
    expect(responsibleEditor({ editor: '张三' }, { editor: '李四' })).toBe('张三');
    expect(responsibleEditor({}, { editor: '李四' })).toBe('李四');
    expect(responsibleEditor({}, {})).toBeUndefined();
    expect(responsibleEditor({})).toBeUndefined();
  });
});

describe('转载 credits', () => {
  it('name the source, the original author and the original title in 《》, nesting inner title marks', () => {
    expect(reprintCredits({ source: '新华社', reprint: { author: '新华社记者', title: '有关负责人解读《意见》' } })).toEqual({
      source: '新华社',
      author: '新华社记者',
      title: '《有关负责人解读〈意见〉》',
    });
  });

  it('keep the address of the original when it is online', () => {
    const credits = reprintCredits({ source: '人民日报', reprint: { author: '张三', title: '标题', url: 'https://example.com/a' } });
    expect(credits?.url).toBe('https://example.com/a');
  });

  it('are none for an article of the paper’s own', () => {
    expect(reprintCredits({ source: '本报讯' })).toBeUndefined();
    expect(reprintCredits({})).toBeUndefined();
  });

  it('puts a title in title marks', () => {
    expect(bookTitle('标题')).toBe('《标题》');
  });
});

describe('the QR code of an article’s address', () => {
  const url = 'https://example.org/2022/04/19/guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng/';

  it('reads back as the address', () => {
    const { data, size } = raster(qrMatrix(url));
    expect(jsQR(data, size, size)?.data).toBe(url);
  });

  it('is an SVG with no style attribute, the same for the same address', () => {
    const svg = qrSvg(url, '本文网址的二维码');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"[^>]*role="img"[^>]*aria-label="本文网址的二维码"/);
    expect(svg).not.toMatch(/style=/);
    expect(qrSvg(url, '本文网址的二维码')).toBe(svg);
    expect(qrSvg(`${url}x`, '本文网址的二维码')).not.toBe(svg);
  });
});

describe('the home page’s label', () => {
  it('is 今日报纸 only when the newest edition is today’s', () => {
    expect(frontLabel('2022-04-19', '2022-04-19')).toBe('今日报纸');
    expect(frontLabel('2022-04-19', '2026-01-05')).toBe('最新一期');
    expect(frontLabel('2022-04-18', '2022-04-19')).toBe('最新一期');
  });
});

describe('the paper’s settings', () => {
  it('link the ICP 备案 number to the MIIT 备案 site', () => {
    expect(paper.icp.url).toBe(MIIT_BEIAN_URL);
    expect(MIIT_BEIAN_URL).toBe('https://beian.miit.gov.cn/');
  });

  it('name every field the masthead and footer show', () => {
    for (const value of [
      paper.name,
      paper.supervisor,
      paper.publisher,
      paper.cn,
      paper.copyright,
      paper.address,
      paper.contact,
      paper.icp.number,
    ])
      expect(value.trim()).not.toBe('');
  });
});
