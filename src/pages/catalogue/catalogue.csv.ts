// /catalogue/catalogue.csv: the whole 政府信息公开目录 as CSV (UTF-8 with BOM; src/lib/discover/open-data.ts).
import type { APIRoute } from 'astro';
import { catalogueOpenData } from '../../discover-data.ts';

export const GET: APIRoute = async () =>
  new Response(await catalogueOpenData('csv'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
