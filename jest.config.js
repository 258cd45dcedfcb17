// Jest in native ESM mode (NestJS 12 is ESM-only): `npm test` runs node with
// --experimental-vm-modules, swc strips types and keeps decorator metadata.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc.jest.json', import.meta.url), 'utf8'));

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup.ts'],
};

const CONTRACT_RECORDER = '<rootDir>/test/support/api-contract-recorder.ts';

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{src,test}/**/*.unit.spec.ts'] },
    // Every JSON answer the int and e2e tests receive is checked against the OpenAPI document.
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/{src,test}/**/*.int.spec.ts'], setupFilesAfterEnv: [CONTRACT_RECORDER] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/{src,test}/**/*.e2e.spec.ts'], setupFilesAfterEnv: [CONTRACT_RECORDER] },
  ],
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/global-setup.js',
};
