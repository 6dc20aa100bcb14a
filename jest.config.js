/** One jest run for unit (*.spec.ts) and e2e (*.e2e-spec.ts) suites; see test/global-setup.ts. */
const fs = require('node:fs');
const path = require('node:path');

/** Every lib under libs/ (each reached as @palabre/<name>). */
const libs = fs.readdirSync(path.join(__dirname, 'libs')).filter((l) => fs.existsSync(path.join(__dirname, 'libs', l, 'src')));

const swc = {
  jsc: {
    // Path aliases are rewritten at transform time, so globalSetup (which ignores moduleNameMapper) resolves them too.
    baseUrl: __dirname,
    paths: Object.fromEntries(libs.map((l) => [`@palabre/${l}`, [`libs/${l}/src`]])),
    parser: { syntax: 'typescript', tsx: true, decorators: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
      react: { runtime: 'automatic', importSource: 'preact' },
    },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
  moduleNameMapper: Object.fromEntries(libs.map((l) => [`^@palabre/${l}$`, `<rootDir>/libs/${l}/src`])),
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60_000,
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
  // PGlite instances hold a WebAssembly heap each; recycle workers that grew.
  workerIdleMemoryLimit: '1500MB',
  verbose: false,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
