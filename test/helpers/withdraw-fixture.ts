// The withdrawal fixture: a copy of the sample where a document with an attachment and an annual
// report are withdrawn and an old page URL is redirected to a live one. Built once per run under the
// name 'withdraw' and shared by test/build/withdraw.test.ts (what the build writes) and
// test/serve/nginx.test.ts (what nginx answers for it: 301s, 410 below the withdrawn pages).
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite, type BuildResult } from './build.ts';
import { setField } from './fixture.ts';
import { slugFromIndexNo } from './sources.ts';

export const DOC = 'documents/2024/education-bumen-yusuan-2024/education-bumen-yusuan-2024.md';
export const DOC_INDEX_NO = '119999999999000542/202402-00006';
export const REPORT = 'documents/annual-reports/shizhen-2024.md';
export const REPORT_INDEX_NO = '1199999999990010X0/202503-00006';
export const SECRET = '撤回测试：本句含有不应公开的个人信息甲乙丙丁。';
export const SUMMARY = '撤回测试的内容概述戊己庚辛。';
export const ATTACHMENT = '撤回测试名单壬癸.pdf';
export const REASON = '含有不应公开的个人信息';
/** A live document page the old URL leads to. */
export const LIVE = '/doc/1199999999990002xc-202304-00012/';
export const OLD = '/doc/old-yusuan-2024/';

/** The withdrawn document's and the withdrawn report's slugs. */
export const slug = slugFromIndexNo(DOC_INDEX_NO);
export const reportSlug = slugFromIndexNo(REPORT_INDEX_NO);

function fixture(dir: string): void {
  const file = path.join(dir, DOC);
  const text = readFileSync(file, 'utf8');
  // the body's first sentence is the secret: the catalogue's 内容概述 would be taken from it
  writeFileSync(file, text.replace(/\n---\n\n/, `\n---\n\n${SECRET}\n\n`));
  setField(file, 'summary', SUMMARY);
  setField(file, 'attachments', `[{ file: ${ATTACHMENT}, title: 附件1：名单 }]`);
  setField(file, 'withdrawn', `{ date: 2026-01-05, reason: ${REASON} }`);
  renameSync(path.join(path.dirname(file), '附件1.pdf'), path.join(path.dirname(file), ATTACHMENT));
  setField(path.join(dir, REPORT), 'withdrawn', `{ date: 2026-02-01, reason: 数据有误 }`);
  writeFileSync(path.join(dir, 'redirects.yaml'), `# 测试\n- from: ${OLD}\n  to: ${LIVE}\n  date: 2026-01-05\n`);
  appendFileSync(path.join(dir, 'published.txt'), `${OLD}\n/doc/${slug}/files/${ATTACHMENT}\n`);
}

/** The fixture built at the host root (base '/'), without report PDFs. */
export function buildWithdrawn(): Promise<BuildResult> {
  return buildSite({
    name: 'withdraw',
    key: [SECRET, SUMMARY, ATTACHMENT, REASON, OLD, LIVE].join('|'),
    fixture,
    env: { GONGKAI_CHROMIUM: 'off' },
  });
}
