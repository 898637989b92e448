// A finding of the annual-report checks: a diagnostic and the stable rule key a report's
// frontmatter `report.known_defects` names to acknowledge it (docs/design.md, "Annual reports").
import type { Diagnostic } from '../types.ts';

export interface Finding {
  /** 'table3.column-sum.natural_person', 'carry-over.total', 'deadline' … */
  rule: string;
  diagnostic: Diagnostic;
}

/** The sentence every finding's fix ends with: how to keep a real, published defect. */
export const knownDefectHint = (rule: string) =>
  `如这是已发布报告中的真实错误，在 report.known_defects 中写 rule: ${rule} 和原因。`;

/** A finding: the diagnostic's fix gains the known_defects hint with the rule key. */
export function finding(rule: string, diagnostic: Diagnostic): Finding {
  diagnostic.fix = diagnostic.fix ? `${diagnostic.fix}${knownDefectHint(rule)}` : knownDefectHint(rule);
  return { rule, diagnostic };
}
