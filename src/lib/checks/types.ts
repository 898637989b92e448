// The one shape of a check. A check is a pure function over what src/lib/column.ts read (and
// src/lib/site.ts resolved): per document, or over the whole column. It returns diagnostics and
// never throws. Every check is registered in src/lib/checks/index.ts; adding a rule means one file,
// one entry there, one test.
import type { Column, SourceDocument } from '../column.ts';
import type { AttachmentScans } from '../privacy/attachments.ts';
import type { Diagnostic, DocumentMeta, Genre, Publisher, Section, Topic } from '../types.ts';

/** A document as the checks see it: what was read, what its names resolved to, its metadata when valid. */
export interface CheckedDocument extends SourceDocument {
  publisher?: Publisher;
  topic?: Topic;
  genre?: Genre;
  section?: Section;
  /** Set when the frontmatter passed the schema: the document gets a page unless held back. */
  meta?: DocumentMeta;
  heldBack: boolean;
  /**
   * The frontmatter has `withdrawn` (撤回): the document gets a notice page and nothing else; its body,
   * attachments and report are not published and not checked.
   */
  withdrawn: boolean;
}

/** The column as the checks see it. */
export interface CheckedColumn extends Omit<Column, 'documents'> {
  documents: CheckedDocument[];
  /**
   * Every page path the build produces ('/doc/x/', '/catalogue/topic/02/2/' …), base excluded; unset when
   * site.yaml could not be read.
   */
  pagePaths?: Set<string>;
  /** What the personal-information guard found in each attachment (content-relative path); unset when not scanned. */
  attachmentScans?: AttachmentScans;
}

/** A document that is published in full: it has metadata, is not held back and not withdrawn. */
export const isLive = (d: CheckedDocument): d is CheckedDocument & { meta: DocumentMeta } =>
  !!d.meta && !d.heldBack && !d.withdrawn;

export interface DocumentCheck {
  scope: 'document';
  /** What the check is about, for docs and test names. */
  name: string;
  run(doc: CheckedDocument, column: CheckedColumn): Diagnostic[];
}

export interface ColumnCheck {
  scope: 'column';
  name: string;
  run(column: CheckedColumn): Diagnostic[];
}

export type Check = DocumentCheck | ColumnCheck;

/** Runs every check and returns what they found, in registry order. */
export function runChecks(checks: readonly Check[], column: CheckedColumn): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of checks) {
    if (check.scope === 'column') out.push(...check.run(column));
    else for (const doc of column.documents) out.push(...check.run(doc, column));
  }
  return out;
}
