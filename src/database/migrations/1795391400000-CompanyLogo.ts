import { TableColumn, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';

const FOREIGN_KEY = 'FK_company_settings_logoFileId';

/** The company's logo (issue 14): a stored file the careers site, the portal, candidates' mail and PDFs show. */
export class CompanyLogo1795391400000 implements MigrationInterface {
  name = 'CompanyLogo1795391400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'company_settings',
      new TableColumn({ name: 'logoFileId', type: 'integer', isNullable: true }),
    );
    await queryRunner.createForeignKey(
      'company_settings',
      new TableForeignKey({
        name: FOREIGN_KEY,
        columnNames: ['logoFileId'],
        referencedTableName: 'stored_files',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('company_settings', FOREIGN_KEY);
    await queryRunner.dropColumn('company_settings', 'logoFileId');
  }
}
