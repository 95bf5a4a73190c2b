import { Module } from '@nestjs/common';
import { SmsOptOutsRepository } from 'src/shared/sms/repositories/sms-opt-outs.repository';
import { LeadEventsRepository } from './lead-events.repository';
import { LeadsController } from './leads.controller';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

@Module({
  controllers: [LeadsController],
  // SmsOptOutsRepository: the list's opt-out column (a stateless repository, not the SMS engine module)
  providers: [LeadsService, LeadsRepository, LeadEventsRepository, SmsOptOutsRepository],
  exports: [LeadsService, LeadsRepository, LeadEventsRepository],
})
export class LeadsModule {}
