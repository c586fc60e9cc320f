// The one list of article categories (栏目). The site, the checker, the scaffolder and the importer all import it.

export interface Category {
  /** Name shown to readers and written in frontmatter, e.g. 法院. */
  readonly name: string;
  /** ASCII slug used in URLs: /category/<slug>/. Never change a published slug. */
  readonly slug: string;
  /** One line for the category page. */
  readonly description: string;
}

export const categories = [
  { name: '要闻', slug: 'yaowen', description: '全省政法工作要闻' },
  { name: '政策解读', slug: 'zhengce', description: '法律法规与政策文件的权威解读、专访' },
  { name: '法院', slug: 'fayuan', description: '审判、执行与法院工作' },
  { name: '检察', slug: 'jiancha', description: '检察机关办案与法律监督' },
  { name: '公安', slug: 'gongan', description: '公安机关执法、治安与为民服务' },
  { name: '交通', slug: 'jiaotong', description: '交警执勤、交通安全与事故处理' },
  { name: '司法行政', slug: 'sifa', description: '司法行政、法律服务与普法' },
  { name: '政法综合', slug: 'zhengfa', description: '政法系统综合动态' },
  { name: '社会', slug: 'shehui', description: '社会新闻与民生法治' },
  { name: '评论', slug: 'pinglun', description: '评论与观点' },
] as const satisfies readonly Category[];

export type CategoryName = (typeof categories)[number]['name'];

export const categoryNames = categories.map((c) => c.name) as unknown as readonly [CategoryName, ...CategoryName[]];

const byName = new Map<string, Category>(categories.map((c) => [c.name, c]));
const bySlug = new Map<string, Category>(categories.map((c) => [c.slug, c]));

export function getCategory(name: string): Category | undefined {
  return byName.get(name);
}

export function getCategoryBySlug(slug: string): Category | undefined {
  return bySlug.get(slug);
}
