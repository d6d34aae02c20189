/**
 * Runs Electronegativity over the sources and fails on any high or medium finding that is not
 * explained in security/electronegativity-suppressions.json. A suppression names the check, the
 * file and a snippet of the flagged line: a new finding of the same check elsewhere in the file
 * is not covered by an old explanation. Also fails when a source file could not be parsed
 * (an unread file is an unchecked file) and when a suppression no longer matches any finding.
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
const sourceLine = (issue) =>
  readFileSync(new URL(`../src/${issue.file}`, import.meta.url), 'utf8').split('\n')[
    issue.location.line - 1
  ] ?? ''
const explains = (entry, issue) =>
  entry.id === issue.id &&
  issue.file.endsWith(entry.file) &&
  sourceLine(issue).includes(entry.snippet)
const isSuppressed = (issue) => suppressions.some((entry) => explains(entry, issue))
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
const stale = suppressions.filter((entry) => !result.issues.some((issue) => explains(entry, issue)))
for (const entry of stale) {
  console.error(
    `FAIL      stale suppression ${entry.id} ${entry.file}: no finding on "${entry.snippet}"`,
  )
}
console.log(
  `Electronegativity (Electron ${electronVersion}): ${result.issues.length} findings, ` +
    `${findings.length - unexplained.length} explained, ${unexplained.length} unexplained, ` +
    `${unparsed.length} files unparsed`,
)
if (unexplained.length > 0 || unparsed.length > 0 || stale.length > 0) process.exit(1)
