// Small display helpers shared by the components (pure, cheap: called per row/page).
import type { Section } from '../lib/types.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十 (1–99). */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** The 第二十条 item number of a statutory section ('art20-03' → 3), else undefined. */
export function art20Item(section: Pick<Section, 'id'>): number | undefined {
  const m = /^art20-(\d{2})$/.exec(section.id);
  return m ? Number(m[1]) : undefined;
}

/** Heading label of a section: '（三）规划信息' for 第二十条 items, the name otherwise. */
export function sectionLabel(section: Pick<Section, 'id' | 'name'>): string {
  const n = art20Item(section);
  return n ? `（${cnNumber(n)}）${section.name}` : section.name;
}

/** File size as shown beside attachments: '812 KB', '1.4 MB' (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** '2021-09-29' → '2021年09月29日' (metadata block, as on gov.cn). */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : iso;
}

/** Encodes one path segment of an attachment URL (keeps the name readable in the address bar). */
export function encodeFileName(name: string): string {
  // attachments in a sub-folder keep it: encode each path segment, not the slashes
  return name.split('/').map(encodeURIComponent).join('/');
}
