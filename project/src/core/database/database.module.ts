import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DatabaseService } from './database.service';

/** The database is opened and migrated before the app is built (see app.factory) and closed by its owner. */
@Global()
@Module({})
export class DatabaseModule {
  static forService(database: DatabaseService): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DatabaseService, useValue: database }],
      exports: [DatabaseService],
    };
  }
}
