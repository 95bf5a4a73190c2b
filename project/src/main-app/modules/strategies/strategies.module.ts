import { Module } from '@nestjs/common';
import { StrategiesController } from './strategies.controller';
import { StrategiesRepository } from './strategies.repository';
import { StrategiesService } from './strategies.service';

@Module({
  controllers: [StrategiesController],
  providers: [StrategiesService, StrategiesRepository],
  exports: [StrategiesRepository],
})
export class StrategiesModule {}
