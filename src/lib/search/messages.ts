// What the search page says to readers. Full-width punctuation is written as escapes on purpose.
const COMMA = '\uFF0C';
const COLON = '\uFF1A';

export const searchMessages = {
  loading: '正在检索……',
  emptyQuery: `请输入要检索的词语${COMMA}例如${COLON}电动车、落水、国家安全。也可以只勾选县区或栏目浏览稿件。`,
  failed: `检索暂时不可用${COMMA}请稍后再试。`,
  more: '显示更多结果',
  older: '检索更早的稿件',
  found(needles: readonly string[], total: number): string {
    return `找到 ${total} 篇${containing(needles)}的稿件。`;
  },
  /** Only the newest shards have been read: the count is honest about it. */
  foundSince(needles: readonly string[], total: number, since: string): string {
    return `已检索${since}以来的稿件${COMMA}找到 ${total} 篇${containing(needles)}的稿件${COMMA}更早的稿件尚未检索。`;
  },
  none(needles: readonly string[], filtered: boolean): string {
    const hint = filtered ? `可以取消部分筛选条件${COMMA}或换一个词再试。` : `请检查用字${COMMA}或换一个更短的词再试。`;
    return `没有找到${containing(needles)}的稿件。${hint}`;
  },
};

function containing(needles: readonly string[]): string {
  return needles.length > 0 ? `包含${needles.map((n) => `「${n}」`).join('和')}` : '符合所选条件';
}
