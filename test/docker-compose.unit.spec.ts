// docker-compose.yml cannot be run here (no Docker engine): its shape is checked instead, as
// Compose reads it (YAML merge keys resolved).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface ComposeService {
  build?: string;
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(join(process.cwd(), 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

describe('docker-compose.yml', () => {
  const replicas = Object.entries(compose.services).filter(([, service]) => service.build);

  it('runs Postgres and two replicas of the service on one database, each on a port and with a name of its own', () => {
    expect(compose.services.postgres?.healthcheck).toBeDefined();
    expect(replicas).toHaveLength(2);
    const environments = replicas.map(([, service]) => service.environment!);
    expect(new Set(environments.map((env) => env.DATABASE_URL)).size).toBe(1);
    expect(environments[0]!.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(new Set(environments.map((env) => env.PUBLIC_BASE_URL)).size).toBe(1);
    expect(new Set(environments.map((env) => env.INSTANCE_ID)).size).toBe(2);
    const hostPorts = replicas.map(([, service]) => service.ports![0]!.split(':')[0]);
    expect(new Set(hostPorts).size).toBe(2);
  });

  it('starts each replica once Postgres is healthy and checks each one’s /health', () => {
    for (const [, service] of replicas) {
      expect(service.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
      expect(service.healthcheck?.test.join(' ')).toContain('/health');
    }
  });
});
