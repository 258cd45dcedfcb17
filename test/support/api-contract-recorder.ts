// Wired once for the int and e2e tests (jest setupFilesAfterEnv): every JSON answer a test
// fetches from a service on this machine is checked against the OpenAPI document that service
// serves, and a test file that received one that breaks it fails, naming the operation and why.
import { afterAll, expect } from '@jest/globals';
import { ApiContract } from './api-contract.js';

const contracts = new Map<string, Promise<ApiContract | null>>();
const violations: string[] = [];
const pending: Promise<void>[] = [];
const plainFetch = globalThis.fetch;

const JSON_MEDIA = /^application\/(json|feed\+json)\b/;

function contractOf(origin: string): Promise<ApiContract | null> {
  let contract = contracts.get(origin);
  if (!contract) {
    contract = ApiContract.fetch(origin).catch(() => null); // not this service, or it is gone
    contracts.set(origin, contract);
  }
  return contract;
}

async function record(method: string, url: URL, response: Response): Promise<void> {
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA.test(mediaType) || url.pathname === '/api/docs-json') return;
  let body: unknown;
  try {
    body = await response.clone().json();
  } catch {
    return; // the test reads it, and says what is wrong with it
  }
  const contract = await contractOf(url.origin);
  const violation = contract?.violation(method, url.pathname, response.status, mediaType, body);
  if (violation) violations.push(violation);
}

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const response = await plainFetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    pending.push(record(method, url, response).catch((error) => void violations.push(`${method} ${url.pathname}: ${(error as Error).message}`)));
  }
  return response;
};

afterAll(async () => {
  await Promise.all(pending);
  expect(violations).toEqual([]);
});
