// What the search page says to readers. Full-width punctuation is written as escapes on purpose.
const COMMA = '\uFF0C';
const COLON = '\uFF1A';

export const searchMessages = {
  loading: '正在检索……',
  emptyQuery: `请输入要检索的词语${COMMA}例如${COLON}电动车、落水、国家安全。也可以只勾选县区或栏目浏览稿件。`,
  failed: `检索暂时不可用${COMMA}请稍后再试。`,
  more: '显示更多结果',
  found(query: string, total: number, exact: number): string {
    const what = query ? `「${query}」` : '所选条件';
    if (!query || exact === total) return `找到 ${total} 篇与${what}相关的稿件。`;
    return `找到 ${total} 篇与${what}相关的稿件${COMMA}其中 ${exact} 篇包含完整的「${query}」${COMMA}排在前面。`;
  },
  none(query: string, filtered: boolean): string {
    const what = query ? `包含「${query}」的稿件` : '符合条件的稿件';
    const hint = filtered ? `可以取消部分筛选条件${COMMA}或换一个词再试。` : `请检查用字${COMMA}或换一个更短的词再试。`;
    return `没有找到${what}。${hint}`;
  },
};
