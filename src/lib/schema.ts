// Zod schemas for articles and editions: the one definition of the content model.
// Imported by src/content.config.ts (the site) and by every script (checker, scaffolder, importer),
// so the site and the tools can never disagree about what a valid file is.
import { z } from 'astro/zod';
import { categoryNames } from './categories.ts';
import { forbiddenCharacters, normalizePersonName, type TextKind } from './content/text.ts';
import { resolveCounty } from './gazetteer.ts';
import { hasNameSlug } from './slug.ts';
import { paper } from './paper.ts';

/** Roles a byline name may carry, as printed: 记者 徐洋, 通讯员 刘爱军, 唐新花 摄 (摄影). */
export const bylineRoles = ['记者', '特约记者', '见习记者', '实习生', '通讯员', '摄影', '编辑'] as const;
export type BylineRole = (typeof bylineRoles)[number];

/** `2022-4-19`, `2022/04/19`, `2022年4月19日`: a date written another way, as the YYYY-MM-DD it stands for. */
function dateAsWritten(value: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

/**
 * An edition date: YYYY-MM-DD, a real calendar day. YAML turns an unquoted date into a Date; accept both. One
 * message per mistake: a date in another form names the form it must take (the day is checked only once it has it).
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string({ error: '日期必须写成 YYYY-MM-DD，例如 2022-04-19' }).superRefine((s, ctx) => {
    const form = (example: string) => `日期要写成 ${example} 这样\uFF08年-月-日\uFF0C月和日都写两位数\uFF09`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      const meant = dateAsWritten(s);
      const message =
        meant === undefined
          ? form('2022-04-19')
          : isRealDate(meant)
            ? form(meant)
            : `${form('2022-04-19')}\uFF0C而且 ${meant} 这一天不存在\uFF08请检查月份和日\uFF09`;
      ctx.addIssue({ code: 'custom', message });
      return;
    }
    if (!isRealDate(s)) ctx.addIssue({ code: 'custom', message: '日期不存在（请检查月份和日）' });
  }),
);

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Refuses the control and bidirectional characters no field may hold (src/lib/content/text.ts); the first one is named. */
const refuseControls = (kind: TextKind) => (value: string, ctx: z.RefinementCtx<string>) => {
  const [first] = forbiddenCharacters(value, kind);
  if (first) ctx.addIssue({ code: 'custom', message: first.message });
};

/** A text field of one line, trimmed. */
const line = (params?: Parameters<typeof z.string>[0]) => z.string(params).trim().superRefine(refuseControls('line'));
/** A text field that may span lines (captions, summaries, notes), trimmed. */
const lines = () => z.string().trim().superRefine(refuseControls('lines'));

const HAN_OR_LATIN = /[\p{Script=Han}\p{Script=Latin}]/u;

/**
 * A person's name is written in Han characters or Latin letters, and gives the URL slug of its page (/byline/…/):
 * a name of emoji or symbols alone would be nobody's page. Empty names and forbidden characters have their own message.
 */
const refuseNameWithoutLetters = (value: string, ctx: z.RefinementCtx<string>) => {
  if (value === '' || forbiddenCharacters(value, 'line').length > 0) return;
  if (!HAN_OR_LATIN.test(value)) {
    ctx.addIssue({ code: 'custom', message: `姓名「${value}」里没有汉字或字母\uFF0C网站无法为它生成署名页\uFF1B请写上真实姓名` });
  } else if (!hasNameSlug(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `姓名「${value}」里的字无法转成拼音\uFF0C网站无法为它生成署名页的网址\uFF1B请检查是否写错了字`,
    });
  }
};

/** A name, NFC and without invisible characters, so that a name pasted with a zero-width space is the same person. */
const personName = z
  .string()
  .overwrite(normalizePersonName)
  .trim()
  .superRefine(refuseControls('line'))
  .min(1, { error: '姓名不能为空' })
  .max(20, { error: '姓名过长（最多 20 个字）' })
  .refine((s) => !/[\s,,、;;]/.test(s), { error: '每个姓名单独写一项，不要用空格或逗号把几个人写在一起' })
  .superRefine(refuseNameWithoutLetters);

/** Role words longest first, so that 特约记者张三 is a 特约记者 and not a 记者. */
const rolesLongestFirst = [...bylineRoles].sort((a, b) => b.length - a.length);
const ROLE_AND_NAME = new RegExp(`^(${rolesLongestFirst.join('|')})(\\s*[:\uFF1A]\\s*|\\s+)?(.*)$`, 's');

/**
 * How a byline item written as one piece of text holds a role: `记者 徐洋` (space: the documented form), `记者徐洋`
 * (joined), `通讯员：李四` or `通讯员:李四` (colon). Only the schema's role words count, and a joined name must keep
 * two characters (编辑部 is not 编辑 部). Undefined: the text is a name alone.
 */
export function splitBylineRole(text: string): { role: BylineRole; name: string; written: 'space' | 'joined' | 'colon' } | undefined {
  const m = ROLE_AND_NAME.exec(normalizePersonName(text).trim());
  if (!m) return undefined;
  const [, role, separator, name] = m as unknown as [string, BylineRole, string | undefined, string];
  // 记者： with no name after it is a role whose name is missing, not a person called 记者：.
  if (name === '') return separator !== undefined && /[:\uFF1A]/.test(separator) ? { role, name, written: 'colon' } : undefined;
  if (separator === undefined) return [...name].length >= 2 && !/[:\uFF1A]/.test(name) ? { role, name, written: 'joined' } : undefined;
  return { role, name, written: /[:\uFF1A]/.test(separator) ? 'colon' : 'space' };
}

/** `{ 通讯员: 李四 }` (a block list item `- 通讯员: 李四`): one role word as the key, the name as its value. */
export function bylineRoleKey(value: unknown): { role: BylineRole; name: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [[key, name]] = entries as [[string, unknown]];
  return (bylineRoles as readonly string[]).includes(key) && typeof name === 'string' ? { role: key as BylineRole, name } : undefined;
}

/**
 * One name in the byline. Written either as a plain name (`徐洋`), as role and name (`记者 徐洋`; also `记者徐洋`,
 * `通讯员：李四`, `- 通讯员: 李四`, which the content door reads with a warning), or as an object
 * (`{ name: 唐新花, role: 摄影 }`). Always normalised to `{ name, role? }`.
 */
export const bylineEntry = z.preprocess(
  (value) => {
    const keyed = bylineRoleKey(value);
    if (keyed) return keyed;
    if (typeof value !== 'string') return value;
    // Normalised before splitting: a BOM between role and name is whitespace to a regular expression.
    const split = splitBylineRole(value);
    return split ? { role: split.role, name: split.name } : { name: value };
  },
  z.strictObject({
    /** The person's name, e.g. 徐洋. */
    name: personName,
    /** What they did: 记者, 通讯员, 摄影 … Omitted when the paper printed the name alone. */
    role: z.enum(bylineRoles, { error: `身份只能是：${bylineRoles.join('、')}` }).optional(),
  }),
);
export type BylineEntry = z.output<typeof bylineEntry>;

/** Names of photographers as printed before 摄: `唐新花 熊海生 摄` is written `credit: [唐新花, 熊海生]`. */
const credit = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(personName).min(1, { error: '摄影署名不能为空' }),
);

/** A photo of the article. The caption is kept even when the photo file itself is not (yet) in the repository. */
export const imageSchema = z.strictObject({
  /** Path of the image file, relative to the article file (e.g. `./hanyunpeng.jpg`). Optional: print exports often lack the photo. */
  file: line().min(1).optional(),
  /** The caption as printed (图为…). */
  caption: lines().min(1, { error: '图片说明不能为空' }),
  /** Photographers, printed as “… 摄”. */
  credit: credit.optional(),
  /** Text alternative for readers who cannot see the photo; defaults to the caption. */
  alt: lines().min(1).optional(),
});
export type ArticleImage = z.output<typeof imageSchema>;

/**
 * 转载: what the rules on reprinting news (互联网新闻信息服务管理规定) ask a reprint to show beside its source: the
 * original author and the original title, and where it was first published when that is online.
 */
export const reprintSchema = z.strictObject({
  /** 原作者: as the original names them (新华社记者 张三), or the outlet when it names no one (新华社记者). */
  author: line({ error: '请写上原作者（author），例如 新华社记者 张三；原稿没有署名时写 新华社记者' })
    .min(1, { error: '原作者不能为空' })
    .max(60),
  /** 原标题 */
  title: line({ error: '请写上原标题（title）' }).min(1, { error: '原标题不能为空' }).max(120),
  /** 原文链接: the original's address, when it was published online. */
  url: z.url({ protocol: /^https?$/, error: '原文链接（url）必须是 http:// 或 https:// 开头的网址' }).optional(),
});
export type Reprint = z.output<typeof reprintSchema>;

/** A source line of the paper's own (本报讯, 河北法制报讯, 本报记者 …); any other names the outlet an article is reprinted from. */
export function isOwnSource(source: string): boolean {
  return source.startsWith('本报') || source.startsWith(paper.name);
}

/** A correction appended to an article after publication (更正). */
export const correctionSchema = z.strictObject({
  date: isoDate,
  text: lines().min(1, { error: '更正内容不能为空' }),
});

/** The county field: a Hebei division from the gazetteer, or a scope value (河北省 / 全国). */
export const countyField = z
  .string({ error: '必须填写县区（全省性的稿件写「河北省」，外省或全国性的稿件写「全国」）' })
  .trim()
  .superRefine((value, ctx) => {
    const [forbidden] = forbiddenCharacters(value, 'line');
    if (forbidden) {
      ctx.addIssue({ code: 'custom', message: forbidden.message });
      return;
    }
    const result = resolveCounty(value);
    if (result.ok) return;
    if (result.reason === 'ambiguous') {
      ctx.addIssue({
        code: 'custom',
        message: `县区「${value}」有重名，请写全称：${result.candidates.map((c) => `「${c}」`).join('、')}`,
      });
    } else {
      const hint = result.suggestions.length > 0 ? `，是否为${result.suggestions.map((s) => `「${s}」`).join('或')}？` : '';
      ctx.addIssue({ code: 'custom', message: `未知的县区「${value}」${hint}` });
    }
  });

/** A distance on the printed page in millimetres: at most two decimals, within a broadsheet and then some. */
const millimetres = z
  .number({ error: '必须是以毫米为单位的数字' })
  .min(0, { error: '不能是负数' })
  .max(2000, { error: '超出了版面（单位是毫米）' });
/** One rectangle of a 热区 given by hand: [左, 上, 宽, 高] in millimetres from the page's top-left corner. */
const areaRectangle = z.tuple(
  [
    millimetres,
    millimetres,
    millimetres.refine((n) => n > 0, { error: '宽度必须大于 0' }),
    millimetres.refine((n) => n > 0, { error: '高度必须大于 0' }),
  ],
  { error: '每个矩形写成 [左, 上, 宽, 高] 四个数（毫米）' },
);

export const articleSchema = z
  .strictObject({
    /** 主题: the headline. */
    title: line({ error: '必须填写标题（title）' }).min(1, { error: '标题不能为空' }).max(80, { error: '标题过长（最多 80 个字）' }),
    /** 引题: the line printed above the headline. */
    kicker: line().min(1).max(80).optional(),
    /** 副题: the line printed below the headline. */
    subtitle: line().min(1).max(80).optional(),
    /**
     * Who wrote it, in printed order. Names from the dateline (河北法制报讯 (徐洋 刘爱军)) and trailing
     * bylines (席娟 郝雪) both go here; may be empty for agency copy that names no one.
     */
    byline: z.array(bylineEntry, { error: '署名（byline）必须是姓名列表，例如 [徐洋, 刘爱军]' }).default([]),
    /** The edition date (YYYY-MM-DD); must match the edition folder. */
    date: isoDate,
    /** The most specific Hebei division the story is about (gazetteer name), or 河北省 / 全国. */
    county: countyField,
    /** One of the categories in src/lib/categories.ts. */
    category: z.enum(categoryNames, { error: `栏目（category）只能是：${categoryNames.join('、')}` }),
    /** 版次: the number of the printed page the article appeared on; must exist in the edition. */
    page: z.int({ error: '版次（page）必须是正整数' }).positive({ error: '版次（page）必须是正整数' }),
    /** Position on the page, 1 = lead story of the page. */
    order: z.int({ error: '版内顺序（order）必须是正整数' }).positive({ error: '版内顺序（order）必须是正整数' }),
    /** The source line the print text opens with: 本报讯, 河北法制报讯, 新华社 … */
    source: line().min(1).max(30).optional(),
    /** The dateline after the source: 北京电 (printed as 新华社北京电). */
    dateline: line().min(1).max(30).optional(),
    /** 转载: for an article another outlet first published (its `source`), who wrote it and under what title there. */
    reprint: reprintSchema.optional(),
    /** 责任编辑: the editor responsible for the article, by real name; defaults to its 版's `editor` in edition.yaml. */
    editor: personName.optional(),
    /** Photos with their captions and credits. */
    images: z.array(imageSchema).default([]),
    /** One or two sentences for lists, feeds and search results; defaults to the first paragraph. */
    summary: lines().min(1).max(300).optional(),
    /** The headline was written by the web desk because the printed item had none (图片新闻). */
    editorHeadline: z.boolean().default(false),
    /** The printed text breaks off mid-sentence (the page ran out); published as printed. */
    truncated: z.boolean().default(false),
    /** Drafts are previewed in `npm run dev` but never published. */
    draft: z.boolean().default(false),
    /** Corrections published after the article, newest last. */
    corrections: z.array(correctionSchema).default([]),
    /**
     * 热区 given by hand: where the article is printed on its 版's page, as rectangles `[左, 上, 宽, 高]` in
     * millimetres from the page's top-left corner. Only needed where the page PDF's text cannot be read (or an area
     * is found wrongly); otherwise the area is found in the PDF (src/lib/epaper/locate.ts).
     */
    area: z
      .array(areaRectangle, { error: '热区（area）必须是矩形列表，每个矩形写成 [左, 上, 宽, 高]（毫米），例如 [[12, 80, 95, 140]]' })
      .min(1, { error: '热区（area）至少要有一个矩形' })
      .max(20, { error: '热区（area）最多 20 个矩形' })
      .optional(),
  })
  .superRefine((article, ctx) => {
    // A reprint shows its original author and title beside its source, as the rules on reprinting news ask.
    if (article.source !== undefined && !isOwnSource(article.source) && article.reprint === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: `「${article.source}」的稿件是转载稿\uFF0C要注明原作者和原标题\uFF1A请加上 reprint\uFF0C例如 reprint: { author: ${article.source}记者, title: 原标题 }`,
      });
    }
  });
export type Article = z.output<typeof articleSchema>;

/** A file of a 版 beside edition.yaml, named by its file name alone (no folder), with one of `extensions`. */
function pageFile(field: string, extensions: readonly string[]) {
  return line({ error: `${field} 必须是文件名，例如 01.${extensions[0]}` }).refine(
    (name) => !/[/\\]/.test(name) && !name.startsWith('.') && new RegExp(`\\.(${extensions.join('|')})$`).test(name),
    {
      error: `${field} 必须是与 edition.yaml 放在同一文件夹里的 ${extensions.map((e) => `.${e}`).join('、')} 文件名\uFF08不带路径\uFF09，例如 01.${extensions[0]}`,
    },
  );
}

export const editionPageSchema = z.strictObject({
  /** 版次: 1, 2, 3 … */
  number: z.int().positive(),
  /** 版名: 要闻, 政法动态 … */
  name: line().min(1).max(20),
  /** The printed page as the layout system exported it for the printer: a PDF file beside edition.yaml (`01.pdf`). */
  pdf: pageFile('pdf', ['pdf']).optional(),
  /** 责任编辑 of the 版: the editor shown under each of its articles that names none of its own. */
  editor: personName.optional(),
  /** The page as an image the newsroom already has, used instead of rendering the PDF (`01.jpg`). */
  image: pageFile('image', ['jpg', 'jpeg', 'png', 'webp']).optional(),
});
export type EditionPage = z.output<typeof editionPageSchema>;

export const editionSchema = z
  .strictObject({
    /** The edition date (YYYY-MM-DD); must match the folder. */
    date: isoDate,
    /** 期号: the running issue number printed in the masthead. */
    issue: z.int().positive().optional(),
    /** The pages (版面) of the edition, in order. */
    pages: z.array(editionPageSchema).min(1, { error: '至少需要一个版面' }),
    /** An editor's note about this edition (e.g. where the text came from). Not shown to readers. */
    note: z.string().superRefine(refuseControls('lines')).optional(),
  })
  .superRefine((edition, ctx) => {
    const seen = new Set<number>();
    edition.pages.forEach((page, i) => {
      if (seen.has(page.number)) {
        ctx.addIssue({ code: 'custom', path: ['pages', i, 'number'], message: `版次 ${page.number} 重复` });
      }
      seen.add(page.number);
    });
  });
export type Edition = z.output<typeof editionSchema>;
