// Every check gongkai runs, in the order their findings are listed. The build, `npm run check`
// and the tests run this one list (src/lib/site.ts). To add a rule: one file in this folder
// exporting a Check (types.ts), one entry here, one test in test/unit/checks.test.ts.
import { attachmentsCheck, bodyMarkupCheck } from './attachments.ts';
import { contentAccessibilityCheck, linkTextCheck } from './content-accessibility.ts';
import { datesCheck } from './dates.ts';
import { docNoCheck } from './doc-no.ts';
import { documentLinksCheck } from './document-links.ts';
import { duplicatesCheck } from './duplicates.ts';
import { invisibleCharactersCheck, unknownFieldsCheck } from './fields.ts';
import { filesCheck } from './files.ts';
import { indexNoCheck } from './index-no.ts';
import { interpretsCheck } from './interprets.ts';
import { normativeCheck } from './normative.ts';
import { privacyCheck } from './privacy.ts';
import { publishersCheck } from './publishers.ts';
import { referencesCheck } from './references.ts';
import { reportCheck } from '../report/checks.ts';
import { scheduledCheck } from './scheduled.ts';
import { siteSettingsCheck } from './site-settings.ts';
import { supersessionCheck } from './supersession.ts';
import type { Check } from './types.ts';
import { withdrawnCheck } from './withdrawn.ts';
import { redirectsCheck } from './redirects.ts';

export const CHECKS: readonly Check[] = [
  // the site's own files
  siteSettingsCheck,
  publishersCheck,
  // each document
  unknownFieldsCheck,
  invisibleCharactersCheck,
  referencesCheck,
  datesCheck,
  normativeCheck,
  docNoCheck,
  indexNoCheck,
  bodyMarkupCheck,
  contentAccessibilityCheck,
  attachmentsCheck,
  scheduledCheck,
  withdrawnCheck,
  // across documents
  duplicatesCheck,
  supersessionCheck,
  interpretsCheck,
  documentLinksCheck,
  linkTextCheck,
  filesCheck,
  redirectsCheck,
  // personal information in bodies, data files and attachments (src/lib/privacy/)
  privacyCheck,
  // annual reports (src/lib/report/checks.ts)
  reportCheck,
];

export { runChecks } from './types.ts';
export type { Check, CheckedColumn, CheckedDocument, ColumnCheck, DocumentCheck } from './types.ts';
