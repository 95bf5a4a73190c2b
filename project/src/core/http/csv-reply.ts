import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Sends a CSV download: a whole text, or chunks streamed as they are produced (each next chunk is read only when
 * the client has taken the last, so a large export never sits in memory).
 */
export function sendCsv(reply: FastifyReply, fileName: string, body: string | AsyncIterable<string>): void {
  void reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${fileName}"`)
    .send(typeof body === 'string' ? body : Readable.from(body, { objectMode: false }));
}
