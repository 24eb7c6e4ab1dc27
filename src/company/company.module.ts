import { Global, Module } from '@nestjs/common';
import { CompanyService } from './company.service.js';

/** The company's profile and privacy notice, read by the careers site, candidates' mail and settings. */
@Global()
@Module({
  providers: [CompanyService],
  exports: [CompanyService],
})
export class CompanyModule {}
