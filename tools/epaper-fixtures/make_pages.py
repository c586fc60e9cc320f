#!/usr/bin/python3
"""Lay out printed newspaper pages (版) as PDF from an edition's Markdown articles.

Test fixtures for the e-paper (数字报): each page is laid out like a broadsheet exported from a layout
system (350 x 500 mm, 8 columns, page header or masthead, headlines across columns, balanced body columns,
photos with captions, rules between articles, an advertisement), and the layout's own article boxes are
written to truth.json, so that locating the articles' printed areas from the PDF can be tested.

Needs (Debian / Ubuntu):
    apt-get install python3-reportlab python3-yaml python3-pikepdf python3-pil fonts-wqy-zenhei fonts-noto-cjk

Run (from the repository root):
    /usr/bin/python3 tools/epaper-fixtures/make_pages.py \\
        --edition tests/fixtures/epaper/content/2022/04/19 \\
        --layout tests/fixtures/epaper/pages/layout.yaml \\
        --out tests/fixtures/epaper/pages
  writes <out>/<situation>/NN.pdf for every situation (embedded, cid, art, no-unicode), <out>/truth.json,
  and, with --copy-embedded-to-edition, copies the embedded pages into the edition folder as NN.pdf.

  /usr/bin/python3 tools/epaper-fixtures/make_pages.py --edition content/2022/04/19 \\
        --layout tools/epaper-fixtures/sample-layout.yaml --situations embedded --flat-out content/2022/04/19
  writes only the embedded pages, straight into the edition folder (no truth.json unless --truth is given).
  That layout has `photos: false` (the same as --no-stand-in-photos): the sample's photos have no files, so a
  caption (and credit) is printed as text alone, with no made-up stand-in picture.

Font situations:
  embedded    all text in an embedded TrueType subset (WenQuanYi Zen Hei) with ToUnicode maps.
  cid         all text in the non-embedded CID font STSong-Light (Adobe-GB1, UniGB-UCS2-H).
  art         headlines, kickers, subtitles and the masthead title drawn as images (no text); the rest as embedded.
  no-unicode  as embedded, then every ToUnicode map removed (pikepdf), so no text can be read back as Unicode:
              the subsets' codes are reportlab's own numbering; only the glyph shapes are right.

Everything is deterministic (seeded photos, fixed PDF dates and ids), so rerunning gives the same files.
The generator fails loudly if any text does not fit its box or if boxes overlap.
"""

import argparse
import io
import json
import os
import random
import re
import shutil
import sys
import tempfile
from xml.sax.saxutils import escape

import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph
from reportlab import rl_config

ZENHEI = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'
NOTO_SERIF_BOLD = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc'  # index 2 = SC, for the 'art' images
SITUATIONS = ['embedded', 'cid', 'art', 'no-unicode']
WEEKDAYS = '一二三四五六日'
RED = (0.78, 0.05, 0.08)

# Reproducible output: no creation date, fixed document id.
rl_config.invariant = 1


MEASURE = False


class LayoutError(Exception):
    pass


# --------------------------------------------------------------------------------------------- content

def read_article(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    m = re.match(r'^---\n(.*?)\n---\n(.*)$', text, re.S)
    if not m:
        raise LayoutError(f'{path}: no frontmatter')
    meta = yaml.safe_load(m.group(1))
    paras = []
    for block in re.split(r'\n\s*\n', m.group(2).strip()):
        block = ' '.join(line.strip() for line in block.splitlines())
        block = block.replace('**', '')  # 问/答 are bold in print; the text is the same
        if re.search(r'[*_`#\[\]<>]', block):
            raise LayoutError(f'{path}: Markdown the generator does not print: {block[:40]}')
        if block:
            paras.append(block)
    meta['paragraphs'] = paras
    meta['slug'] = os.path.splitext(os.path.basename(path))[0]
    return meta


def byline_names(meta):
    names, photographers = [], []
    for b in meta.get('byline') or []:
        if isinstance(b, dict):
            (photographers if b.get('role') == '摄影' else names).append(b['name'])
        else:
            names.append(b)
    return names, photographers


def date_line(d):
    return f'{d.year}年{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}'


# --------------------------------------------------------------------------------------------- fonts

class Fonts:
    """The fonts of one situation: names for reportlab, and whether display lines become images."""

    def __init__(self, situation):
        if situation == 'cid':
            if 'STSong-Light' not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
            self.text = 'STSong-Light'
        else:
            if 'Zen' not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont('Zen', ZENHEI, subfontIndex=0))
            self.text = 'Zen'
        self.art = situation == 'art'

    def width(self, s, size):
        return pdfmetrics.stringWidth(s, self.text, size)


_pil_fonts = {}


def pil_font(px):
    if px not in _pil_fonts:
        _pil_fonts[px] = ImageFont.truetype(NOTO_SERIF_BOLD, px, index=2)
    return _pil_fonts[px]


ART_DPI = 300


def text_image(s, size_pt, color=(0, 0, 0)):
    """A line of display type rasterised at ART_DPI; returns (PIL image, width pt, height pt)."""
    px = max(8, round(size_pt * ART_DPI / 72))
    font = pil_font(px)
    left, top, right, bottom = font.getbbox(s)
    w = right - left + 4
    h = round(px * 1.2)
    mode = 'L' if color == (0, 0, 0) else 'RGB'
    im = Image.new(mode, (w, h), 255 if mode == 'L' else (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.fontmode = '1'  # no anti-aliasing: two colours compress to a few KB
    fill = 0 if mode == 'L' else tuple(round(c * 255) for c in color)
    # baseline at 0.88 em from the top of the image, like the text it replaces
    d.text((2 - left, round(px * 0.88)), s, font=font, fill=fill, anchor='ls')
    return im, w * 72 / ART_DPI, h * 72 / ART_DPI


# --------------------------------------------------------------------------------------------- geometry

class Grid:
    def __init__(self, spec):
        g = spec['page']
        self.W = g['width'] * mm
        self.H = g['height'] * mm
        m = g['margins']
        self.left, self.right, self.top, self.bottom = (m[k] * mm for k in ('left', 'right', 'top', 'bottom'))
        self.cols = g['columns']
        self.gutter = g['gutter'] * mm
        self.colw = (self.W - self.left - self.right - (self.cols - 1) * self.gutter) / self.cols
        self.vgap = g.get('vgap', 4) * mm  # white space between boxes one above the other

    def x(self, col):  # left edge of 1-based column
        return self.left + (col - 1) * (self.colw + self.gutter)

    def span_w(self, span):
        return span * self.colw + (span - 1) * self.gutter

    def rect(self, col, span, top_mm, height_mm):
        if col < 1 or col + span - 1 > self.cols:
            raise LayoutError(f'columns {col}..{col + span - 1} outside 1..{self.cols}')
        return [self.x(col), top_mm * mm, self.span_w(span), height_mm * mm]


def overlaps(a, b):
    return a[0] < b[0] + b[2] - 0.01 and b[0] < a[0] + a[2] - 0.01 and a[1] < b[1] + b[3] - 0.01 and b[1] < a[1] + a[3] - 0.01


# --------------------------------------------------------------------------------------------- drawing helpers

class Page:
    """A canvas with top-left coordinates (y downwards), as in truth.json."""

    def __init__(self, c, grid, fonts):
        self.c, self.g, self.f = c, grid, fonts

    def y(self, top):
        return self.g.H - top

    def text(self, x, top, s, size, align='left', color=(0, 0, 0), display=False, baseline=0.88):
        """One line; `top` is the top of the line box; baseline at `baseline` em below it.
        display=True: drawn as an image in the 'art' situation. Returns the line width."""
        if display and self.f.art:
            im, w, h = text_image(s, size, color)
            w = min(w, self.f.width(s, size))  # same line width as the text it replaces (a slight squeeze)
            if align == 'center':
                x -= w / 2
            elif align == 'right':
                x -= w
            self.c.drawImage(ImageReader(im), x, self.y(top + h), w, h)
            return w
        c = self.c
        c.setFillColorRGB(*color)
        c.setFont(self.f.text, size)
        base = self.y(top + size * baseline)
        w = self.f.width(s, size)
        if align == 'center':
            c.drawCentredString(x, base, s)
        elif align == 'right':
            c.drawRightString(x, base, s)
        else:
            c.drawString(x, base, s)
        c.setFillColorRGB(0, 0, 0)
        return w

    def hrule(self, x0, x1, top, width=0.5, color=(0, 0, 0)):
        c = self.c
        c.setStrokeColorRGB(*color)
        c.setLineWidth(width)
        c.line(x0, self.y(top), x1, self.y(top))

    def vrule(self, x, top0, top1, width=0.5):
        c = self.c
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(width)
        c.line(x, self.y(top0), x, self.y(top1))


def break_lines(s, width, measure):
    """Greedy headline line breaking: prefer the title's own spaces, else break between characters
    (never before closing punctuation or after opening punctuation)."""
    no_start = set('，。、；：？！）》」』”’,.;:?!)')
    no_end = set('（《「『“‘(')
    segments = s.split(' ')
    lines, cur = [], ''
    for seg in segments:
        cand = seg if not cur else cur + ' ' + seg
        if measure(cand) <= width:
            cur = cand
            continue
        if cur:
            lines.append(cur)
            cur = ''
        # the segment alone may be too wide: break by characters
        for ch in seg:
            if measure(cur + ch) <= width or not cur:
                cur += ch
            else:
                # move a forbidden line start / end along
                if ch in no_start and len(cur) > 1:
                    lines.append(cur[:-1])
                    cur = cur[-1] + ch
                elif cur[-1] in no_end and len(cur) > 1:
                    lines.append(cur[:-1])
                    cur = cur[-1] + ch
                else:
                    lines.append(cur)
                    cur = ch
    if cur:
        lines.append(cur)
    for ln in lines:
        if measure(ln) > width + 0.01:
            raise LayoutError(f'headline line too wide: {ln}')
    return lines


def balance_lines(s, width, measure):
    """Break into the fewest lines, then even the lines out (papers avoid a short last headline line)."""
    lines = break_lines(s, width, measure)
    if len(lines) < 2 or ' ' in s:
        return lines
    n = len(lines)
    lo, hi = width * 0.3, width
    best = lines
    for _ in range(20):
        mid = (lo + hi) / 2
        try:
            cand = break_lines(s, mid, measure)
        except LayoutError:
            cand = None
        if cand and len(cand) <= n:
            best, hi = cand, mid
        else:
            lo = mid
    return best


# --------------------------------------------------------------------------------------------- body flow

def body_style(fonts, spec):
    b = spec.get('body', {})
    size = b.get('size', 9.2)
    return ParagraphStyle(
        'body', fontName=fonts.text, fontSize=size, leading=b.get('leading', size * 1.5),
        firstLineIndent=2 * size, wordWrap='CJK', alignment=TA_LEFT, spaceBefore=0, spaceAfter=0)


def flow(paras, colw, colh, ncols, draw=None):
    """Flow paragraphs through ncols columns of height colh. draw(col_index, y_offset, flowable) draws.
    Returns the paragraphs that did not fit."""
    queue = list(paras)
    for ci in range(ncols):
        used = 0.0
        while queue:
            p = queue[0]
            _, h = p.wrap(colw, colh - used)
            if used + h <= colh + 0.01:
                if draw:
                    draw(ci, used, p)
                used += h
                queue.pop(0)
                continue
            parts = p.split(colw, colh - used)
            if len(parts) == 2:
                first, rest = parts
                _, fh = first.wrap(colw, colh - used)
                if draw:
                    draw(ci, used, first)
                queue[0] = rest
            break
    return queue


def flow_balanced(paras, colw, avail_h, ncols, leading, what):
    """The smallest column height (in whole lines) that takes all the text; fail if none fits avail_h."""
    max_lines = int((avail_h + 0.01) // leading)
    if max_lines < 1 or flow(paras, colw, max_lines * leading + 0.01, ncols):
        need = max_lines + 1
        while flow(paras, colw, need * leading + 0.01, ncols) and need < 2000:
            need += 1
        raise LayoutError(f'{what}: body does not fit: needs {need} lines a column '
                          f'({need * leading / mm:.1f} mm), the box has {avail_h / mm:.1f} mm')
    lo, hi = 1, max_lines
    while lo < hi:
        mid = (lo + hi) // 2
        if flow(paras, colw, mid * leading + 0.01, ncols):
            lo = mid + 1
        else:
            hi = mid
    return lo * leading + 0.01


# --------------------------------------------------------------------------------------------- photos

def make_photo(path, seed, w_px, h_px):
    """A deterministic stand-in for a news photo: sky/ground gradient, some figures, noise, blur."""
    rnd = random.Random(seed)
    im = Image.new('RGB', (w_px, h_px))
    d = ImageDraw.Draw(im)
    sky = [rnd.randint(90, 160), rnd.randint(120, 180), rnd.randint(170, 230)]
    ground = [rnd.randint(60, 110), rnd.randint(70, 110), rnd.randint(40, 80)]
    horizon = int(h_px * rnd.uniform(0.4, 0.6))
    for yy in range(h_px):
        if yy < horizon:
            t = yy / horizon
            col = tuple(int(sky[i] * (1 - 0.4 * t) + 230 * 0.4 * t) for i in range(3))
        else:
            t = (yy - horizon) / (h_px - horizon)
            col = tuple(int(ground[i] * (1 - 0.5 * t)) for i in range(3))
        d.line([(0, yy), (w_px, yy)], fill=col)
    for _ in range(rnd.randint(3, 5)):  # buildings / boards
        x0 = rnd.randint(0, w_px - 60)
        bw, bh = rnd.randint(40, 160), rnd.randint(40, horizon - 10)
        g = rnd.randint(120, 220)
        d.rectangle([x0, horizon - bh, x0 + bw, horizon], fill=(g, g - 10, g - 20))
    for _ in range(rnd.randint(5, 9)):  # people
        cx = rnd.randint(20, w_px - 20)
        base = rnd.randint(horizon + 10, h_px - 5)
        s = (base - horizon) / (h_px - horizon) * 0.8 + 0.4
        body_h, head_r = int(90 * s), int(12 * s)
        colr = tuple(rnd.randint(20, 200) for _ in range(3))
        d.rounded_rectangle([cx - int(18 * s), base - body_h, cx + int(18 * s), base], radius=int(8 * s), fill=colr)
        d.ellipse([cx - head_r, base - body_h - 2 * head_r, cx + head_r, base - body_h], fill=(225, 190, 160))
    noise = Image.frombytes('L', (w_px, h_px), rnd.randbytes(w_px * h_px)).convert('RGB')  # seeded, unlike effect_noise
    im = Image.blend(im, noise, 0.08).filter(ImageFilter.GaussianBlur(1.2))
    im.save(path, 'JPEG', quality=55, optimize=True, progressive=False)


# --------------------------------------------------------------------------------------------- page parts

def draw_masthead(pg, spec, edition, page_spec, total_pages):
    g = pg.g
    m = spec['masthead']
    top, height = m['top'] * mm, m['height'] * mm
    x0, x1 = g.left, g.W - g.right
    # 报名, big and red, on the left
    title_size = m.get('title_size', 92)
    title_w = pg.text(x0 + 4 * mm, top + 6 * mm, m['title'], title_size, color=RED, display=True)
    sub_top = top + 6 * mm + title_size * 1.1
    if m.get('subtitle_line'):
        pg.text(x0 + 4 * mm, sub_top, m['subtitle_line'], 11)
    # right block: issue data
    bx = x1 - 2 * mm
    lines = [
        (date_line(edition['date']), 13),
        (m.get('lunar', ''), 10),
        (m.get('issn', ''), 10),
        (m.get('issue', ''), 10),
        ((f'今日{total_pages}版　' if m.get('page_count', True) else '') +
         f'第{page_spec["number"]:02d}版　{page_spec["name"]}', 11),
        (f'责任编辑：{page_spec["editor"]}' if page_spec.get('editor') else '', 10),
    ]
    yy = top + 8 * mm
    for s, size in lines:
        if not s:
            continue
        w = pg.text(bx, yy, s, size, align='right')
        if bx - w < x0 + 4 * mm + title_w + 4 * mm:
            raise LayoutError('masthead info runs into the title')
        yy += size * 1.55
    if yy > top + height or sub_top + 14 > top + height:
        raise LayoutError('masthead content taller than the masthead')
    # double rule under the masthead, inside its box
    pg.hrule(x0, x1, top + height - 3.2, 2.2, RED)
    pg.hrule(x0, x1, top + height - 0.6, 0.6, RED)
    return [x0, top, x1 - x0, height]


def draw_header(pg, spec, edition, page_spec):
    g = pg.g
    h = spec['header']
    top, height = h['top'] * mm, h['height'] * mm
    x0, x1 = g.left, g.W - g.right
    mid = top + height / 2
    pg.text(x0, mid - 8, f'第{page_spec["number"]:02d}版', 14)
    pg.text((x0 + x1) / 2, mid - 11, page_spec['name'], 20, align='center', display=True)
    pg.text(x1, mid - 11, date_line(edition['date']), 10, align='right')
    pg.text(x1, mid + 1, f'责任编辑：{page_spec["editor"]}', 10, align='right')
    pg.hrule(x0, x1, top + height - 2.4, 1.6)
    pg.hrule(x0, x1, top + height - 0.4, 0.4)
    return [x0, top, x1 - x0, height]


def draw_ad(pg, ad, rect):
    x, top, w, h = rect
    c = pg.c
    c.setLineWidth(1.2)
    c.rect(x, pg.y(top + h), w, h)
    c.setLineWidth(0.4)
    c.rect(x + 3, pg.y(top + h - 3), w - 6, h - 6)
    lines = ad['lines']
    total = sum(size * 1.6 for _, size in lines)
    yy = top + (h - total) / 2
    for s, size in lines:
        lw = pg.f.width(s, size)
        if lw > w - 16:
            raise LayoutError(f'ad line too wide: {s}')
        pg.text(x + w / 2, yy + size * 0.3, s, size, align='center')
        yy += size * 1.6


def article_rects(g, a):
    """The article's printed area as the layout gives it: one rectangle, or for an L-shaped article
    (head.body_span < span) the headline band across all its columns plus the body under it."""
    box = g.rect(a['col'], a['span'], a['top'], a['height'])
    head = a.get('head')
    if head and head.get('body_span', a['span']) != a['span']:
        hh = head['height']
        return [g.rect(a['col'], a['span'], a['top'], hh),
                g.rect(a['col'], head['body_span'], a['top'] + hh, a['height'] - hh)]
    return [box]


def draw_article(pg, spec, meta, a, photo_dir, situation):
    g, f = pg.g, pg.f
    rects = article_rects(g, a)
    x0, top, w, h = rects[0]
    pad = 1.2 * mm
    yy = top + pad
    slug = meta['slug']
    names, photographers = byline_names(meta)

    def display_lines(s, size, lead, what):
        nonlocal yy
        # measured with the PDF font in every situation, so that line breaks are alike ('art' images are
        # drawn at the width of the text they replace)
        lines = balance_lines(s, w - 2 * mm, lambda t: f.width(t, size))
        for ln in lines:
            pg.text(x0 + w / 2, yy + (lead - size) / 2, ln, size, align='center', display=True)
            yy += lead
        return lines

    hsize = a.get('headline_size', {1: 16, 2: 20, 3: 24}.get(a['span'], 28))
    if meta.get('kicker'):
        display_lines(meta['kicker'], 11, 15, 'kicker')
        yy += 1
    display_lines(meta['title'], hsize, hsize * 1.3, 'headline')
    if meta.get('subtitle'):
        yy += 1
        display_lines(meta['subtitle'], 12, 16, 'subtitle')
    yy += 1.5 * mm
    # byline line: source (+ dateline) and names, as printed under the headline
    src = (meta.get('source') or '') + (meta.get('dateline') or '')
    if names or src:
        parts = ([src] if src else []) + (['□ ' + ' '.join(names)] if names else [])
        s = '　'.join(parts)
        lines = [s] if f.width(s, 9) <= w else parts  # narrow articles: source and names on two lines
        for ln in lines:
            if f.width(ln, 9) > w:
                raise LayoutError(f'{slug}: byline wider than the article')
            pg.text(x0, yy, ln, 9)
            yy += 13
    yy += 1.2 * mm
    head_used = yy - top

    # body region
    if len(rects) == 2:
        if head_used > rects[0][3] + 0.01:
            raise LayoutError(f'{slug}: headline block needs {head_used / mm:.1f} mm, head.height is '
                              f'{rects[0][3] / mm:.1f} mm')
        bx, btop, bw, bh = rects[1]
        btop += 1 * mm
        bh -= 1 * mm
        ncols = a['head']['body_span']
    else:
        bx, btop, bw = x0, yy, w
        bh = top + h - yy
        ncols = a['span']
    bh -= pad

    # photo (full body width) with caption under it; with `photos: false` (--no-stand-in-photos) no made-up
    # stand-in is drawn: the caption (and credit) alone is printed where the photo would be
    images = meta.get('images') or []
    if images:
        pw = bw
        if spec.get('photos', True):
            ph = a.get('photo_height', 45) * mm
            path = os.path.join(photo_dir, f'{slug}.jpg')
            if not os.path.exists(path):
                make_photo(path, slug, 640, max(120, round(640 * ph / pw)))
            pg.c.drawImage(path, bx, pg.y(btop + ph), pw, ph)
        else:
            ph = 0
        cap = images[0].get('caption', '')
        credit = images[0].get('credit') or photographers
        if credit:
            cap += '　' + ' '.join(credit) + ' 摄'
        cstyle = ParagraphStyle('cap', fontName=f.text, fontSize=8, leading=11, wordWrap='CJK', alignment=TA_CENTER)
        cp = Paragraph(escape(cap), cstyle)
        _, chh = cp.wrap(pw, 100)
        cp.drawOn(pg.c, bx, pg.y(btop + ph + 1.2 * mm + chh))
        used = ph + 1.2 * mm + chh + 2.5 * mm
        btop += used
        bh -= used

    style = body_style(f, spec)
    paras = [Paragraph(escape(p), style) for p in meta['paragraphs']]
    colh = flow_balanced(paras, g.colw, bh, ncols, style.leading, f'{situation} {slug}')

    def draw(ci, yoff, p):
        _, ph_ = p.wrap(g.colw, colh - yoff)
        p.drawOn(pg.c, bx + ci * (g.colw + g.gutter), pg.y(btop + yoff + ph_))

    rest = flow(paras, g.colw, colh, ncols, draw)
    assert not rest
    return {'slug': slug, 'rects': rects,
            'slack_mm': round((bh - colh) / mm, 1)}


def draw_rules(pg, regions, content_top, content_bottom):
    """Thin rules in the white space between boxes: above and left of every box that has a neighbour there."""
    g = pg.g
    for reg in regions:
        for i, (x, top, w, h) in enumerate(reg['rects']):
            if i == 0 and top > content_top + 1:
                pg.hrule(x - (g.gutter / 2 if x > g.left + 1 else 0),
                         x + w + (g.gutter / 2 if x + w < g.W - g.right - 1 else 0), top - g.vgap / 2, 0.5)
            if x > g.left + 1:
                pg.vrule(x - g.gutter / 2, top - (g.vgap / 2 if top > content_top + 1 else 0),
                         min(top + h + g.vgap / 2, content_bottom), 0.5)


# --------------------------------------------------------------------------------------------- page

def make_page(out_path, spec, edition, page_spec, articles, situation, photo_dir):
    g = Grid(spec)
    f = Fonts(situation)
    c = canvas.Canvas(out_path, pagesize=(g.W, g.H), pageCompression=1, invariant=1)
    c.setTitle(f'{spec.get("paper", "河北法制报")} {edition["date"]} 第{page_spec["number"]:02d}版 {page_spec["name"]}')
    c.setCreator('tools/epaper-fixtures/make_pages.py (reportlab)')
    pg = Page(c, g, f)
    truth = {'width': round(g.W, 2), 'height': round(g.H, 2), 'articles': {}, 'masthead': [], 'header': [], 'ads': []}
    fixed = []
    if page_spec.get('masthead'):
        r = draw_masthead(pg, spec, edition, page_spec, len(edition['pages']))
        truth['masthead'].append(r)
        content_top = r[1] + r[3] + g.vgap
    else:
        r = draw_header(pg, spec, edition, page_spec)
        truth['header'].append(r)
        content_top = r[1] + r[3] + g.vgap
    fixed.append(r)
    content_bottom = g.H - g.bottom
    regions = []
    report = []
    placed = set()
    for a in page_spec['articles']:
        slug = a['slug']
        if slug not in articles:
            raise LayoutError(f'layout names {slug}, which is not in the edition')
        meta = articles[slug]
        if meta['page'] != page_spec['number']:
            raise LayoutError(f'{slug} has page: {meta["page"]} but is laid out on page {page_spec["number"]}')
        info = draw_article(pg, spec, meta, a, photo_dir, situation)
        regions.append(info)
        truth['articles'][slug] = info['rects']
        report.append(info)
        placed.add(slug)
    for ad in page_spec.get('ads', []):
        r = g.rect(ad['col'], ad['span'], ad['top'], ad['height'])
        draw_ad(pg, ad, r)
        truth['ads'].append(r)
        regions.append({'slug': 'ad', 'rects': [r]})
    if MEASURE:
        c.showPage()
        c.save()
        return truth, report
    missing = [s for s, m in articles.items() if m['page'] == page_spec['number'] and s not in placed]
    if missing:
        raise LayoutError(f'page {page_spec["number"]}: articles not laid out: {missing}')
    # every box inside the content area, no two overlapping
    allr = [(reg['slug'], r) for reg in regions for r in reg['rects']]
    for name, r in allr:
        if r[1] < content_top - 0.01 or r[1] + r[3] > content_bottom + 0.01:
            raise LayoutError(f'page {page_spec["number"]}: {name} reaches outside the content area '
                              f'({content_top / mm:.1f}..{content_bottom / mm:.1f} mm): {[round(v / mm, 1) for v in r]}')
    for i in range(len(allr)):
        for j in range(i + 1, len(allr)):
            if allr[i][0] != allr[j][0] and overlaps(allr[i][1], allr[j][1]):
                raise LayoutError(f'page {page_spec["number"]}: {allr[i][0]} and {allr[j][0]} overlap')
    draw_rules(pg, regions, content_top, content_bottom)
    c.showPage()
    c.save()
    return truth, report


# --------------------------------------------------------------------------------------------- no-unicode

def strip_unicode(path):
    """Remove every ToUnicode map. reportlab embeds TrueType subsets as simple fonts whose codes are the
    subset's own numbering (0-255 per subset, in order of first use), with no /Encoding, so without the
    ToUnicode maps a reader gets codes that mean nothing (mupdf reads them as Latin-1-like letters); the
    glyphs still draw, through the subset's own cmap. (Garbling that cmap as well would also stop the
    glyphs from drawing, so it is left alone.)"""
    import pikepdf
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    for page in pdf.pages:
        for _, font in page.obj.get('/Resources', {}).get('/Font', {}).items():
            if '/ToUnicode' in font:
                del font['/ToUnicode']
            for d in font.get('/DescendantFonts', []):
                if '/ToUnicode' in d:
                    del d['/ToUnicode']
    pdf.save(path, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate, static_id=True)


# --------------------------------------------------------------------------------------------- main

def load_edition(folder):
    with open(os.path.join(folder, 'edition.yaml'), encoding='utf-8') as f:
        edition = yaml.safe_load(f)
    articles = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith('.md'):
            meta = read_article(os.path.join(folder, name))
            articles[meta['slug']] = meta
    return edition, articles


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--edition', required=True, help='edition folder (edition.yaml and the articles)')
    ap.add_argument('--layout', required=True, help='layout spec (YAML)')
    ap.add_argument('--out', help='writes <out>/<situation>/NN.pdf and <out>/truth.json')
    ap.add_argument('--flat-out', help='writes NN.pdf straight into this folder (one situation only)')
    ap.add_argument('--situations', default=','.join(SITUATIONS))
    ap.add_argument('--truth', help='where to write truth.json (default <out>/truth.json)')
    ap.add_argument('--copy-embedded-to-edition', action='store_true')
    ap.add_argument('--no-stand-in-photos', action='store_true',
                    help='print only the captions (and credits) of photos, no made-up stand-in picture '
                         '(the same as photos: false in the layout)')
    ap.add_argument('--measure', action='store_true',
                    help='writing a layout: skip the page checks and print how much height each article needs')
    args = ap.parse_args()
    global MEASURE
    MEASURE = args.measure

    with open(args.layout, encoding='utf-8') as f:
        spec = yaml.safe_load(f)
    if args.no_stand_in_photos:
        spec['photos'] = False
    edition, articles = load_edition(args.edition)
    situations = args.situations.split(',')
    if args.flat_out and len(situations) != 1:
        sys.exit('--flat-out takes one situation')
    names = {p['number']: p for p in edition['pages']}
    # a fixed folder: reportlab names an image after its file path, so a random temporary name would change the PDF
    photo_dir = os.path.join(tempfile.gettempdir(), 'epaper-fixture-photos')
    shutil.rmtree(photo_dir, ignore_errors=True)
    os.makedirs(photo_dir)
    truth = {'units': 'PDF points (1/72 in), origin at the top-left of the page, y downwards',
             'layout': os.path.relpath(args.layout), 'pages': {}}
    try:
        for situation in situations:
            if situation not in SITUATIONS:
                sys.exit(f'unknown situation {situation}')
            draw_as = 'embedded' if situation == 'no-unicode' else situation
            outdir = args.flat_out or os.path.join(args.out, situation)
            os.makedirs(outdir, exist_ok=True)
            for page_spec in spec['pages']:
                n = page_spec['number']
                if n not in names:
                    raise LayoutError(f'page {n} is not in edition.yaml')
                page_spec = dict(page_spec, name=names[n]['name'])
                path = os.path.join(outdir, f'{n:02d}.pdf')
                t, report = make_page(path, spec, edition, page_spec, articles, draw_as, photo_dir)
                if situation == 'no-unicode':
                    strip_unicode(path)
                t = {k: (v if k in ('width', 'height') else
                         ({s: [rect_json(r) for r in rs] for s, rs in v.items()} if k == 'articles' else
                          [rect_json(r) for r in v])) for k, v in t.items()}
                prev = truth['pages'].get(str(n))
                if prev is not None and prev != t:
                    raise LayoutError(f'page {n}: the boxes differ between situations')
                truth['pages'][str(n)] = t
                slack = ', '.join(f'{r["slug"][:14]} {r["slack_mm"]}' for r in report)
                print(f'{path}: {os.path.getsize(path) // 1024} KB; spare body height (mm): {slack}')
                if MEASURE:
                    for r, a in zip(report, page_spec['articles']):
                        print(f'  {a["slug"]}: span {a["span"]}: needs {a["height"] - r["slack_mm"]:.1f} mm')
        truth_path = args.truth or (os.path.join(args.out, 'truth.json') if args.out else None)
        if truth_path:
            with open(truth_path, 'w', encoding='utf-8') as f:
                json.dump(truth, f, ensure_ascii=False, indent=1)
                f.write('\n')
            print(f'{truth_path} written')
        if args.copy_embedded_to_edition:
            for page_spec in spec['pages']:
                n = page_spec['number']
                shutil.copyfile(os.path.join(args.out, 'embedded', f'{n:02d}.pdf'),
                                os.path.join(args.edition, f'{n:02d}.pdf'))
    except LayoutError as e:
        sys.exit(f'layout error: {e}')
    finally:
        shutil.rmtree(photo_dir, ignore_errors=True)


def rect_json(r):
    return {'x': round(r[0], 2), 'y': round(r[1], 2), 'width': round(r[2], 2), 'height': round(r[3], 2)}


if __name__ == '__main__':
    main()
