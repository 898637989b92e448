// loadSite: reads a content directory once, validates everything, and returns the column's
// settings, classification lists and document metadata (no bodies) with every diagnostic.
// Checks never throw; the build fails afterwards if any diagnostic is an error.
import { readdirSync, readFileSync, lstatSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { diag } from './diagnostics.ts';
import { compareNewestFirst } from './catalogue.ts';
import { parseYamlSource, numbersWhereStringsBelong, validate, type YamlSource } from './yaml-source.ts';
import {
  documentSchema,
  DOCUMENT_FIELDS,
  DOCUMENT_STRING_FIELDS,
  splitKeywords,
  type DocumentFrontmatter,
} from './schema/document.ts';
import {
  siteSchema,
  bodiesSchema,
  topicsSchema,
  genresSchema,
  sectionsSchema,
  SITE_STRING_FIELDS,
} from './schema/site.ts';
import { builtInGenres, builtInSections, builtInTopics } from './taxonomy.ts';
import { compileIndexPattern, slugFromIndexNo, type IndexPattern } from './index-no.ts';
import { splitFrontmatter, scanBody, firstSentence } from './markdown.ts';
import { checkIndexNo } from './checks/index-no.ts';
import { checkDocNo } from './checks/doc-no.ts';
import { checkDates, checkNormative } from './checks/dates.ts';
import { Resolver } from './checks/references.ts';
import type {
  Attachment,
  Body,
  Diagnostic,
  DocumentMeta,
  Genre,
  Section,
  SiteData,
  SiteSettings,
  Topic,
} from './types.ts';

export interface LoadOptions {
  /** Today's date, YYYY-MM-DD (Asia/Shanghai). Documents published later are held back. */
  today: string;
}

/** Reads and validates a whole content directory. Never throws for content problems. */
export function loadSite(contentDir: string, options: LoadOptions): SiteData {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic | Diagnostic[]) => (Array.isArray(d) ? diagnostics.push(...d) : diagnostics.push(d));

  const settings = loadSettings(contentDir, report);
  const bodies = loadBodies(contentDir, report);
  const topics = loadTopics(contentDir, report);
  const genres = loadList(contentDir, 'genres.yaml', genresSchema, report, builtInGenres(), (g) => g);
  const sections = loadList(contentDir, 'sections.yaml', sectionsSchema, report, builtInSections(), (s) => ({
    id: s.id,
    name: s.name,
    aliases: s.aliases,
    description: s.description,
    group: 'other' as const,
  }));

  let pattern: IndexPattern | undefined;
  if (settings) {
    try {
      pattern = compileIndexPattern(settings.indexNo.pattern);
    } catch {
      report(
        diag('error', 'index-pattern', 'site.yaml', `索引号规则“${settings.indexNo.pattern}”无法识别。`, {
          field: 'index_no.pattern',
          fix: '例如写成 "{code}/{yyyymm}-{serial:5}"。',
        }),
      );
    }
  }

  const resolver = new Resolver(bodies, topics, genres, sections);
  const docsDir = path.join(contentDir, 'documents');
  const otherFiles: string[] = [];
  const links: string[] = [];
  const files = existsSync(docsDir) ? listMarkdown(docsDir, '', otherFiles, links).map((f) => 'documents/' + f) : [];
  for (const link of links) {
    report(
      diag('error', 'symlink', link, '这是一个符号链接；出于安全考虑，documents/ 中的链接不会被读取或发布。', {
        fix: '把真实的文件或目录放在这里，不要使用链接。',
      }),
    );
  }
  if (!files.length) {
    report(
      diag('error', 'no-documents', 'documents/', '没有找到任何文件（content/documents/ 下的 .md 文件）。', {
        fix: '把文件放在 content/documents/ 目录下，扩展名为 .md。',
      }),
    );
  }

  interface Loaded {
    meta: DocumentMeta;
    indexLine?: number;
    supersededLine?: number;
    publishedLine?: number;
    slugExplicit: boolean;
    heldBack: boolean;
  }
  const loaded: Loaded[] = [];
  // every 索引号 written, even in files with other errors, for the duplicate check
  const indexEntries: { indexNo: string; file: string; line?: number }[] = [];
  // links between documents written as file paths, resolved once every document is known
  const documentLinks: { file: string; target: string; line: number }[] = [];

  for (const file of files) {
    const source = readFileSync(path.join(contentDir, file), 'utf8');
    const split = splitFrontmatter(source);
    const bodyScan = scanBody(split.body, file, split.bodyLine);
    report(bodyScan.diagnostics);
    for (const link of bodyScan.documentLinks)
      documentLinks.push({
        file,
        target: path.posix.normalize(path.posix.join(path.posix.dirname(file), link.target)),
        line: link.line,
      });
    if (split.unclosed) {
      report(
        diag('error', 'frontmatter-unclosed', file, '元数据没有结束：第 1 行的 --- 之后找不到结束的 ---。', {
          line: 1,
          fix: '在最后一个字段之后单独写一行 ---，再写正文。',
        }),
      );
      continue;
    }
    if (!split.hasFrontmatter) {
      report(
        diag('error', 'no-frontmatter', file, '文件开头没有元数据（以 --- 开始和结束的一段）。', {
          line: 1,
          fix: '在文件第一行写 ---，随后写标题、索引号等字段，再写一行 --- 结束。',
        }),
      );
      continue;
    }
    const yaml = parseYamlSource(split.matter, file);
    report(yaml.diagnostics);
    if (yaml.diagnostics.length) continue;
    const numberDiags = numbersWhereStringsBelong(yaml, DOCUMENT_STRING_FIELDS, file);
    report(numberDiags);
    report(unknownFields(yaml, file));
    const { data: valid, diagnostics: schemaDiags } = validate(documentSchema, yaml, file);
    // a number-instead-of-text problem is already reported with better advice
    report(schemaDiags.filter((d) => !numberDiags.some((n) => n.field === d.field)));
    // Fields that passed the schema are still checked when others failed, so one run lists
    // every problem of the file.
    const bad = new Set([...schemaDiags, ...numberDiags].map((d) => d.field?.split('.')[0]));
    const raw = (yaml.value && typeof yaml.value === 'object' ? yaml.value : {}) as Record<string, unknown>;
    const data = (valid ??
      Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)))) as Partial<DocumentFrontmatter>;
    const line = (field: string) => yaml.lineOf([field]);
    const docDir = path.posix.dirname(file);

    const publisher =
      typeof data.publisher === 'string'
        ? resolver.publisher(data.publisher, file, line('publisher'), report)
        : undefined;
    const topic = typeof data.topic === 'string' ? resolver.topic(data.topic, file, line('topic'), report) : undefined;
    const genre = typeof data.genre === 'string' ? resolver.genre(data.genre, file, line('genre'), report) : undefined;
    const section =
      typeof data.section === 'string' ? resolver.section(data.section, file, line('section'), report) : undefined;

    if (typeof data.index_no === 'string')
      indexEntries.push({ indexNo: data.index_no.trim(), file, line: line('index_no') });
    const datesOk = typeof data.written === 'string' && typeof data.published === 'string';
    if (datesOk) report(checkDates(data as DocumentFrontmatter, file, line, options.today));
    if (!bad.has('validity') && !bad.has('normative') && !bad.has('repealed'))
      report(checkNormative(data as DocumentFrontmatter, file, line));
    if (typeof data.doc_no === 'string') report(checkDocNo(data.doc_no, file, line('doc_no')));
    if (settings && pattern && typeof data.index_no === 'string') {
      const yearDate = settings.indexNo.yearFrom === 'written' ? data.written : data.published;
      if (typeof yearDate === 'string') {
        report(
          checkIndexNo(
            {
              indexNo: data.index_no,
              pattern,
              publisher,
              organisation: settings.organisation,
              yearDate,
              yearFrom: settings.indexNo.yearFrom,
            },
            file,
            line('index_no'),
          ),
        );
      }
    }

    const attachments = Array.isArray(data.attachments)
      ? loadAttachments(contentDir, docDir, data.attachments, file, yaml, report)
      : [];
    const assets: string[] = [];
    for (const link of bodyScan.localLinks) {
      const rel = path.posix.normalize(path.posix.join(docDir, link.target));
      if (attachments.some((a) => a.source === rel)) continue;
      if (!rel.startsWith(docDir + '/') || !isFile(path.join(contentDir, rel))) {
        if (isLink(path.join(contentDir, rel))) {
          report(
            diag('error', 'symlink', file, `正文链接的“${link.target}”是符号链接，出于安全考虑不予发布。`, {
              line: link.line,
              field: 'body',
              fix: '把真实文件复制到 Markdown 文件旁边，不要使用链接。',
            }),
          );
          continue;
        }
        report(
          diag(
            'error',
            'missing-link-target',
            file,
            `正文链接的文件“${link.target}”不存在${rel.startsWith(docDir + '/') ? '' : '（只能链接本文件所在目录或其子目录中的文件）'}。`,
            { line: link.line, field: 'body', fix: '把该文件放在 Markdown 文件旁边，或改正链接中的文件名。' },
          ),
        );
      } else if (!assets.includes(rel)) assets.push(rel);
    }
    if (!valid) continue;

    const slugExplicit = !!valid.slug;
    const slug = valid.slug ?? slugFromIndexNo(valid.index_no);
    const heldBack = valid.published > options.today;
    loaded.push({
      slugExplicit,
      heldBack,
      indexLine: line('index_no'),
      supersededLine: line('superseded_by'),
      publishedLine: line('published'),
      meta: {
        slug,
        file,
        title: valid.title.trim(),
        indexNo: valid.index_no.trim(),
        publisherId: publisher?.id ?? '',
        publisher: publisher?.name ?? valid.publisher,
        topicId: topic?.id ?? '',
        genreId: genre?.id ?? '',
        docNo: valid.doc_no?.trim(),
        written: valid.written,
        published: valid.published,
        validity: valid.validity,
        normative: valid.normative,
        repealed: valid.repealed,
        supersededBy: valid.superseded_by?.trim(),
        supersedes: [],
        keywords: splitKeywords(valid.keywords),
        summary: valid.summary?.trim() || firstSentence(split.body),
        sectionId: section?.id ?? '',
        attachments,
        assets,
        note: valid.note?.trim(),
      },
    });
  }

  // Across documents: duplicate 索引号, URL collisions, superseded_by references.
  const firstByIndexNo = new Map<string, { file: string; line?: number }>();
  for (const e of indexEntries) {
    const first = firstByIndexNo.get(e.indexNo);
    if (!first) {
      firstByIndexNo.set(e.indexNo, e);
      continue;
    }
    report(
      diag(
        'error',
        'duplicate-index-no',
        e.file,
        `索引号“${e.indexNo}”与 ${first.file}${first.line ? ` 第 ${first.line} 行` : ''} 重复。`,
        {
          line: e.line,
          field: 'index_no',
          fix: '每份文件的索引号必须唯一：核对两份文件，给其中一份改用尚未使用的顺序号。',
        },
      ),
    );
  }
  const byIndexNo = new Map<string, Loaded>();
  const bySlug = new Map<string, Loaded>();
  for (const l of loaded) {
    const { meta } = l;
    if (byIndexNo.has(meta.indexNo)) continue; // reported above
    byIndexNo.set(meta.indexNo, l);
    if (!meta.slug) {
      report(
        diag('error', 'empty-slug', meta.file, `无法从索引号“${meta.indexNo}”生成网址（没有字母或数字）。`, {
          line: l.indexLine,
          field: 'slug',
          fix: '添加 slug 字段，例如 slug: zhengce-2021-001。',
        }),
      );
      continue;
    }
    const other = bySlug.get(meta.slug);
    if (other) {
      report(
        diag(
          'error',
          'slug-collision',
          meta.file,
          `网址 doc/${meta.slug}/ 与 ${other.meta.file} 相同（两份文件的${l.slugExplicit ? '网址标识' : '索引号'}转换后一致）。`,
          {
            line: l.slugExplicit ? undefined : l.indexLine,
            field: 'slug',
            fix: '给其中一份文件添加不同的 slug 字段，例如 slug: ' + meta.slug + '-2。',
          },
        ),
      );
      continue;
    }
    bySlug.set(meta.slug, l);
  }
  for (const l of loaded) {
    const ref = l.meta.supersededBy;
    if (!ref) continue;
    const target = byIndexNo.get(ref);
    if (!target) {
      report(
        diag('error', 'unknown-superseded-by', l.meta.file, `替代文件索引号“${ref}”不属于任何文件。`, {
          line: l.supersededLine,
          field: 'superseded_by',
          fix: '填写替代本文件的那份文件的索引号（与其 index_no 完全一致），或删除这一行。',
        }),
      );
    } else if (target === l) {
      report(
        diag('error', 'self-superseded', l.meta.file, '文件不能被自己替代。', {
          line: l.supersededLine,
          field: 'superseded_by',
          fix: '填写新文件的索引号。',
        }),
      );
    } else if (target.heldBack) {
      report(
        diag(
          'warning',
          'superseded-by-held-back',
          l.meta.file,
          `替代文件“${ref}”尚未到发布日期，本次构建暂不显示指向它的链接。`,
          { line: l.supersededLine, field: 'superseded_by' },
        ),
      );
    } else {
      l.meta.supersededBySlug = target.meta.slug;
      if (!l.heldBack) target.meta.supersedes.push(l.meta.slug);
    }
  }

  const slugByFile = new Map(loaded.map((l) => [l.meta.file, l.meta.slug]));
  for (const link of documentLinks) {
    const slug = slugByFile.get(link.target);
    report(
      diag(
        'error',
        'markdown-link',
        link.file,
        slug
          ? `正文链接到另一份文件的源文件“${link.target}”，网页上这个链接会失效。`
          : `正文链接的文件“${link.target}”不存在。`,
        {
          line: link.line,
          field: 'body',
          fix: slug ? `改为链接它的网页：../${slug}/` : '改正链接；链接其他文件请写它的网页地址 ../<网址标识>/。',
        },
      ),
    );
  }

  // nothing silent: a file in documents/ that no document publishes is named
  const used = new Set(loaded.flatMap((l) => [...l.meta.attachments.map((a) => a.source), ...l.meta.assets]));
  for (const other of otherFiles) {
    if (used.has(other)) continue;
    const md = /\.(markdown|mdx|txt)$/i.test(other);
    report(
      diag(
        'warning',
        'unused-file',
        other,
        md ? '这个文件不是 .md 文件，不会作为文件发布。' : '这个文件没有被任何文件列为附件或在正文中链接，不会发布。',
        {
          fix: md ? '如果它是一份文件，把扩展名改为 .md。' : '在对应文件的 attachments 中列出它，或删除这个文件。',
        },
      ),
    );
  }

  const heldBack = loaded.filter((l) => l.heldBack);
  for (const l of heldBack) {
    report(
      diag(
        'warning',
        'held-back',
        l.meta.file,
        `发布日期 ${l.meta.published} 晚于今天（${options.today}），本次构建暂不发布（不生成页面，不计入目录）。`,
        {
          line: l.publishedLine,
          field: 'published',
          fix: '到期后重新构建即可发布；如需现在发布，请改正发布日期。',
        },
      ),
    );
  }

  const documents = loaded.filter((l) => !l.heldBack).map((l) => l.meta);
  documents.sort(compareNewestFirst);

  return {
    contentDir,
    settings: settings ?? placeholderSettings(),
    bodies,
    topics,
    genres,
    sections,
    documents,
    heldBack: heldBack.map((l) => ({ file: l.meta.file, title: l.meta.title, published: l.meta.published })),
    diagnostics,
  };
}

/**
 * loadSite memoised per (directory, today) for the whole Node process: the content loader,
 * the integrations and the command line share one result. Kept on globalThis because Astro
 * loads config and content modules through different module graphs.
 */
export function getSite(contentDir: string, options: LoadOptions): SiteData {
  const g = globalThis as { __gongkaiSites?: Map<string, SiteData> };
  g.__gongkaiSites ??= new Map();
  const key = `${path.resolve(contentDir)}|${options.today}`;
  let site = g.__gongkaiSites.get(key);
  if (!site) {
    site = loadSite(contentDir, options);
    g.__gongkaiSites.set(key, site);
  }
  return site;
}

/** Markdown files under `dir` (sorted); every other file goes to `others`. */
function listMarkdown(dir: string, prefix: string, others: string[], links: string[]): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    // a linked document or folder is refused here; a linked attachment where it is listed
    if (e.isSymbolicLink() && !e.name.toLowerCase().endsWith('.md') && !isDirLink(path.join(dir, e.name)))
      others.push('documents/' + rel);
    else if (e.isSymbolicLink()) links.push('documents/' + rel);
    else if (e.isDirectory()) out.push(...listMarkdown(path.join(dir, e.name), rel, others, links));
    else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) out.push(rel);
    else if (e.isFile()) others.push('documents/' + rel);
  }
  return out;
}

/** A regular file, not a symbolic link (a link could publish any file of the machine). */
function isFile(p: string): boolean {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirLink(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function readYamlFile(
  contentDir: string,
  name: string,
  report: (d: Diagnostic | Diagnostic[]) => void,
  required: boolean,
): YamlSource | undefined {
  const full = path.join(contentDir, name);
  if (!existsSync(full)) {
    if (required)
      report(
        diag('error', 'missing-file', name, `缺少必需的文件 ${name}。`, {
          fix: `在内容目录中创建 ${name}（格式见 README）。`,
        }),
      );
    return undefined;
  }
  const src = parseYamlSource(readFileSync(full, 'utf8'), name);
  report(src.diagnostics);
  return src.diagnostics.length ? undefined : src;
}

function loadSettings(contentDir: string, report: (d: Diagnostic | Diagnostic[]) => void): SiteSettings | undefined {
  const src = readYamlFile(contentDir, 'site.yaml', report, true);
  if (!src) return undefined;
  const numberDiags = [
    ...numbersWhereStringsBelong(src, SITE_STRING_FIELDS, 'site.yaml'),
    ...numbersWhereStringsBelong(src, ['code'], 'site.yaml', ['organisation']),
    ...numbersWhereStringsBelong(
      src,
      ['sponsor', 'organizer', 'contact', 'address', 'icp', 'police_record'],
      'site.yaml',
      ['footer'],
    ),
    ...numbersWhereStringsBelong(src, ['name', 'address', 'postcode', 'hours', 'phone', 'fax', 'email'], 'site.yaml', [
      'office',
    ]),
  ];
  report(numberDiags);
  const { data, diagnostics } = validate(siteSchema, src, 'site.yaml');
  report(diagnostics.filter((d) => !numberDiags.some((n) => n.field === d.field)));
  if (!data) return undefined;
  const codeCheck = checkOrgCode(data.organisation.code);
  if (codeCheck)
    report(
      diag('error', 'organisation-code', 'site.yaml', `机构代码“${data.organisation.code}”${codeCheck}。`, {
        line: src.lineOf(['organisation', 'code']),
        field: 'organisation.code',
        fix: '核对本机关的统一社会信用代码（18 位）或组织机构代码（9 位）。',
      }),
    );
  return {
    sample: data.sample,
    siteName: data.site_name,
    columnName: data.column_name,
    domain: data.domain,
    siteIdCode: data.site_id_code,
    organisation: data.organisation,
    indexNo: { pattern: data.index_no.pattern, yearFrom: data.index_no.year_from },
    base: data.base,
    pageSize: data.page_size,
    footer: {
      sponsor: data.footer.sponsor,
      organizer: data.footer.organizer,
      contact: data.footer.contact,
      address: data.footer.address,
      icp: data.footer.icp,
      policeRecord: data.footer.police_record,
    },
    office: data.office,
  };
}

import { checkOrganisationCode } from './index-no.ts';
function checkOrgCode(code: string): string | undefined {
  const r = checkOrganisationCode(code);
  return r.ok ? undefined : r.problem;
}

function loadBodies(contentDir: string, report: (d: Diagnostic | Diagnostic[]) => void): Body[] {
  const src = readYamlFile(contentDir, 'bodies.yaml', report, true);
  if (!src) return [];
  const seq = Array.isArray(src.value) ? src.value : [];
  seq.forEach((_, i) => report(numbersWhereStringsBelong(src, ['code', 'id', 'name'], 'bodies.yaml', [i])));
  const { data, diagnostics } = validate(bodiesSchema, src, 'bodies.yaml');
  report(diagnostics);
  if (!data) return [];
  const ids = new Set<string>();
  const names = new Set<string>();
  const out: Body[] = [];
  data.forEach((b, i) => {
    const line = src.lineOf([i]);
    if (ids.has(b.id))
      report(
        diag('error', 'duplicate-body-id', 'bodies.yaml', `机构标识“${b.id}”重复。`, {
          line,
          field: 'id',
          fix: '每个机构使用不同的标识。',
        }),
      );
    if (names.has(b.name))
      report(
        diag('error', 'duplicate-body-name', 'bodies.yaml', `机构名称“${b.name}”重复。`, {
          line,
          field: 'name',
          fix: '删除重复的一项。',
        }),
      );
    ids.add(b.id);
    names.add(b.name);
    if (b.code) {
      const problem = checkOrgCode(b.code);
      if (problem)
        report(
          diag('error', 'body-code', 'bodies.yaml', `“${b.name}”的机构代码“${b.code}”${problem}。`, {
            line: src.lineOf([i, 'code']),
            field: 'code',
            fix: '核对该机构的统一社会信用代码（18 位）或组织机构代码（9 位）；不确定时删除 code，索引号将使用本网站主管机关的代码。',
          }),
        );
    }
    out.push({
      id: b.id,
      name: b.name,
      code: b.code?.toUpperCase(),
      level: b.level,
      reportDeadline: b.report_deadline,
    });
  });
  return out;
}

function loadTopics(contentDir: string, report: (d: Diagnostic | Diagnostic[]) => void): Topic[] {
  const topics = builtInTopics();
  const src = readYamlFile(contentDir, 'topics.yaml', report, false);
  if (!src) return topics;
  const { data, diagnostics } = validate(topicsSchema, src, 'topics.yaml');
  report(diagnostics);
  if (!data) return topics;
  const byId = new Map(topics.map((t) => [t.id, t]));
  data.forEach((o, i) => {
    const existing = byId.get(o.id);
    if (existing) {
      // renamed: keeps its id and the old name as an alias
      if (existing.name !== o.name) {
        existing.aliases.push(existing.fullName);
        existing.name = o.name;
      }
    } else {
      const parentId = o.parent ?? (o.id.includes('-') ? o.id.split('-')[0] : undefined);
      if (parentId && !byId.has(parentId)) {
        report(
          diag('error', 'unknown-topic-parent', 'topics.yaml', `主题分类“${o.name}”的上级分类“${parentId}”不存在。`, {
            line: src.lineOf([i]),
            field: 'parent',
            fix: '上级分类写已有大类的标识，例如 "17"。',
          }),
        );
        return;
      }
      const t: Topic = { id: o.id, name: o.name, fullName: o.name, parentId, aliases: [] };
      topics.push(t);
      byId.set(t.id, t);
    }
  });
  for (const t of topics) t.fullName = t.parentId ? `${byId.get(t.parentId)!.name}\\${t.name}` : t.name;
  // keep list order: parents, each followed by its children
  return topics.filter((t) => !t.parentId).flatMap((p) => [p, ...topics.filter((c) => c.parentId === p.id)]);
}

function loadList<T extends { id: string }, Y extends { id: string; name: string }>(
  contentDir: string,
  name: string,
  schema: import('zod').ZodType<Y[]>,
  report: (d: Diagnostic | Diagnostic[]) => void,
  builtIn: T[],
  toItem: (y: Y) => T,
): T[] {
  const src = readYamlFile(contentDir, name, report, false);
  if (!src) return builtIn;
  const { data, diagnostics } = validate(schema, src, name);
  report(diagnostics);
  if (!data) return builtIn;
  const out = [...builtIn];
  for (const y of data) {
    const i = out.findIndex((t) => t.id === y.id);
    if (i >= 0)
      out[i] = {
        ...out[i]!,
        name: y.name,
        ...('aliases' in y
          ? {
              aliases: [
                ...((out[i] as unknown as Section).aliases ?? []),
                ...((y as unknown as Section).aliases ?? []),
              ],
            }
          : {}),
      };
    else out.push(toItem(y));
  }
  return out;
}

function loadAttachments(
  contentDir: string,
  docDir: string,
  list: unknown[],
  file: string,
  yaml: YamlSource,
  report: (d: Diagnostic | Diagnostic[]) => void,
): Attachment[] {
  const out: Attachment[] = [];
  list.forEach((item, i) => {
    const a = item as { file?: unknown; title?: unknown };
    if (typeof a?.file !== 'string' || !a.file.trim()) return; // reported by the schema
    const rel = path.posix.normalize(path.posix.join(docDir, a.file));
    const line = yaml.lineOf(['attachments', i, 'file']);
    if (!rel.startsWith(docDir + '/')) {
      report(
        diag('error', 'attachment-outside', file, `附件“${a.file}”不在本文件所在目录中。`, {
          line,
          field: 'attachments',
          fix: '把附件放在 Markdown 文件旁边（同一目录或其子目录），file 写相对路径。',
        }),
      );
      return;
    }
    const full = path.join(contentDir, rel);
    let bytes = 0;
    try {
      const st = lstatSync(full);
      if (st.isSymbolicLink()) {
        report(
          diag('error', 'symlink', file, `附件“${a.file}”是符号链接，出于安全考虑不予发布。`, {
            line,
            field: 'attachments',
            fix: '把真实文件复制到 Markdown 文件旁边，不要使用链接。',
          }),
        );
        return;
      }
      if (!st.isFile()) throw new Error('not a file');
      bytes = st.size;
    } catch {
      report(
        diag('error', 'missing-attachment', file, `附件文件“${a.file}”不存在（应在内容目录的 ${rel}）。`, {
          line,
          field: 'attachments',
          fix: '把附件文件放到该位置，或改正 file 中的文件名（注意扩展名和全角/半角字符）。',
        }),
      );
      return;
    }
    // the path below the document's folder: attachments in a sub-folder keep it in their URL
    const fileName = path.posix.relative(docDir, rel);
    out.push({
      title: String(a.title ?? fileNameOf(rel)),
      source: rel,
      fileName,
      ext: (path.posix.extname(rel).slice(1) || '文件').toUpperCase(),
      bytes,
    });
  });
  return out;
}

const fileNameOf = (rel: string) => path.posix.basename(rel);

function unknownFields(yaml: YamlSource, file: string): Diagnostic[] {
  const v = yaml.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  return Object.keys(v)
    .filter((k) => !DOCUMENT_FIELDS.includes(k))
    .map((k) =>
      diag('warning', 'unknown-field', file, `无法识别的字段“${k}”，它不会显示在网页上。`, {
        line: yaml.lineOf([k]),
        fix: `检查拼写；可用的字段有：${DOCUMENT_FIELDS.join('、')}。`,
      }),
    );
}

function placeholderSettings(): SiteSettings {
  return {
    sample: false,
    siteName: '',
    columnName: '政府信息公开专栏',
    domain: '',
    siteIdCode: '',
    organisation: { name: '', code: '' },
    indexNo: { pattern: '{code}/{yyyymm}-{serial:5}', yearFrom: 'published' },
    base: '/',
    pageSize: 20,
    footer: { sponsor: '' },
    office: { name: '' },
  };
}

export type { SiteData, Genre, Section };
