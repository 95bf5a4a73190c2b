import { Injectable } from '@nestjs/common';
import type { CountryCode } from 'libphonenumber-js';
import type { IncomingMessage } from 'node:http';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { hasRole } from 'src/core/auth/roles';
import type { AppConfig } from 'src/core/config/app-config';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { DomainEvents } from 'src/core/events/domain-events';
import { pageOf, type CursorPageQueryDto, type Page } from 'src/core/http/pagination';
import { keysetQueryOf } from 'src/core/database/keyset-page';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { CsvImportError, openCsvRecipients } from 'src/shared/sms/campaigns/csv-recipients';
import { maskPhone, normalizePhone } from 'src/shared/sms/phone.rules';
import { SmsOptOutsRepository } from 'src/shared/sms/repositories/sms-opt-outs.repository';
import { SmsSettingsRepository } from 'src/shared/sms/settings/sms-settings.repository';
import { spoolMultipart } from '../campaigns/multipart-upload';
import { actorOf } from '../sms.service';
import { mapOptOut, type OptOutDto, type OptOutImportReportDto } from './opt-outs.dto';
import { OptOutsListRepository } from './opt-outs.repository';

const IMPORT_CHUNK = 1000;

/** Opt-outs the recipient asked for (a STOP keyword, Twilio's 21610): only their START lifts them. */
export const RECIPIENT_SOURCES: readonly string[] = ['keyword', 'error_21610'];

/** Who may take a number off the list (docs/security.md, "Roles"). */
export function assertRemovable(auth: AuthContext, source: string): void {
  if (RECIPIENT_SOURCES.includes(source)) {
    throw new AppError(
      AppErrorCode.FORBIDDEN,
      'This person opted out themselves (replied STOP, or Twilio reported error 21610): only they can lift it, by texting START',
      { reason: 'recipient_opt_out', source },
    );
  }
  if (!hasRole(auth, 'subaccount_admin')) {
    throw new AppError(AppErrorCode.FORBIDDEN, 'Only a SubAccount admin can remove an opt-out', {
      reason: 'admin_only',
    });
  }
}

/** The SubAccount's do-not-text list: read, add, remove, import. Every change is audited. */
@Injectable()
export class OptOutsService {
  constructor(
    private readonly list: OptOutsListRepository,
    private readonly optOuts: SmsOptOutsRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly audit: SmsAuditRepository,
    private readonly database: DatabaseService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async page(auth: AuthContext, q: CursorPageQueryDto): Promise<Page<OptOutDto>> {
    const { items, ...rest } = await this.list.list(tenantOf(auth), { ...keysetQueryOf(q), search: q.search });
    return pageOf(items.map(mapOptOut), rest, q);
  }

  async add(auth: AuthContext, phone: string, meta: RequestMeta): Promise<OptOutDto> {
    const subAccountId = tenantOf(auth);
    const e164 = await this.normalize(subAccountId, phone);
    const by = auth.kind === 'admin' ? { adminId: auth.id } : { userId: auth.id };
    await this.database.transaction(async (tx) => {
      if (!(await this.optOuts.add(subAccountId, e164, 'manual', by, tx))) return;
      await this.record(auth, subAccountId, 'opt_out.add', e164, meta, { source: 'manual' }, tx);
      await this.domainEvents.emit(tx, { type: 'sms.opted_out', subAccountId, phoneNumber: e164, source: 'manual' });
    });
    return mapOptOut((await this.list.findByPhone(subAccountId, e164))!);
  }

  async remove(auth: AuthContext, id: number, meta: RequestMeta): Promise<void> {
    const row = await this.list.find(tenantOf(auth), id);
    if (!row) throw AppError.notFound('Opt-out');
    await this.removeRow(auth, row, meta);
  }

  /** Takes a number off the list (the lead page's toggle); false when it was not on it. */
  async removeByPhone(auth: AuthContext, phone: string, meta: RequestMeta): Promise<boolean> {
    const row = await this.list.findByPhone(tenantOf(auth), phone);
    if (!row) return false;
    await this.removeRow(auth, row, meta);
    return true;
  }

  async findByPhone(auth: AuthContext, phone: string): Promise<OptOutDto | null> {
    const row = await this.list.findByPhone(tenantOf(auth), phone);
    return row ? mapOptOut(row) : null;
  }

  private async removeRow(
    auth: AuthContext,
    row: { subAccountId: number; phoneNumber: string; source: string },
    meta: RequestMeta,
  ) {
    assertRemovable(auth, row.source);
    const { subAccountId, phoneNumber } = row;
    await this.database.transaction(async (tx) => {
      await this.optOuts.remove(subAccountId, phoneNumber, tx);
      await this.record(auth, subAccountId, 'opt_out.remove', phoneNumber, meta, { source: row.source }, tx);
      await this.domainEvents.emit(tx, { type: 'sms.opted_in', subAccountId, phoneNumber });
    });
  }

  async import(
    auth: AuthContext,
    req: IncomingMessage,
    config: AppConfig,
    meta: RequestMeta,
  ): Promise<OptOutImportReportDto> {
    const subAccountId = tenantOf(auth);
    const country = (await this.settings.subAccount(subAccountId))?.defaultCountry ?? 'US';
    const upload = await spoolMultipart(req, config.sms.maxUploadMb * 1024 * 1024);
    try {
      if (!upload.filePath)
        throw new AppError(AppErrorCode.VALIDATION, 'file: attach the CSV as the `file` part', [
          { field: 'file', message: 'missing' },
        ]);
      const csv = await openCsvRecipients(upload.filePath, {
        phoneColumn: upload.fields.phoneColumn,
        defaultCountry: country,
      });
      const report: OptOutImportReportDto = {
        counts: { rows: 0, added: 0, alreadyOptedOut: 0, invalid: 0 },
        rejections: [],
      };
      const by = auth.kind === 'admin' ? { adminId: auth.id } : { userId: auth.id };
      let chunk = new Set<string>();
      const flush = async () => {
        const added = await this.list.addMany(subAccountId, [...chunk], by);
        report.counts.added += added;
        report.counts.alreadyOptedOut += chunk.size - added;
        chunk = new Set();
      };
      for await (const record of csv.records) {
        report.counts.rows += 1;
        const phone = normalizePhone(record.phone, country as CountryCode);
        if (!phone.ok) {
          report.counts.invalid += 1;
          if (report.rejections.length < 1000)
            report.rejections.push({
              row: record.row,
              value: record.phone,
              reason: 'invalid_phone',
              message: phone.message,
            });
          continue;
        }
        if (chunk.has(phone.e164)) report.counts.alreadyOptedOut += 1;
        chunk.add(phone.e164);
        if (chunk.size >= IMPORT_CHUNK) await flush();
      }
      await flush();
      await this.record(auth, subAccountId, 'opt_out.import', null, meta, { ...report.counts });
      return report;
    } catch (e) {
      throw e instanceof CsvImportError
        ? new AppError(AppErrorCode.VALIDATION, `file: ${e.message}`, [{ field: 'file', message: e.message }])
        : e;
    } finally {
      await upload.cleanup();
    }
  }

  private async normalize(subAccountId: number, phone: string): Promise<string> {
    const country = (await this.settings.subAccount(subAccountId))?.defaultCountry ?? 'US';
    const result = normalizePhone(phone, country as CountryCode);
    if (!result.ok)
      throw new AppError(AppErrorCode.INVALID_PHONE, `phoneNumber: ${result.message}`, [
        { field: 'phoneNumber', message: result.message },
      ]);
    return result.e164;
  }

  private async record(
    auth: AuthContext,
    subAccountId: number,
    action: string,
    phone: string | null,
    meta: RequestMeta,
    details: Record<string, unknown>,
    db?: DbOrTx,
  ) {
    const actor = actorOf(auth, meta);
    await this.audit.record(
      {
        subAccountId,
        actorKind: actor.kind,
        actorId: actor.id,
        action,
        targetType: phone ? 'phone' : 'sms_opt_outs',
        targetId: phone ? maskPhone(phone) : null,
        details,
        requestId: meta.requestId,
        ip: meta.ip,
      },
      db,
    );
  }
}
