import { Module } from '@nestjs/common';
import { SharedSmsModule } from 'src/shared/sms/sms.module';
import { HousekeepingService } from './housekeeping.service';

/** Periodic clean-up of rows that have served their purpose. */
@Module({ imports: [SharedSmsModule], providers: [HousekeepingService] })
export class HousekeepingModule {}
