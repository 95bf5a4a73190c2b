import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type CoreOptions } from 'src/core/core.module';
import { AuthModule } from 'src/main-app/modules/auth/auth.module';
import { AutomationModule } from 'src/main-app/modules/sms/automation/automation.module';
import { SmsModule } from 'src/main-app/modules/sms/sms.module';
import { HousekeepingModule } from 'src/main-app/modules/housekeeping/housekeeping.module';
import { NotificationsModule } from 'src/main-app/modules/notifications/notifications.module';
import { LeadsModule } from 'src/main-app/modules/leads/leads.module';
import { StrategiesModule } from 'src/main-app/modules/strategies/strategies.module';
import { SubAccountsModule } from 'src/main-app/modules/subaccounts/subaccounts.module';
import { UsersModule } from 'src/main-app/modules/users/users.module';

@Module({})
export class AppModule {
  static register(core: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(core),
        AuthModule,
        SubAccountsModule,
        UsersModule,
        StrategiesModule,
        LeadsModule,
        SmsModule,
        NotificationsModule,
        AutomationModule,
        HousekeepingModule,
      ],
    };
  }
}
