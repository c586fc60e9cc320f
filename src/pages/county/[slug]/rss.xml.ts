// A county's articles as RSS 2.0: /county/<slug>/rss.xml (the same code as the other section's: src/utils/sections.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { sectionFeed, sectionFeedPaths } from '../../../utils/sections.ts';

export const getStaticPaths = (() => sectionFeedPaths('county')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, props }) => sectionFeed(site, props);
