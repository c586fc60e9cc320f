// The files of a 版's page view: its picture at each width, its thumbnail, and its PDF (/2022/04/19/ban/1/page-800.webp).
import type { APIRoute, GetStaticPaths } from 'astro';
import { epaperFiles, epaperPages, type EPageFile } from '../../../../../../utils/epaper.ts';

export const getStaticPaths = (async () =>
  (await epaperPages()).flatMap((page) => {
    const [year, month, day] = page.view.date.split('-');
    return epaperFiles(page).map((file) => ({
      params: { year, month, day, page: String(page.view.number), file: file.name },
      props: { file },
      cacheKey: file.key,
    }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file } = props as { file: EPageFile };
  return new Response(await file.make(), { headers: { 'Content-Type': file.type } });
};
