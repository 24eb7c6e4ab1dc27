import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { createHash } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { StoredFile } from './stored-file.entity.js';

/** Files in the database. The bytes go through plain SQL because the column type differs per database. */
@Injectable()
export class FilesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async save(
    fields: Pick<StoredFile, 'fileName' | 'contentType' | 'createdById'>,
    data: Buffer,
    manager: EntityManager = this.uow.manager,
  ): Promise<StoredFile> {
    const file = await manager
      .getRepository(StoredFile)
      .save(
        manager
          .getRepository(StoredFile)
          .create({ ...fields, size: data.length, sha256: createHash('sha256').update(data).digest('hex') }),
      );
    await manager.query(`UPDATE stored_files SET data = ${this.param(1)} WHERE id = ${this.param(2)}`, [data, file.id]);
    return file;
  }

  findById(id: number): Promise<StoredFile | null> {
    return this.uow.manager.getRepository(StoredFile).findOneBy({ id });
  }

  async readData(id: number): Promise<Buffer | null> {
    const rows = (await this.uow.manager.query(`SELECT data FROM stored_files WHERE id = ${this.param(1)}`, [id])) as {
      data: Buffer | null;
    }[];
    return rows[0]?.data ? Buffer.from(rows[0].data) : null;
  }

  async remove(id: number, manager: EntityManager = this.uow.manager): Promise<void> {
    await manager.getRepository(StoredFile).delete({ id });
  }

  private param(n: number): string {
    return this.uow.manager.connection.options.type === 'postgres' ? `$${n}` : '?';
  }
}
