/**
 * Import loops and folder boundaries that lint cannot see. ESLint's import-x/no-cycle skips
 * type-only imports, and a loop of `import type` still ties modules together, so this check
 * counts them (tsPreCompilationDeps). Run by `npm run deps`, part of `npm test`, over src/ and
 * the stock client fixture.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import loop anywhere in src/, type-only imports included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'shared-stays-shared',
      severity: 'error',
      comment: 'src/shared runs everywhere: it imports neither main, the renderer nor the preload.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer|preload)/' },
    },
    {
      name: 'features-not-wiring',
      severity: 'error',
      comment:
        "A feature folder of main's services takes what it needs as parameters; only the " +
        'wiring at the root of services/ may read the bag of every service or build them.',
      from: { path: '^src/main/services/[^/]+/' },
      to: { path: '^src/main/services/(services|handlers|create-services)\\.ts$' },
    },
    {
      name: 'storage-is-the-bottom',
      severity: 'error',
      comment: 'storage/ and signaling/ stand on nothing but ports and shared code.',
      from: { path: '^src/main/services/(storage|signaling)/' },
      to: { path: '^src/main/services/(cases|rooms|export|search|desktop)/' },
    },
    {
      name: 'features-do-not-lean-on-each-other',
      severity: 'error',
      comment:
        'cases/ is the layer features share (the case index and writer); search/, desktop/ ' +
        'and export/ do not import each other or rooms/.',
      from: { path: '^src/main/services/(search|desktop|export|cases)/' },
      to: {
        path: '^src/main/services/(search|desktop|export|rooms)/',
        pathNot: '^src/main/services/$1/',
      },
    },
    {
      name: 'stock-client-knows-only-the-docs',
      severity: 'error',
      comment:
        'The stock client proves docs/case-schema.md is enough to join a case: it imports ' +
        'y-webrtc, yjs and the like, its own folder, and nothing of Swarmroom or its tests.',
      from: { path: '^test/fixtures/stock-client/' },
      to: { path: '^(src|test|bench|scripts)/', pathNot: '^test/fixtures/stock-client/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|node_modules)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.css'] },
  },
}
