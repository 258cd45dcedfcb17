// Jest in native ESM mode (NestJS 12 is ESM-only): `npm test` runs node with
// --experimental-vm-modules, swc strips types and keeps decorator metadata.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const swc = JSON.parse(readFileSync(new URL('./.swcrc.jest.json', import.meta.url), 'utf8'));

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup.ts'],
};

const CONTRACT_RECORDER = '<rootDir>/test/support/api-contract-recorder.ts';

// The files that assert latencies, handover times, or that both of two racing instances took a
// turn: with another test file working beside them on two cores, /health's p99 reached 3.9 s
// against a 1.5 s bound, and one fencing instance never led. They run alone, in band, before or
// after the files that run in parallel (test/support/serial-runner.cjs).
const MEASURED = [
  '<rootDir>/test/embedded-database.e2e.spec.ts',
  '<rootDir>/test/instances.e2e.spec.ts',
  '<rootDir>/src/event-store/fencing.int.spec.ts',
];

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{src,test}/**/*.unit.spec.ts'] },
    // Every JSON answer the int and e2e tests receive is checked against the OpenAPI document.
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/{src,test}/**/*.int.spec.ts'], testPathIgnorePatterns: MEASURED, setupFilesAfterEnv: [CONTRACT_RECORDER] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/{src,test}/**/*.e2e.spec.ts'], testPathIgnorePatterns: MEASURED, setupFilesAfterEnv: [CONTRACT_RECORDER] },
    {
      ...shared,
      displayName: 'measured',
      testMatch: MEASURED,
      runner: '<rootDir>/test/support/serial-runner.cjs',
      setupFilesAfterEnv: [CONTRACT_RECORDER],
    },
  ],
  testTimeout: 60_000,
  // Jest's default, one worker fewer than cores, is one worker on CI's two cores: the files ran one
  // after another while most of them wait on child processes, Postgres and timers, not on a core.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  globalSetup: '<rootDir>/test/global-setup.js',
};
