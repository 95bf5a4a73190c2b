import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { Clock } from 'src/core/clock/clock';
import { AppError } from 'src/core/errors/app-error';
import { ManagedSubAccountsRepository, type SubAccountRef } from 'src/core/tenancy/managed-sub-accounts.repository';
import type { ReportQueryDto } from './dto/report-query.dto';
import type { DayRange } from './reports.repository';

const DAY_MS = 86_400_000;
/** A report spans at most this many days: three years. */
export const MAX_REPORT_DAYS = 3 * 366;

export interface ReportScope {
  subAccounts: SubAccountRef[];
  range: DayRange;
}

/** Who a report covers (which SubAccounts) and when (which UTC days). */
@Injectable()
export class ReportScopeService {
  constructor(
    private readonly managed: ManagedSubAccountsRepository,
    private readonly clock: Clock,
  ) {}

  async resolve(auth: AuthContext, q: ReportQueryDto, defaultFrom: (today: Date) => Date): Promise<ReportScope> {
    const range = this.rangeOf(q, defaultFrom);
    return { range, subAccounts: await this.subAccountsOf(auth, q.subAccountId) };
  }

  /** A user: their own. An admin: the one asked for if they manage it (else 404), or all they manage. */
  private async subAccountsOf(auth: AuthContext, asked: number | undefined): Promise<SubAccountRef[]> {
    if (auth.kind === 'user') {
      const own = tenantOf(auth);
      if (asked !== undefined && asked !== own) throw AppError.notFound('SubAccount');
      return this.managed.namesOf([own]);
    }
    if (asked === undefined) return this.managed.listManaged(auth.id, auth.role);
    if (!(await this.managed.isManagedBy(asked, auth.id, auth.role))) throw AppError.notFound('SubAccount');
    return this.managed.namesOf([asked]);
  }

  private rangeOf(q: ReportQueryDto, defaultFrom: (today: Date) => Date): DayRange {
    const to = q.to ? parseDay('to', q.to) : startOfDay(this.clock.now());
    const from = q.from ? parseDay('from', q.from) : defaultFrom(to);
    if (from > to) throw AppError.validation('from', 'must not be after to');
    if ((to.getTime() - from.getTime()) / DAY_MS + 1 > MAX_REPORT_DAYS) {
      throw AppError.validation('from', `a report spans at most ${MAX_REPORT_DAYS} days`);
    }
    return { from: dayOf(from), to: dayOf(to) };
  }
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

function parseDay(field: string, value: string): Date {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || dayOf(d) !== value) throw AppError.validation(field, 'is not a calendar day');
  return d;
}

/** Usage: the first day of the month eleven months back, so twelve whole months show. */
export const twelveMonthsBack = (today: Date) =>
  new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
/** Failures: thirty days including today. */
export const thirtyDaysBack = (today: Date) => new Date(today.getTime() - 29 * DAY_MS);
