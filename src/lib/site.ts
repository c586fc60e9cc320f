// Site-wide settings readers see: the paper's name and the labels of its navigation.
export const site = {
  name: '河北法制报',
  tagline: '数字报 · 每日版面',
  description: '河北法制报数字报：每日版面、往期报纸、各县区政法新闻与检索。',
  /** Listings longer than this are split into numbered pages. */
  pageSize: 20,
} as const;

export const mainNav = [
  { label: '今日报纸', path: '/' },
  { label: '往期', path: '/archive/' },
  { label: '县区', path: '/county/' },
  { label: '栏目', path: '/category/' },
  { label: '作者', path: '/byline/' },
] as const;
