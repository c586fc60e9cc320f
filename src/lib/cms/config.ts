// The web editor's configuration (Decap CMS, /admin/), generated from the one schema, the category list and the
// gazetteer, so the editor offers exactly what the checker accepts. Pure: the admin page passes in where the
// content lives and which git host to use (src/utils/cms-options.ts reads those from the environment).
import { bylineRoles, articleSchema } from '../schema.ts';
import { categoryNames } from '../categories.ts';
import { canonicalCountyName, countiesOf, prefectures, provinceScope, nationalScope } from '../gazetteer.ts';
import { DATE_HINT } from './dates.ts';
import { TRANSIENT_PREFIX } from './format.ts';

/** Name under which the admin page registers the article format (src/lib/cms/format.ts) with Decap. */
export const ARTICLE_FORMAT = 'hebei-article';
/** The collection's name: also the middle of the editorial workflow's branch names, `cms/articles/<path>`. */
export const ARTICLE_COLLECTION = 'articles';
/**
 * Where Decap writes a new article: the edition folder from its date and the pinyin slug of its headline, both
 * computed by the preSave listener (pathFields in format.ts), never typed by the reporter.
 */
export const ARTICLE_PATH = `{{${TRANSIENT_PREFIX}year}}/{{${TRANSIENT_PREFIX}month}}/{{${TRANSIENT_PREFIX}day}}/{{slug}}`;
export const ARTICLE_SLUG = `{{${TRANSIENT_PREFIX}slug}}`;
/** Name under which the admin page registers the edition.yaml format (readEditionText in format.ts). */
export const EDITION_FORMAT = 'hebei-edition';
/** The editions collection (edition.yaml files): also the middle of its branch names, `cms/editions/<path>`. */
export const EDITION_COLLECTION = 'editions';
/** Where Decap writes a new edition.yaml: the folder of its date (the slug is always `edition`). */
export const EDITION_PATH = `{{${TRANSIENT_PREFIX}year}}/{{${TRANSIENT_PREFIX}month}}/{{${TRANSIENT_PREFIX}day}}/{{slug}}`;
/**
 * The edition format marks what it read as an edition (a YAML map) under this key; the collection's filter keeps only
 * those, so that redirects.yaml and other YAML files under content/ are not listed as editions.
 */
export const KIND_KEY = `${TRANSIENT_PREFIX}kind`;
/** The article list's sort key (placementSortKey), added when a file is read, never written. */
export const SORT_KEY = `${TRANSIENT_PREFIX}sort`;
/** The editor's own widgets (src/cms/widgets.ts): the date shown as 2022年4月19日, and 版次/版内顺序 checked against the edition. */
export const DATE_WIDGET = 'hebei-date';
export const PLACEMENT_WIDGET = 'hebei-placement';
/** Where the editor is served, under the site's base path. Not a reader's page: no sitemap entry, noindex. */
export const EDITOR_PATH = '/admin/';

/** Schema fields the editor does not show, and why. Every other schema field is a field of the editor. */
export const FIELDS_NOT_EDITED: Readonly<Record<string, string>> = {
  draft: "the editorial workflow is the editor's draft: an article stays on its own branch until it is published",
  area: "the article's hot zone on the e-paper page, found from the page PDF or measured by the layout desk, not typed by a reporter",
};

/** A git host the production editor logs in to. */
export type CmsBackend =
  | { name: 'github'; repo: string; branch: string; baseUrl?: string; authEndpoint?: string }
  | { name: 'gitlab'; repo: string; branch: string; appId: string; apiRoot?: string; baseUrl?: string }
  | { name: 'gitea'; repo: string; branch: string; appId: string; apiRoot: string; baseUrl: string };

export interface CmsOptions {
  backend: CmsBackend;
  /** The content folder, relative to the root of the git repository, e.g. `content`. */
  contentFolder: string;
  /** In `npm run dev`: the local git backend (decap-server) the editor talks to instead of the git host. */
  localBackendUrl?: string;
  /** The published site, for the editor's link to it. */
  siteUrl?: string;
}

export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  [option: string]: unknown;
}

/** Most characters a text field of the schema takes (its `.max()`), if it sets one. */
function maxLength(name: string): number | undefined {
  const schema = articleSchema.shape[name as keyof typeof articleSchema.shape] as {
    maxLength?: number | null;
    unwrap?: () => { maxLength?: number | null };
  };
  return schema.maxLength ?? schema.unwrap?.().maxLength ?? undefined;
}

/** Whether the schema requires the field (it neither is optional nor has a default). */
export function schemaRequires(name: string): boolean {
  const schema = articleSchema.shape[name as keyof typeof articleSchema.shape];
  return !schema.safeParse(undefined).success;
}

const lengthPattern = (name: string): { pattern: [string, string] } | object => {
  const max = maxLength(name);
  return max === undefined ? {} : { pattern: [`^[\\s\\S]{0,${max}}$`, `最多 ${max} 个字`] };
};

/** One `{ label, value }` per value the county field accepts, the value exactly as files write it, by city. */
export function countyOptions(): { label: string; value: string }[] {
  const options = [
    { label: `${provinceScope.name}（全省性的稿件）`, value: provinceScope.name },
    { label: `${nationalScope.name}（外省或全国性的稿件）`, value: nationalScope.name },
  ];
  for (const city of prefectures) {
    options.push({ label: canonicalCountyName(city), value: canonicalCountyName(city) });
    for (const county of countiesOf(city.code)) {
      const value = canonicalCountyName(county);
      options.push({ label: value === county.fullName ? value : `${value}（${city.name}）`, value });
    }
  }
  return options;
}

const text = (name: string, label: string, hint?: string): CmsField => ({
  name,
  label,
  widget: 'string',
  required: schemaRequires(name),
  ...lengthPattern(name),
  ...(hint === undefined ? {} : { hint }),
});

const integer = (name: string, label: string, hint: string): CmsField => ({
  name,
  label,
  widget: PLACEMENT_WIDGET,
  value_type: 'int',
  min: 1,
  step: 1,
  required: schemaRequires(name),
  hint,
});

/** A date, shown and typed as 2022年4月19日 and stored as YYYY-MM-DD, no time and no time zone. */
const dateWidget = { widget: DATE_WIDGET };

/** The article's fields, in the order a reporter reads a headline stack and fills in a story. */
export function articleFields(): CmsField[] {
  return [
    text('kicker', '引题', '标题上方的一行，可不填'),
    text('title', '主题（标题）', '文件名由标题的拼音自动生成，不用自己起'),
    text('subtitle', '副题', '标题下方的一行，可不填'),
    {
      name: 'byline',
      label: '署名',
      widget: 'list',
      required: schemaRequires('byline'),
      collapsed: false,
      field: { name: 'name', label: '姓名', widget: 'string' },
      hint: `按见报顺序，每人一项；带身份时写成“记者 徐洋”（身份：${bylineRoles.join('、')}）`,
    },
    {
      name: 'date',
      label: '日期',
      ...dateWidget,
      required: schemaRequires('date'),
      hint: `出版日期，稿件存放在这一期的文件夹里；${DATE_HINT}`,
    },
    {
      name: 'county',
      label: '县区',
      widget: 'select',
      options: countyOptions(),
      required: schemaRequires('county'),
      hint: '稿件涉及的县区；全省性的稿件选“河北省”，外省或全国性的稿件选“全国”',
    },
    { name: 'category', label: '栏目', widget: 'select', options: [...categoryNames], required: schemaRequires('category') },
    integer('page', '版次', '必须是本期版面里有的版'),
    integer('order', '版内顺序', '在本版中的位置，1 是头条；同一版里不能重复'),
    {
      name: 'body',
      label: '正文',
      widget: 'markdown',
      // Raw Markdown first: the rich-text mode rewrites a body it did not change (escapes, list markers).
      modes: ['raw', 'rich_text'],
      buttons: ['bold', 'heading-two', 'link', 'quote', 'bulleted-list', 'numbered-list'],
      editor_components: [],
      required: false,
      hint: '段与段之间空一行；不要写 HTML 代码',
    },
    {
      name: 'images',
      label: '图片',
      label_singular: '图片',
      widget: 'list',
      required: schemaRequires('images'),
      summary: '{{fields.caption}}',
      fields: [
        {
          name: 'file',
          label: '图片文件',
          widget: 'image',
          required: false,
          choose_url: false,
          hint: 'jpg、png、webp 等，不超过 10 MB；只有说明时可以不传',
        },
        { name: 'caption', label: '图片说明', widget: 'text', required: true, hint: '图为……' },
        {
          name: 'credit',
          label: '摄影',
          widget: 'list',
          required: false,
          collapsed: false,
          field: { name: 'name', label: '姓名', widget: 'string' },
          hint: '显示为“某某 摄”',
        },
        { name: 'alt', label: '替代文字', widget: 'string', required: false, hint: '给看不见图片的读者的说明，不填时用图片说明' },
      ],
    },
    text('source', '稿件来源', '电头前的来源，例如“河北法制报讯”“新华社”'),
    text('dateline', '电头', '和来源连在一起显示，例如“北京电”'),
    {
      name: 'reprint',
      label: '转载',
      widget: 'object',
      required: false,
      collapsed: false,
      hint: '转载其他媒体的稿件（稿件来源不是本报）时必须填写原作者和原标题；不是转载稿时三项都空着',
      // Required once 转载 is filled in, which Decap cannot express (an optional object still validates its required
      // fields, so an empty 转载 would block every save): checked before saving (reprintProblems in placement.ts).
      fields: [
        {
          name: 'author',
          label: '原作者',
          widget: 'string',
          required: false,
          hint: '转载稿必填，例如 新华社记者 张三；原稿没有署名时写 新华社记者',
        },
        { name: 'title', label: '原标题', widget: 'string', required: false, hint: '转载稿必填' },
        { name: 'url', label: '原文链接', widget: 'string', required: false, hint: '原稿在网上发表时填写，http:// 或 https:// 开头' },
      ],
    },
    text('editor', '责任编辑', '不填时用本版的责任编辑（edition.yaml 里这一版的 editor）'),
    {
      name: 'summary',
      label: '摘要',
      widget: 'text',
      required: schemaRequires('summary'),
      ...lengthPattern('summary'),
      hint: '用于列表和搜索结果；不填时取正文第一段',
    },
    {
      name: 'corrections',
      label: '更正',
      label_singular: '更正',
      widget: 'list',
      required: schemaRequires('corrections'),
      fields: [
        { name: 'date', label: '更正日期', ...dateWidget, required: true },
        { name: 'text', label: '更正内容', widget: 'text', required: true },
      ],
    },
    { name: 'editorHeadline', label: '标题由编辑拟定（原稿无标题的图片新闻）', widget: 'boolean', required: false },
    { name: 'truncated', label: '原文在版面上没有登完', widget: 'boolean', required: false },
    { name: SORT_KEY, label: '日期、版次、版内顺序', widget: 'hidden', required: false },
  ];
}

/** An edition.yaml's fields (src/lib/schema.ts editionSchema), in the order of the file. */
export function editionFields(): CmsField[] {
  const file = (name: 'pdf' | 'image', label: string, example: string, hint: string): CmsField => ({
    name,
    label,
    widget: 'string',
    required: false,
    pattern: [`^[^/\\\\.][^/\\\\]*\\.(${name === 'pdf' ? 'pdf' : 'jpg|jpeg|png|webp'})$`, `只写文件名，例如 ${example}`],
    hint,
  });
  return [
    { name: 'date', label: '日期', ...dateWidget, required: true, hint: `出版日期；${DATE_HINT}` },
    {
      name: 'issue',
      label: '期号',
      widget: 'number',
      value_type: 'int',
      min: 1,
      step: 1,
      required: false,
      hint: '报头上的总期号，例如 6080',
    },
    {
      name: 'pages',
      label: '版面',
      label_singular: '版',
      widget: 'list',
      required: true,
      collapsed: false,
      summary: '第{{fields.number}}版 · {{fields.name}}',
      hint: '本期的每一版；稿件的版次必须是这里有的版',
      fields: [
        { name: 'number', label: '版次', widget: 'number', value_type: 'int', min: 1, step: 1, required: true },
        {
          name: 'name',
          label: '版名',
          widget: 'string',
          required: true,
          pattern: ['^[\\s\\S]{1,20}$', '最多 20 个字'],
          hint: '例如 要闻、政法动态',
        },
        { name: 'editor', label: '责任编辑', widget: 'string', required: false, hint: '本版稿件的责任编辑（真实姓名）' },
        file('pdf', '版面 PDF 文件名', '01.pdf', '排版系统导出的这一版 PDF，和 edition.yaml 放在同一文件夹；没有可不填'),
        file('image', '版面图片文件名', '01.jpg', '已有的版面图片，代替 PDF 显示；没有可不填'),
      ],
    },
    { name: 'note', label: '备注', widget: 'text', required: false, hint: '编辑部内部的说明，读者看不到' },
  ];
}

function backendConfig(backend: CmsBackend): Record<string, unknown> {
  const common = {
    repo: backend.repo,
    branch: backend.branch,
    squash_merges: true,
    commit_messages: {
      create: '新稿件：{{slug}}',
      update: '修改稿件：{{slug}}',
      delete: '删除稿件：{{slug}}',
      uploadMedia: '上传图片：{{path}}',
      deleteMedia: '删除图片：{{path}}',
    },
  };
  switch (backend.name) {
    case 'github':
      return {
        name: 'github',
        ...common,
        ...(backend.baseUrl ? { base_url: backend.baseUrl } : {}),
        ...(backend.authEndpoint ? { auth_endpoint: backend.authEndpoint } : {}),
      };
    case 'gitlab':
      return {
        name: 'gitlab',
        ...common,
        auth_type: 'pkce',
        app_id: backend.appId,
        ...(backend.apiRoot ? { api_root: backend.apiRoot } : {}),
        ...(backend.baseUrl ? { base_url: backend.baseUrl } : {}),
      };
    case 'gitea':
      return { name: 'gitea', ...common, app_id: backend.appId, api_root: backend.apiRoot, base_url: backend.baseUrl };
  }
}

/** The whole Decap configuration, for `CMS.init({ config })` (the page sets `load_config_file: false`: no config.yml). */
export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  const fields = articleFields();
  return {
    load_config_file: false,
    locale: 'zh_Hans',
    backend: backendConfig(options.backend),
    ...(options.localBackendUrl ? { local_backend: { url: options.localBackendUrl, allowed_hosts: ['127.0.0.1', 'localhost'] } } : {}),
    publish_mode: 'editorial_workflow',
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    // Photos sit beside the article that shows them (the collection's media_folder ''), as the checker wants.
    media_folder: options.contentFolder,
    public_folder: '',
    slug: { encoding: 'ascii', clean_accents: false, sanitize_replacement: '-' },
    collections: [
      {
        name: ARTICLE_COLLECTION,
        label: '稿件',
        label_singular: '稿件',
        description: '每篇稿件存放在它所属那一期的文件夹里，文件名是标题的拼音。保存后进入“工作流”，编辑审阅后发布。',
        folder: options.contentFolder,
        extension: 'md',
        format: ARTICLE_FORMAT,
        create: true,
        path: ARTICLE_PATH,
        slug: ARTICLE_SLUG,
        identifier_field: 'title',
        summary: `{{date | date('YYYY年M月D日')}} · 第{{page}}版第{{order}}篇 · {{title}}`,
        // Decap sorts by one field: the hidden sort key orders by date (newest first), 版 and position at once.
        sortable_fields: [{ field: SORT_KEY, label: '日期、版次、版内顺序', default_sort: 'desc' }, 'title', 'county', 'category'],
        media_folder: '',
        public_folder: '',
        fields,
      },
      {
        name: EDITION_COLLECTION,
        label: '版期',
        label_singular: '版期',
        description: '每一期一个 edition.yaml：出版日期、期号和本期的版面。稿件只能放在这里列出的版上：要用新的版，先在这里加上并发布。',
        folder: options.contentFolder,
        extension: 'yaml',
        format: EDITION_FORMAT,
        create: true,
        path: EDITION_PATH,
        slug: 'edition',
        identifier_field: 'date',
        filter: { field: KIND_KEY, value: 'edition' },
        summary: `{{date | date('YYYY年M月D日')}} · 第{{issue}}期`,
        sortable_fields: [{ field: 'date', label: '日期', default_sort: 'desc' }],
        fields: editionFields(),
      },
    ],
  };
}
