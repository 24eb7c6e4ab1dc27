import { Global, Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { CompanyService } from './company.service.js';

/** The company's profile and privacy notice, and its logo, read by the careers site, the portal, candidates' mail, PDFs and settings. */
@Global()
@Module({
  imports: [FilesModule],
  providers: [CompanyService],
  exports: [CompanyService],
})
export class CompanyModule {}
