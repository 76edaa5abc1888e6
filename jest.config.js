/** Three suites: unit (pure logic), integration (services in-process against real PostgreSQL,
 * RabbitMQ and Redis), e2e (the gateway over HTTP with every service running), browser (the web app in Chromium). */
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@glimmer/([^/]+)/(.*)$': '<rootDir>/libs/$1/src/$2' },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Integration and e2e tests wait on real services; unit tests finish long before this.
  testTimeout: 90_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{apps,libs}/**/*.spec.ts',
        '<rootDir>/test/architecture/**/*.spec.ts',
        '<rootDir>/test/deploy/**/*.spec.ts',
      ],
    },
    {
      ...base,
      displayName: 'integration',
      // test/integration: several services in-process together (an app may not import another).
      testMatch: [
        '<rootDir>/{apps,libs}/**/*.int-spec.ts',
        '<rootDir>/test/integration/**/*.int-spec.ts',
      ],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
    {
      ...base,
      // The web app in Debian's Chromium (playwright-core) against the whole running system.
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
  ],
};
