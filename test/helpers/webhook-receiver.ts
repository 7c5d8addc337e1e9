/**
 * A loopback HTTP receiver standing in for a team webhook (Slack's incoming webhooks answer 200 "ok"). Each request's
 * body is kept; `answers` scripts the status of the next requests (then 200), with optional headers and delay.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface WebhookReceiver {
  url: string;
  /** Parsed JSON bodies, in arrival order (every attempt, failed ones too). */
  bodies: unknown[];
  /** Raw bodies, for secret scans. */
  raw: string[];
  statuses: number[];
  answers: ScriptedAnswer[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  path = '/services/T000/B000/XyZsecretTokenForTests0123',
): Promise<WebhookReceiver> {
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = { bodies: [], raw: [], statuses: [], answers: [] };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      receiver.raw.push(text);
      try {
        receiver.bodies.push(JSON.parse(text));
      } catch {
        receiver.bodies.push(text);
      }
      const answer = receiver.answers.shift() ?? { status: 200 };
      receiver.statuses.push(answer.status);
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        response.end(answer.status === 200 ? 'ok' : 'error');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    ...receiver,
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Kept-alive and timed-out sockets would hold close() for seconds.
        server.closeAllConnections();
      }),
  } as WebhookReceiver;
}
