// The PDF of a 版, as printed (/2022/04/19/ban/1/hebei-fazhibao-2022-04-19-01.pdf).
import type { APIRoute, GetStaticPaths } from 'astro';
import { epaperFileRoutes, serveEpaperFile } from '../../../../../../utils/epaper.ts';

export const getStaticPaths = (async () => epaperFileRoutes('.pdf')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => serveEpaperFile(props);
