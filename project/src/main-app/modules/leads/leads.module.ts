import { Module } from '@nestjs/common';
import { LeadEventsRepository } from './lead-events.repository';
import { LeadsController } from './leads.controller';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

@Module({
  controllers: [LeadsController],
  providers: [LeadsService, LeadsRepository, LeadEventsRepository],
  exports: [LeadsService, LeadsRepository, LeadEventsRepository],
})
export class LeadsModule {}
