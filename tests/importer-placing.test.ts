// Importer steps that place an article: its county (from the gazetteer) and its category.
import { describe, expect, it } from 'vitest';
import { proposeCategory } from '../src/lib/importer/category.ts';
import { proposeCounty } from '../src/lib/importer/county.ts';
import { fw } from './fullwidth.ts';

describe('proposeCounty', () => {
  const county = (text: string, title?: string, dateline?: string) => proposeCounty({ title, text: fw(text), dateline });

  it('finds the most specific division the story is about', () => {
    expect(county('近日,张家口市宣化区人民检察院第六检察部办理了一起案件。')).toEqual({ county: '宣化区', found: true });
    expect(county('4月16日晚,馆陶县公安局特巡警大队成功救起一名落水男子。')).toEqual({ county: '馆陶县', found: true });
    expect(county('4月12日,张家口一名女子骑电动自行车逆行。')).toEqual({ county: '张家口市', found: true });
  });

  it('finds counties of other cities, and writes a shared name with its city', () => {
    expect(county('近日,围场满族蒙古族自治县人民法院派出法官深入草原牧区。').county).toBe('围场满族蒙古族自治县');
    expect(county('4月15日晚,武安市公安交警大队开展夜查行动。').county).toBe('武安市');
    expect(county('近日,沧州市运河区人民检察院开展检察开放日活动。').county).toBe('运河区');
    expect(county('近日,唐山市路北区人民法院审结一起案件。').county).toBe('路北区');
    expect(county('近日,石家庄市公安局桥西分局破获一起诈骗案件。').county).toBe('石家庄市桥西区');
    expect(county('近日,衡水市桃城区法院开庭。', '桃城法院巡回审判').county).toBe('桃城区');
  });

  it('uses 河北省 for province-wide stories and 全国 for agency copy, and says when it found nothing', () => {
    expect(county('4月18日,省高级人民法院召开新闻发布会。')).toEqual({ county: '河北省', found: true });
    expect(county('近日,中共中央办公厅印发意见。', '国务院联席办有关负责人解读意见', '北京电')).toEqual({ county: '全国', found: true });
    expect(county('近日,某公司开展普法活动。')).toEqual({ county: '河北省', found: false });
  });
});

describe('proposeCategory', () => {
  const category = (title: string, ...paragraphs: string[]) => proposeCategory(title, paragraphs.map(fw)).category;

  it('files interpretations and interviews under 政策解读, commentary under 评论', () => {
    expect(category('国务院联席办有关负责人解读《意见》', '近日,两办印发意见。')).toBe('政策解读');
    expect(category('专家谈新规', '问:新规有何变化?', '答:主要有三点。')).toBe('政策解读');
    expect(category('法治时评:让普法走进千家万户', '普法工作要久久为功。')).toBe('评论');
  });

  it('files by the institution named most, headline first', () => {
    expect(category('张家口宣化检察院办理一起 监护人侵害未成年人权益案件', '近日,张家口市宣化区人民检察院第六检察部检察官审查案件。')).toBe(
      '检察',
    );
    expect(category('怀安法院联合县检察院开展国家安全普法宣传活动', '近日,怀安县人民法院联合县检察院共同开展活动。')).toBe('法院');
    expect(category('馆陶特巡警纵身跃入冰冷水中 奋勇救起落水群众', '4月16日晚,馆陶县公安局特巡警大队成功救起一名落水男子。')).toBe('公安');
    expect(category('县司法局开展法律援助进社区活动', '近日,县司法局律师走进社区。')).toBe('司法行政');
  });

  it('files traffic police stories under 交通 only when they are about traffic', () => {
    expect(
      category(
        '老人突发心梗 曲周民警护送就医转危为安',
        '近日,邯郸市交巡警支队曲周大队指挥中心接到求助,需要交警引领。',
        '指挥中心一路变灯开启“绿色通道”,车流较多。',
      ),
    ).toBe('交通');
    expect(category('肥乡:爱心企业慰问防疫一线民辅警', '近日,某公司负责人为邯郸市交巡警支队肥乡大队疫情防控执勤人员送去爱心物资。')).toBe(
      '公安',
    );
    expect(
      category('定兴警方全力以赴 筑牢疫情防控安全线', '定兴县公安局做好疫情防控工作。', '该局交警、派出所民警坚守,会同交通部门排查车辆。'),
    ).toBe('公安');
  });

  it('says when nothing pointed to a category', () => {
    expect(proposeCategory('春日好风光', [fw('近日,某公园游人如织。')])).toEqual({ category: '政法综合', found: false });
  });
});
