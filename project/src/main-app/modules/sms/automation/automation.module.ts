import { Module } from '@nestjs/common';
import { LeadsModule } from 'src/main-app/modules/leads/leads.module';
import { StrategiesModule } from 'src/main-app/modules/strategies/strategies.module';
import { SharedSmsModule } from 'src/shared/sms/sms.module';
import { SmsModule } from '../sms.module';
import { AutomationEventsService } from './automation-events.service';
import { AutomationRunner } from './automation-runner.service';
import { LeadMessageSender } from './lead-message.sender';
import { EnrollmentService } from './sequences/enrollment.service';
import { EnrollmentsRepository } from './sequences/enrollments.repository';
import { SequencesController } from './sequences/sequences.controller';
import { SequencesRepository } from './sequences/sequences.repository';
import { SequencesService } from './sequences/sequences.service';
import { TriggersController } from './triggers/triggers.controller';
import { TriggersRepository } from './triggers/triggers.repository';
import { TriggersService } from './triggers/triggers.service';

/** SMS automation: per-strategy sequences, per-SubAccount triggers, and the runner that sends what is due. */
@Module({
  imports: [SharedSmsModule, SmsModule, LeadsModule, StrategiesModule],
  controllers: [SequencesController, TriggersController],
  providers: [
    SequencesRepository,
    EnrollmentsRepository,
    TriggersRepository,
    EnrollmentService,
    SequencesService,
    TriggersService,
    LeadMessageSender,
    AutomationEventsService,
    AutomationRunner,
  ],
  exports: [AutomationRunner],
})
export class AutomationModule {}
