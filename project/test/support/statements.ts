import { vi } from 'vitest';
import type { DatabaseService } from 'src/core/database/database.service';

export interface Statement {
  sql: string;
  params: unknown[];
}

interface Session {
  prepareQuery(query: Statement, ...rest: unknown[]): { execute(): Promise<unknown> };
}

/** The Drizzle session of the database handle: statements sent through it can be run or EXPLAINed as sent. */
export const sessionOf = (database: DatabaseService) => (database.db as unknown as { session: Session }).session;

/**
 * Runs `work` and returns every statement the process sent meanwhile (begin, savepoints and commit included),
 * in order. Spied on the session's class: a transaction gets a session of its own.
 */
export async function statementsOf(database: DatabaseService, work: () => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  const sessions = Object.getPrototypeOf(sessionOf(database)) as Session;
  const original = sessions.prepareQuery;
  const spy = vi.spyOn(sessions, 'prepareQuery').mockImplementation(function (this: Session, query, ...rest) {
    sent.push(query);
    return original.call(this, query, ...rest);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return sent;
}
