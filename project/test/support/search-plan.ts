import type { DatabaseService } from 'src/core/database/database.service';
import type { SmsMessageHistoryRepository } from 'src/shared/sms/repositories/sms-message-history.repository';
import { nodesOf, planOf, statementsOf, type PlanNode } from './statements';

/**
 * Every node of the plan of the statement that reads a history search's first page (its rows, not its total), as
 * the repository sent it: without running it, or run when `analyze`.
 */
export async function searchPagePlan(
  database: DatabaseService,
  history: SmsMessageHistoryRepository,
  subAccountId: number,
  term: string,
  { analyze = false } = {},
): Promise<PlanNode[]> {
  const sent = await statementsOf(database, () => history.page(subAccountId, { page: 1, limit: 20, search: term }));
  const rows = sent.find((q) => q.sql.includes('sms_message_search') && !q.sql.startsWith('explain'));
  if (!rows) throw new Error(`The search for ${JSON.stringify(term)} sent no statement reading sms_message_search`);
  return nodesOf(await planOf(database, rows, { analyze }));
}
