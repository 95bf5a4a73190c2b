import type { FastifyReply } from 'fastify';
import { sendCsv } from 'src/core/http/csv-reply';
import { csvCell } from 'src/main-app/modules/sms/sms-export.service';
import type { UsageReportDto } from './dto/usage-report.dto';

const COLUMNS = [
  'month',
  'subAccountId',
  'subAccountName',
  'messages',
  'delivered',
  'failed',
  'undelivered',
  'segments',
  'cost',
  'currency',
  'deliveryRate',
] as const;

/** The usage report as CSV (one row per SubAccount and UTC month), with History's formula-injection guard. */
export function writeUsageCsv(reply: FastifyReply, report: UsageReportDto): void {
  const lines = report.rows.map((r) => {
    const row = { ...r, currency: report.currency };
    return COLUMNS.map((c) => csvCell(row[c])).join(',');
  });
  const csv = '\uFEFF' + [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
  sendCsv(reply, `sms-usage-${report.from}-to-${report.to}.csv`, csv);
}
