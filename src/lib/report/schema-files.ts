// The JSON Schemas of the annual-report data files, committed under schemas/ so that an editor's
// editor (yaml-language-server, via the `# yaml-language-server: $schema=` line every data file
// starts with) validates the file as it is typed. Generated from the zod schema the build uses
// (data.ts reportJsonSchema) by `npm run docs`; test/unit/report-schema-files.test.ts fails when a
// committed file is not current.
import { reportJsonSchema } from './data.ts';
import { FORMATS, type FormatId } from './formats.ts';

/** The folder of the schema files, relative to the repository root. */
export const SCHEMA_DIR = 'schemas';

/** 'schemas/annual-report-2021.schema.json', relative to the repository root. */
export const schemaFile = (format: FormatId) => `${SCHEMA_DIR}/annual-report-${format}.schema.json`;

/** Every schema file with its text (2-space JSON, final newline; listed in .prettierignore). */
export function schemaFiles(): { path: string; text: string }[] {
  return (Object.keys(FORMATS) as FormatId[])
    .sort()
    .reverse()
    .map((id) => ({ path: schemaFile(id), text: JSON.stringify(reportJsonSchema(FORMATS[id]), null, 2) + '\n' }));
}
