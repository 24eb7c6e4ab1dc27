import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditActorInterceptor } from './audit-context.js';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

/**
 * The audit trail (issue 15): infrastructure every step records into. The entity subscriber that records changes
 * is registered with the data source (database/data-source-options.ts), so every write through TypeORM is seen,
 * the app's, the demo's and the tests' alike; this module sets the actor per request and serves the admin page.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, { provide: APP_INTERCEPTOR, useClass: AuditActorInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
