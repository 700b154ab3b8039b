/**
 * The layout's rules (ARCHITECTURE.md), checked by `npm run check`.
 * Type-only imports count for the boundary rules but not for cycles: they vanish at build time.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes module start-up order matter and hides which feature owns what.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'feature-internals',
      severity: 'error',
      comment: "Another feature's code is reached through its public index.ts only.",
      from: { path: '^src/features/([^/]+)/' },
      to: {
        path: '^src/features/([^/]+)/.+',
        pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'kernel-uses-feature-index',
      severity: 'error',
      comment: 'The app, the CLI and the shared UI reach a feature through its index.ts only.',
      from: { path: '^src/(?!features/)' },
      to: { path: '^src/features/[^/]+/.+', pathNot: '^src/features/[^/]+/index\\.ts$' },
    },
    {
      name: 'lib-and-db-import-no-feature',
      severity: 'error',
      comment: 'lib/ and db/ are the bottom layer: generic helpers, the schema, the client, D1 limits.',
      from: { path: '^src/(lib|db)/' },
      to: { path: '^src/(features|app|ui|cli)/' },
    },
    {
      name: 'ui-imports-no-feature',
      severity: 'error',
      comment: 'The layout and shared components serve every feature and know none of them.',
      from: { path: '^src/(ui|i18n)/' },
      to: { path: '^src/(features|app|cli)/' },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js'] },
  },
}
