/**
 * Runs Electronegativity over the sources and fails on any high or medium finding that is not
 * explained in security/electronegativity-suppressions.json. Also fails when a source file
 * could not be parsed, since an unread file is an unchecked file.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity')
const electronVersion = require('electron/package.json').version
const { excludedChecks, suppressions } = JSON.parse(
  readFileSync(new URL('../security/electronegativity-suppressions.json', import.meta.url), 'utf8'),
)

const result = await run({
  input: 'src',
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: excludedChecks.map((check) => check.id),
})

const blocking = ['HIGH', 'MEDIUM']
const isSuppressed = (issue) =>
  suppressions.some((entry) => entry.id === issue.id && issue.file.endsWith(entry.file))
const findings = result.issues.filter((issue) => blocking.includes(issue.severity.name))
const unexplained = findings.filter((issue) => !isSuppressed(issue))
const unparsed = result.errors.filter((error) => !error.tolerable)

for (const issue of result.issues) {
  const state = !blocking.includes(issue.severity.name)
    ? 'note'
    : isSuppressed(issue)
      ? 'explained'
      : 'FAIL'
  console.log(
    `${state.padEnd(9)} ${issue.severity.name.padEnd(13)} ${issue.id} ${issue.file}:${issue.location.line}`,
  )
}
for (const error of unparsed) console.error(`could not parse ${error.file}: ${error.message}`)
console.log(
  `Electronegativity (Electron ${electronVersion}): ${result.issues.length} findings, ` +
    `${findings.length - unexplained.length} explained, ${unexplained.length} unexplained, ` +
    `${unparsed.length} files unparsed`,
)
if (unexplained.length > 0 || unparsed.length > 0) process.exit(1)
