// A QR code as inline SVG, made at build time (the article's address, for 微信扫一扫): one path of dark modules on
// a white ground with the quiet zone the standard asks for. Deterministic: the same text gives the same markup.
import qrcode from 'qrcode-generator';

/** The modules of the QR code of `text` (byte mode, error correction M): rows of booleans, dark = true. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)));
}

/** Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4). */
const QUIET = 4;

/**
 * An <svg> of the QR code of `text`: scalable (a viewBox in modules, sized by CSS), no style attribute (the
 * Content-Security-Policy allows none), labelled by `label` for screen readers.
 */
export function qrSvg(text: string, label: string): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + QUIET * 2;
  let d = '';
  matrix.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x + QUIET} ${y + QUIET}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
