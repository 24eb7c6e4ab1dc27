import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An uploaded file, kept in the database so every app process sees it. The bytes live in the
 * `data` column (blob on SQLite, bytea on PostgreSQL), read and written only by FilesRepository.
 */
@Entity('stored_files')
export class StoredFile {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Null for a file a candidate uploaded on the careers site. */
  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
