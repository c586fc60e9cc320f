// Bylines and photo credits as printed: `席娟 郝雪`, `(记者 徐洋 通讯员 刘爱军)`, `唐新花 熊海生 摄`.
import { bylineRoles, type BylineRole } from '../schema.ts';
import { FW, lastSentenceEnd } from './text.ts';

export interface Name {
  readonly name: string;
  readonly role?: BylineRole;
}

/**
 * Names found in print, with the print markers that were turned into structure rather than kept as text: the
 * role words (记者, 本报记者, 通讯员: now the names' `role`) and the 摄 of a credit.
 */
export interface Names {
  readonly names: readonly Name[];
  readonly markers: readonly string[];
}

/** Where a list of names was found; decides how sure it must look before it is taken for names. */
export type NameContext =
  /** Inside the brackets after a source (河北法制报讯(徐洋 刘爱军)) or before 摄: names are expected there. */
  | 'bracket'
  /** A line of its own: only names and roles, each name two to four characters. */
  | 'line'
  /** Glued to the end of a sentence (…病情已稳定。牛敏), or one name alone on a line: must start with a common surname. */
  | 'tail';

/** Common Chinese surnames (single and compound). */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋初门云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅呼居揭尉冶斯束檀衣展阴昝智幸奉植衡富尧',
  ...[
    '欧阳',
    '司马',
    '上官',
    '诸葛',
    '东方',
    '皇甫',
    '尉迟',
    '公孙',
    '慕容',
    '长孙',
    '宇文',
    '司徒',
    '令狐',
    '夏侯',
    '端木',
    '独孤',
    '南宫',
    '西门',
    '呼延',
  ],
]);

/** Words that start like a surname but end many a cut-off sentence or column: never taken for a name. */
const NOT_NAMES = new Set([
  '于是',
  '于此',
  '高度',
  '高效',
  '安全',
  '安排',
  '方面',
  '方式',
  '方法',
  '成功',
  '成为',
  '成立',
  '文明',
  '文化',
  '时间',
  '时候',
  '万元',
  '向前',
  '常态',
  '温暖',
  '明显',
  '金额',
  '关于',
  '关键',
  '华北',
  '宁可',
  '宣传',
  '管理',
  '严格',
  '严厉',
  '尚未',
  '连续',
  '原因',
  '原则',
  '乐于',
  '满意',
  '海上',
  '路上',
  '路面',
  '车辆',
  '冷静',
  '齐心',
  '易于',
  '左右',
  '甘于',
  '包括',
  '包含',
  '章程',
  '谈话',
  '师生',
  '程序',
  '单位',
  '毕业',
  '燕赵',
  '平安',
  '和谐',
  '项目',
  '项目部',
  '叶片',
  '司法',
  '公安',
  '公正',
  '公平',
  '公开',
  '公众',
  '公司',
  '宫殿',
  '黄河',
  '江河',
  '水平',
  '石头',
  '金融',
  '黎明',
  '龙头',
  '白天',
  '党委',
  '党组',
  '党员',
  '党建',
  '晋升',
  '解决',
  '解释',
  '车站',
  '车上',
  '房屋',
  '房产',
  '曲周',
  '宁晋',
  '邢台',
  '邯郸',
  '张家口',
  '唐山',
  '秦皇岛',
  '沧州',
  '廊坊',
  '衡水',
  '承德',
  '保定',
  '定州',
  '辛集',
  '武安',
  '任丘',
  '安国',
  '高碑店',
]);

/**
 * Printed role words and the schema role they stand for. 摄影 is not among them: a photographer is printed as
 * `唐新花 摄` (a credit), and role 摄影 is given only to credited names.
 */
const ROLE_WORDS: ReadonlyMap<string, BylineRole> = new Map(
  bylineRoles.filter((role) => role !== '摄影').map((role) => [role, role] as const),
);
/** What may precede a role word: 本报记者 is a 记者 of this paper. */
const ROLE_PREFIXES = ['本报', '本台'] as const;

const NAME = /^\p{Script=Han}{2,4}$/u;
const ETHNIC_NAME = /^\p{Script=Han}{1,6}[·•・]\p{Script=Han}{1,6}$/u;

function hasSurname(name: string): boolean {
  return !NOT_NAMES.has(name) && (SURNAMES.has(name[0]!) || SURNAMES.has(name.slice(0, 2)));
}

function isName(token: string, context: NameContext): boolean {
  if (context !== 'tail') return NAME.test(token) || ETHNIC_NAME.test(token);
  return /^\p{Script=Han}{2,3}$/u.test(token) && hasSurname(token);
}

/** A role word at the start of a token: `记者` → 记者; `本报记者徐洋` → 记者 (printed 本报记者), rest 徐洋. */
function readRole(token: string): { role: BylineRole; printed: string; rest: string } | undefined {
  const prefix = ROLE_PREFIXES.find((p) => token.startsWith(p)) ?? '';
  const body = token.slice(prefix.length);
  for (const [word, role] of ROLE_WORDS) {
    if (!body.startsWith(word)) continue;
    const rest = body.slice(word.length);
    if (rest !== '' && !NAME.test(rest)) continue;
    return { role, printed: prefix + word, rest };
  }
  return undefined;
}

/**
 * The names (with their printed roles) in a byline, or undefined when `text` is not only names. Roles apply to
 * the names after them until the next role: `记者 徐洋 通讯员 刘爱军 王五`. Separators: spaces, 、 and commas.
 * One to six names; a role must be followed by a name. A line in brackets, `(记者 徐洋)`, is read inside them.
 */
export function parseNames(text: string, context: NameContext): Names | undefined {
  let inner = text.trim();
  const bracketed = new RegExp(`^[(${FW.open}]([^()${FW.open}${FW.close}]*)[)${FW.close}]$`).exec(inner);
  if (bracketed && context === 'line') inner = bracketed[1]!.trim();
  // Commas separate names only inside brackets: on a line of its own, a comma makes a sentence.
  const separators = context === 'bracket' ? `[\\s、,${FW.comma}]+` : '[\\s、]+';
  const tokens = inner.split(new RegExp(separators)).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 10) return undefined;
  // One bare word alone on a line is a name only if it looks like one as surely as a name glued to a sentence.
  if (context === 'line' && tokens.length === 1 && !readRole(tokens[0]!)) context = 'tail';
  const names: Name[] = [];
  const markers: string[] = [];
  let role: BylineRole | undefined;
  let roleWaiting = false;
  for (const token of tokens) {
    const read = context === 'tail' ? undefined : readRole(token);
    let name = token;
    if (read) {
      if (roleWaiting) return undefined;
      role = read.role;
      markers.push(read.printed);
      roleWaiting = true;
      if (read.rest === '') continue;
      name = read.rest;
    }
    if (!isName(name, context)) return undefined;
    names.push(role === undefined ? { name } : { name, role });
    roleWaiting = false;
  }
  if (roleWaiting || names.length === 0 || names.length > 6) return undefined;
  // A line of words (近日 民警出警) is not a byline: most names on a line start with a common surname.
  if (context === 'line' && names.filter((n) => hasSurname(n.name)).length * 2 < names.length) return undefined;
  return { names, markers };
}

/** A photo credit `唐新花 熊海生 摄` (also `记者 张三摄`): the photographers, or undefined. */
export function parseCredit(text: string): Names | undefined {
  const match = /^(.+?)\s*摄$/u.exec(text.trim());
  if (!match) return undefined;
  const names = parseNames(match[1]!, 'bracket');
  return names && { names: names.names, markers: [...names.markers, '摄'] };
}

/**
 * Splits a photo credit off the end of a text (`…效果。图为活动现场。唐新花 熊海生 摄`): the text before it and the
 * photographers, or undefined when the text does not end in a credit. The credit is the longest run of
 * space-separated names after the last sentence end, before 摄.
 */
export function splitTrailingCredit(text: string): { before: string; credit: Names } | undefined {
  const match = /\s*摄$/u.exec(text);
  if (!match) return undefined;
  const head = text.slice(0, match.index);
  const from = Math.max(0, lastSentenceEnd(head));
  const tokens = head.slice(from).split(' ');
  let best: { start: number; credit: Names } | undefined;
  for (let k = tokens.length - 1; k >= 0; k--) {
    const credit = parseCredit(`${tokens.slice(k).join(' ')} 摄`);
    if (!credit) break;
    best = { start: k, credit };
  }
  if (!best) return undefined;
  return { before: (head.slice(0, from) + tokens.slice(0, best.start).join(' ')).trim(), credit: best.credit };
}

/**
 * Splits names glued to the end of a paragraph after its last sentence (`…病情已稳定。牛敏`, `…。席娟 郝雪`), or
 * undefined. Each name must start with a common surname: a cut-off sentence (`…。但是`) is not a byline.
 */
export function splitTrailingNames(text: string): { before: string; names: Names } | undefined {
  const end = lastSentenceEnd(text);
  if (end <= 0 || end >= text.length) return undefined;
  const names = parseNames(text.slice(end), 'tail');
  return names ? { before: text.slice(0, end), names } : undefined;
}
