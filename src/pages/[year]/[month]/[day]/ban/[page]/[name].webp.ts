// The pictures of a 版's page view: at each width and the thumbnail (/2022/04/19/ban/1/page-800.webp). A route of
// its own per extension, so that `astro dev` serves it at its file name too (trailingSlash: 'always' spares only
// routes whose name has an extension).
import type { APIRoute, GetStaticPaths } from 'astro';
import { epaperFileRoutes, serveEpaperFile } from '../../../../../../utils/epaper.ts';

export const getStaticPaths = (async () => epaperFileRoutes('.webp')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => serveEpaperFile(props);
