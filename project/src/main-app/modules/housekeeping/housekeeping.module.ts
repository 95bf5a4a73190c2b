import { Module } from '@nestjs/common';
import { SharedSmsModule } from 'src/shared/sms/sms.module';
import { HousekeepingService } from './housekeeping.service';
import { TableUpkeepService } from './table-upkeep.service';

/** Periodic clean-up: rows that have served their purpose, and vacuum where the server's autovacuum is off. */
@Module({ imports: [SharedSmsModule], providers: [HousekeepingService, TableUpkeepService] })
export class HousekeepingModule {}
