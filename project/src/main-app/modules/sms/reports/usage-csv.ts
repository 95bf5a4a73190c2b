import type { Response } from 'express';
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
export function writeUsageCsv(res: Response, report: UsageReportDto): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="sms-usage-${report.from}-to-${report.to}.csv"`);
  const lines = report.rows.map((r) => {
    const row = { ...r, currency: report.currency };
    return COLUMNS.map((c) => csvCell(row[c])).join(',');
  });
  res.end('\uFEFF' + [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n');
}
