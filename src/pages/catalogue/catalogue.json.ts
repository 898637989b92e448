// /catalogue/catalogue.json: the whole 政府信息公开目录 as JSON (src/lib/discover/open-data.ts).
import type { APIRoute } from 'astro';
import { catalogueOpenData } from '../../discover-data.ts';

export const GET: APIRoute = async () =>
  new Response(await catalogueOpenData('json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
