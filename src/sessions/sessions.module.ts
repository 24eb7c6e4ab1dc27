import { Global, Module, type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { TypeOrmSessionStore } from './typeorm-session.store.js';

@Global()
@Module({
  providers: [
    {
      provide: TypeOrmSessionStore,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new TypeOrmSessionStore(dataSource),
    },
  ],
  exports: [TypeOrmSessionStore],
})
export class SessionsModule implements OnModuleDestroy {
  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleDestroy(): void {
    this.moduleRef.get(TypeOrmSessionStore).close();
  }
}
