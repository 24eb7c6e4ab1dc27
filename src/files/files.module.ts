import { Module } from '@nestjs/common';
import { FilesRepository } from './files.repository.js';

/** Uploaded files (resumes, reports, decks), stored in the database. */
@Module({
  providers: [FilesRepository],
  exports: [FilesRepository],
})
export class FilesModule {}
