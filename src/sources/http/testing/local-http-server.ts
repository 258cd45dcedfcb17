import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on 127.0.0.1 and an ephemeral port, for tests of the fetcher against the
// wire rather than a mock of undici.

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface LocalHttpServer {
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  /** Headers of every request received, by path, in arrival order. */
  requestHeaders(path: string): IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startLocalHttpServer(routes: Record<string, Route>): Promise<LocalHttpServer> {
  const received: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    received.push({ path, headers: request.headers });
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (route) route(request, response);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requestHeaders: (path) => received.filter((request) => request.path === path).map((request) => request.headers),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
