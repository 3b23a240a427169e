// node:http with a keep-alive agent rather than fetch: the client must cost less than the server it measures,
// and on two cores fetch's per-request overhead would cap the rate below what the server answers.
import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

export interface HttpClient {
  call(method: string, path: string, init?: { headers?: Record<string, string>; body?: string }): Promise<HttpAnswer>;
  close(): void;
}

export function httpClient(baseUrl: string, connections: number): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const base = new URL(baseUrl);
  return {
    call: (method, path, init = {}) =>
      new Promise<HttpAnswer>((resolve, reject) => {
        const headers = { ...init.headers, ...(init.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(init.body)) }) };
        const req = request({ agent, host: base.hostname, port: base.port, method, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(init.body);
      }),
    close: () => agent.destroy(),
  };
}
