// The web editor's configuration is generated from the schema, the categories and the gazetteer: these tests fail
// when one of them changes and the editor would offer something the checker refuses (or miss what it accepts).
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_COLLECTION,
  ARTICLE_FORMAT,
  FIELDS_NOT_EDITED,
  cmsConfig,
  countyOptions,
  schemaRequires,
  type CmsField,
} from '../src/lib/cms/config.ts';
import { categoryNames } from '../src/lib/categories.ts';
import { counties, prefectures, resolveCounty } from '../src/lib/gazetteer.ts';
import { articleSchema } from '../src/lib/schema.ts';
import { cmsOptions } from '../src/utils/cms-options.ts';

const config = cmsConfig({ backend: { name: 'github', repo: 'paper/site', branch: 'main' }, contentFolder: 'content' });
const collection = (config['collections'] as Record<string, unknown>[])[0]!;
const fields = collection['fields'] as CmsField[];
const field = (name: string) => fields.find((f) => f.name === name)!;

describe('editor configuration', () => {
  it('edits every schema field but those it says it leaves out, and nothing else but the body', () => {
    const schemaFields = Object.keys(articleSchema.shape);
    expect(
      fields
        .map((f) => f.name)
        .filter((n) => n !== 'body' && !n.startsWith('cms_'))
        .sort(),
    ).toEqual(schemaFields.filter((n) => !(n in FIELDS_NOT_EDITED)).sort());
    for (const name of Object.keys(FIELDS_NOT_EDITED)) expect(schemaFields).toContain(name);
  });

  it('shows the fields in the order of the headline stack and the form, with the labels a reporter knows', () => {
    expect(fields.slice(0, 11).map((f) => `${f.name}:${f.label}`)).toEqual([
      'kicker:引题',
      'title:主题（标题）',
      'subtitle:副题',
      'byline:署名',
      'date:日期',
      'county:县区',
      'category:栏目',
      'page:版次',
      'order:版内顺序',
      'body:正文',
      'images:图片',
    ]);
  });

  it('requires exactly what the schema requires', () => {
    for (const f of fields) if (f.name !== 'body' && !f.name.startsWith('cms_')) expect(f.required, f.name).toBe(schemaRequires(f.name));
    expect(
      fields
        .filter((f) => f.required)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['category', 'county', 'date', 'order', 'page', 'title']);
  });

  it('offers the categories of src/lib/categories.ts', () => {
    expect(field('category').options).toEqual([...categoryNames]);
  });

  it('offers every county value the schema accepts, once, written as files write it', () => {
    const values = countyOptions().map((o) => o.value);
    expect(field('county').options).toEqual(countyOptions());
    expect(new Set(values).size).toBe(values.length);
    expect(values).toHaveLength(prefectures.length + counties.length + 2);
    for (const value of values) expect(resolveCounty(value).ok, value).toBe(true);
    for (const value of values) expect(articleSchema.shape.county.safeParse(value).success, value).toBe(true);
    expect(values).toContain('石家庄市桥西区');
    expect(values).not.toContain('桥西区');
  });

  it('limits text fields to the lengths the schema allows', () => {
    expect(field('title').pattern).toEqual(['^[\\s\\S]{0,80}$', '最多 80 个字']);
    expect(field('source').pattern).toEqual(['^[\\s\\S]{0,30}$', '最多 30 个字']);
  });

  it('writes articles into the edition folder of their date, named by the format and the workflow', () => {
    expect(config['publish_mode']).toBe('editorial_workflow');
    expect(config['locale']).toBe('zh_Hans');
    expect(collection).toMatchObject({
      name: ARTICLE_COLLECTION,
      folder: 'content',
      extension: 'md',
      format: ARTICLE_FORMAT,
      path: '{{cms_year}}/{{cms_month}}/{{cms_day}}/{{slug}}',
      slug: '{{cms_slug}}',
    });
    expect(config).not.toHaveProperty('local_backend');
  });

  it('uses the local git backend in dev, and PKCE for GitLab', () => {
    const dev = cmsConfig({
      backend: { name: 'gitlab', repo: 'paper/site', branch: 'main', appId: 'abc' },
      contentFolder: 'content',
      localBackendUrl: 'http://127.0.0.1:8081/api/v1',
    });
    expect(dev['local_backend']).toMatchObject({ url: 'http://127.0.0.1:8081/api/v1' });
    expect(dev['backend']).toMatchObject({ name: 'gitlab', auth_type: 'pkce', app_id: 'abc', repo: 'paper/site', branch: 'main' });
  });
});

describe('the editor settings from the environment (src/utils/cms-options.ts)', () => {
  const root = '/srv/paper';

  it('points the dev editor at its local backend on DECAP_SERVER_PORT, and at none with DECAP_SERVER=off', () => {
    expect(cmsOptions({ dev: true, root, env: { CMS_BRANCH: 'main', DECAP_SERVER_PORT: '8471' } }).localBackendUrl).toBe(
      'http://127.0.0.1:8471/api/v1',
    );
    expect(cmsOptions({ dev: true, root, env: { CMS_BRANCH: 'main', DECAP_SERVER: 'off' } })).not.toHaveProperty('localBackendUrl');
  });

  it('takes an empty setting, as a workflow passes a repository variable never set, for no setting', () => {
    const unset = {
      CMS_BACKEND: '',
      CMS_REPO: 'paper/site',
      CMS_BRANCH: '',
      CMS_APP_ID: '',
      CMS_BASE_URL: '',
      CMS_API_ROOT: '',
      CMS_AUTH_ENDPOINT: '',
    };
    expect(cmsOptions({ dev: false, root, env: unset }).backend).toEqual({ name: 'github', repo: 'paper/site', branch: 'main' });
    expect(cmsOptions({ dev: false, root, env: { ...unset, CMS_BACKEND: 'gitlab', CMS_APP_ID: 'abc' } }).backend).toEqual({
      name: 'gitlab',
      repo: 'paper/site',
      branch: 'main',
      appId: 'abc',
    });
  });
});
