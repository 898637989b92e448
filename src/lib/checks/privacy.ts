// The personal-information guard (个人信息保护; 条例 第十五条, 《个人信息保护法》; docs/domain.md §12):
// 身份证号, mobile numbers and bank-card numbers in a document's body, its free-text fields, its
// annual report's data file and CSV tables, and its attachments (scanned beforehand by
// src/lib/privacy/attachments.ts) are errors that print only the masked number and a keyed
// fingerprint. A reviewed exception in the frontmatter (privacy_exceptions) names a fingerprint;
// one that matches nothing is a warning. Mobile numbers listed in site.yaml public_phones are not
// findings. Attachments whose text cannot be read (scans, images, other types) are warnings.
import path from 'node:path';
import { diag, FIELD_NAMES } from '../diagnostics.ts';
import type { AttachmentScan } from '../privacy/attachments.ts';
import { fingerprint, privacyKey } from '../privacy/fingerprint.ts';
import { KIND_NAMES, type PersonalKind } from '../privacy/numbers.ts';
import { scanText, type ScanOptions } from '../privacy/scan.ts';
import { readTextFile } from '../text-file.ts';
import type { Diagnostic } from '../types.ts';
import type { CheckedColumn, CheckedDocument, ColumnCheck } from './types.ts';

/** Frontmatter fields of free text, scanned like the body. */
const TEXT_FIELDS = ['title', 'summary', 'note', 'keywords'] as const;

/** One finding before it becomes a diagnostic: where (file, line, field, the place in words) and what. */
interface Found {
  kind: PersonalKind;
  masked: string;
  fingerprint: string;
  file: string;
  line?: number;
  field?: string;
  /** Where, in words: '正文中', '标题中', '附件“附件1”（a.pdf）第 3 页' … */
  place: string;
}

export const privacyCheck: ColumnCheck = {
  scope: 'column',
  name: '个人信息：身份证号、手机号码、银行卡号',
  run(column) {
    const key = privacyKey(column.settings);
    const options: ScanOptions = { key, today: column.today };
    const publicPhones = new Set(
      (column.settings?.publicPhones ?? []).map((p) =>
        fingerprint(key, 'mobile', p.replace(/^(?:\+86|0086|86)|[\s\-()（）]/g, '')),
      ),
    );
    const out: Diagnostic[] = [];
    let reported = 0;
    for (const doc of column.documents) {
      const found = findingsOf(doc, column, options).filter(
        (f) => !(f.kind === 'mobile' && publicPhones.has(f.fingerprint)),
      );
      const exceptions = doc.data.privacy_exceptions ?? [];
      const excepted = new Set(exceptions.map((e) => e.fingerprint.trim()));
      for (const f of found) if (!excepted.has(f.fingerprint)) out.push(findingOf(f));
      reported += found.length + exceptions.length;
      // an exception for an attachment that was not scanned cannot be judged stale
      const unscanned = !column.attachmentScans && doc.attachments.length + doc.bodyFiles.length > 0;
      if (!unscanned) out.push(...unusedExceptions(doc, new Set(found.map((f) => f.fingerprint))));
      out.push(...uncheckedAttachments(doc, column));
    }
    if (reported && !key.own) out.push(keyMissing());
    return out;
  },
};

function findingsOf(doc: CheckedDocument, column: CheckedColumn, options: ScanOptions): Found[] {
  const out: Found[] = [];
  const base = { file: doc.file };
  for (const f of scanText(doc.body, { ...options, tables: 'markdown' })) {
    const line = doc.bodyLine + f.line - 1;
    out.push({ ...f, ...base, line, field: 'body', place: '正文中' });
  }
  for (const field of TEXT_FIELDS) {
    const value = doc.data[field];
    const text = Array.isArray(value) ? value.join('、') : value;
    if (typeof text !== 'string') continue;
    for (const f of scanText(text, options))
      out.push({ ...f, ...base, line: doc.line(field), field, place: `${FIELD_NAMES[field]}中` });
  }
  const report = doc.report;
  const dataFiles = [
    ...(report?.dataFile ? [{ rel: report.dataFile, tables: undefined, what: '年报数据文件中' }] : []),
    ...(report?.tables ?? []).map((t) => ({ rel: t.source, tables: 'csv' as const, what: `附表“${t.title}”中` })),
  ];
  for (const { rel, tables, what } of dataFiles) {
    let read;
    try {
      read = readTextFile(column.contentDir, rel);
    } catch {
      continue; // reported by the report reader
    }
    if (!read.ok) continue;
    for (const f of scanText(read.text, { ...options, tables }))
      out.push({ ...f, file: rel, line: f.line, place: what });
  }
  for (const file of publishedFiles(doc)) {
    const scan = column.attachmentScans?.get(file.rel);
    for (const f of scan?.findings ?? []) out.push({ ...f, ...base, ...file.at, place: `${file.name}${f.where}` });
  }
  return out;
}

/** The files a document publishes that the guard scans: its attachments, then the files its body links. */
function publishedFiles(doc: CheckedDocument) {
  return [
    ...doc.attachments.map((a, i) => ({
      rel: a.rel,
      name: `附件“${a.title ?? path.posix.basename(a.rel)}”（${a.written}）`,
      at: { line: a.line, field: `attachments.${i}` },
      attachment: true,
    })),
    ...doc.bodyFiles.map((f) => ({
      rel: f.rel,
      name: `正文链接的文件“${f.written}”`,
      at: { line: f.line, field: 'body' },
      attachment: false,
    })),
  ];
}

/** The diagnostic of a finding, its code by kind. */
function findingOf(f: Found): Diagnostic {
  if (f.kind === 'mobile') return finding(f, 'personal-mobile');
  if (f.kind === 'bank-card') return finding(f, 'personal-bank-card');
  if (f.kind === 'id-like') return finding(f, 'personal-id-like');
  return finding(f, 'personal-id-number');
}

function finding(f: Found, code: string): Diagnostic {
  const what = `${KIND_NAMES[f.kind]} ${f.masked}`;
  const where = `${f.place}有`;
  const phone = f.kind === 'mobile' ? '如是单位对外公布的联系电话，在 site.yaml 的 public_phones 中列出该号码；' : '';
  const checkDigit =
    f.kind === 'id-like' ? '它的校验码或出生日期不符，但写在姓名或“身份证”旁边，仍按身份证号处理。' : '';
  return diag(
    'error',
    code,
    f.file,
    `${where}${what}（指纹 ${f.fingerprint}）：个人信息不得公开（《政府信息公开条例》第十五条、《个人信息保护法》）。${checkDigit}`,
    {
      line: f.line,
      field: f.field,
      fix:
        `删除该号码，或只写遮盖后的形式 ${f.masked}；${phone}` +
        `如经审核依法必须公开（例如法律规定的公示），在本文件元数据的 privacy_exceptions 中写一项：fingerprint: "${f.fingerprint}" 和 reason（公开的依据）。`,
    },
  );
}

function unusedExceptions(doc: CheckedDocument, found: Set<string>): Diagnostic[] {
  return (doc.data.privacy_exceptions ?? []).flatMap((e, i) => {
    const fp = e.fingerprint.trim();
    if (found.has(fp)) return [];
    return [
      diag(
        'warning',
        'personal-info-exception-unused',
        doc.file,
        `例外的指纹 ${fp} 在本文件的正文、元数据、年报数据和附件中都找不到对应的个人信息（号码已删除、已遮盖或已改动）。`,
        {
          line: doc.yaml?.lineOf(['privacy_exceptions', i, 'fingerprint']),
          field: `privacy_exceptions.${i}`,
          fix: '删除这一项例外；如号码改动后仍须公开，按新的检查提示写入新的指纹。',
        },
      ),
    ];
  });
}

/**
 * The one warning per published file the guard could not read (and, for a scanned PDF, what else that
 * means). A file the body links is only warned about when it is a document (a scan, or unreadable):
 * the images a body shows are illustrations, and the search never indexes such files.
 */
function uncheckedAttachments(doc: CheckedDocument, column: CheckedColumn): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { rel, name, at, attachment } of publishedFiles(doc)) {
    const scan: AttachmentScan | undefined = column.attachmentScans?.get(rel);
    if (!scan) continue;
    const manual = '请人工核对其中有没有身份证号、手机号码、银行卡号等个人信息';
    if (scan.state === 'error' && !attachment) {
      out.push(
        diag(
          'warning',
          'personal-info-unchecked',
          doc.file,
          `无法检查个人信息：${name}无法读取：${scan.message ?? ''}`,
          {
            ...at,
            fix: `${manual}；或用原软件重新导出该文件（PDF 不要加密），替换后重新检查。`,
          },
        ),
      );
    } else if (scan.state === 'error') {
      out.push(
        diag(
          'warning',
          'attachment-unreadable',
          doc.file,
          `${name}无法读取，站内搜索检索不到其内容，也无法检查其中的个人信息：${scan.message ?? ''}`,
          {
            ...at,
            fix: '用原软件重新导出或另存该文件（PDF 不要加密），替换后重新检查；文件本身无误时可忽略此提示。',
          },
        ),
      );
    } else if (scan.state === 'scanned-pdf') {
      out.push(
        diag(
          'warning',
          'personal-info-unchecked',
          doc.file,
          `无法检查个人信息：${name}是扫描件，没有文字层；它既不便于读屏软件朗读（无障碍），也不能被站内搜索检索。`,
          { ...at, fix: `${manual}；最好换成由原文件直接导出的 PDF，或对扫描件做文字识别（OCR）后再发布。` },
        ),
      );
    } else if ((scan.state === 'image' || scan.state === 'unsupported') && attachment) {
      const kind = scan.state === 'image' ? '是图片' : `是 .${path.posix.extname(rel).slice(1).toLowerCase()} 文件`;
      out.push(
        diag('warning', 'personal-info-unchecked', doc.file, `无法检查个人信息：${name}${kind}，读不出其中的文字。`, {
          ...at,
          fix: `${manual}；能另存为 PDF（带文字层）、.docx 或 .xlsx 的，换成这些格式后即可自动检查。`,
        }),
      );
    } else if (scan.checkedChars) {
      out.push(
        diag(
          'warning',
          'personal-info-partly-checked',
          doc.file,
          `${name}很长，个人信息只检查了前 ${scan.checkedChars} 个字，其余部分没有检查。`,
          { ...at, fix: `${manual.replace('其中', '其余部分中')}，或把它拆成几个附件。` },
        ),
      );
    }
  }
  return out;
}

function keyMissing(): Diagnostic {
  return diag(
    'warning',
    'privacy-key-missing',
    'site.yaml',
    '没有设置个人信息指纹密钥：指纹由公开的机构代码算出，看到检查提示（遮盖后的号码和指纹）的人可以反推出完整号码。',
    {
      field: 'privacy_key',
      fix: '在 site.yaml 中写 privacy_key: 和一串 16 个以上的随机字符（设置后不要再改；改动后已写的 privacy_exceptions 要按新的指纹重写）。',
    },
  );
}
