import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { IncomingMessage } from 'node:http';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';
import { CsvImportError, openCsvRecipients } from 'src/shared/sms/campaigns/csv-recipients';
import { SmsSettingsRepository } from 'src/shared/sms/settings/sms-settings.repository';
import { CampaignImportService } from './campaign-import.service';
import { BulkSmsFieldsDto } from './dto/campaign.dto';
import type { ImportReportDto } from 'src/main-app/modules/sms/dto/import-report.dto';
import { spoolMultipart } from './multipart-upload';

/** POST /sms/bulk: a CSV upload becomes a campaign (or a dry-run report). */
@Injectable()
export class BulkSmsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly importer: CampaignImportService,
    private readonly settings: SmsSettingsRepository,
  ) {}

  async upload(auth: AuthContext, req: IncomingMessage, meta: RequestMeta): Promise<ImportReportDto> {
    const subAccountId = tenantOf(auth);
    const upload = await spoolMultipart(req, this.config.sms.maxUploadMb * 1024 * 1024);
    try {
      if (!upload.filePath)
        throw new AppError(AppErrorCode.VALIDATION, 'file: attach the CSV as the `file` part', [
          { field: 'file', message: 'missing' },
        ]);
      const fields = await this.validFields(upload.fields);
      const subAccount = await this.settings.subAccount(subAccountId);
      const csv = await openCsvRecipients(upload.filePath, {
        phoneColumn: fields.phoneColumn,
        defaultCountry: subAccount?.defaultCountry,
      }).catch((e: unknown) => {
        throw e instanceof CsvImportError
          ? new AppError(AppErrorCode.VALIDATION, `file: ${e.message}`, [{ field: 'file', message: e.message }])
          : e;
      });
      return await this.importer
        .run(
          auth,
          subAccountId,
          {
            name:
              fields.name ??
              `${upload.fileName ?? 'CSV upload'} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
            template: fields.message,
            scheduledAt: fields.scheduledAt ? new Date(fields.scheduledAt) : undefined,
            dryRun: fields.dryRun === 'true' || fields.dryRun === '1',
            source: 'csv',
            records: csv.records,
            headers: csv.layout.headers,
            phoneColumn: csv.layout.phoneColumn,
          },
          meta,
        )
        .catch((e: unknown) => {
          throw e instanceof CsvImportError
            ? new AppError(AppErrorCode.VALIDATION, `file: ${e.message}`, [{ field: 'file', message: e.message }])
            : e;
        });
    } finally {
      await upload.cleanup();
    }
  }

  private async validFields(raw: Record<string, string>): Promise<BulkSmsFieldsDto> {
    const dto = plainToInstance(BulkSmsFieldsDto, raw);
    const errors = await validate(dto, { whitelist: true });
    if (errors.length) {
      const details = errors.flatMap((e) =>
        Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })),
      );
      throw new AppError(AppErrorCode.VALIDATION, details.map((d) => d.message).join('; '), details);
    }
    return dto;
  }
}
