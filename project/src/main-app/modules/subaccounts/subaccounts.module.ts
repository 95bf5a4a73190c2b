import { Module } from '@nestjs/common';
import { SubAccountsController } from './subaccounts.controller';
import { SubAccountsRepository } from './subaccounts.repository';
import { SubAccountsService } from './subaccounts.service';

@Module({
  controllers: [SubAccountsController],
  providers: [SubAccountsService, SubAccountsRepository],
  exports: [SubAccountsRepository],
})
export class SubAccountsModule {}
