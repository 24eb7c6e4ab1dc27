import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });
const index = (table: string, column: string) =>
  new TableIndex({ name: `IDX_${table}_${column}`, columnNames: [column] });
const date = (name: string) => ({ name, type: 'varchar', length: '10' });

/** The onboarding template that ships: immersion first, connections early, customers soon. [title, category, owner, role label, day, description] */
const DEFAULT_TASKS: [string, string, string, string | null, number, string | null][] = [
  [
    'Laptop, accounts and building access ready',
    'logistics',
    'role',
    'IT',
    -7,
    'Email, CRM, calendar and the sales tools set up before day one.',
  ],
  [
    'Send the welcome mail with the first week’s schedule',
    'logistics',
    'manager',
    null,
    -5,
    'Who they will meet, where to be, what to read.',
  ],
  [
    'Brief the buddy',
    'logistics',
    'manager',
    null,
    -3,
    'What the new hire will learn first and which customers to take them to.',
  ],
  [
    'Walk through the first-year development plan together',
    'immersion',
    'manager',
    null,
    1,
    'The outcomes, the milestones, the weekly learning and how coaching works.',
  ],
  ['Set up email, CRM and calendar', 'systems', 'new-hire', null, 1, null],
  ['Lunch with the team', 'immersion', 'buddy', null, 2, null],
  [
    'Learn the sales process and the CRM stages',
    'systems',
    'new-hire',
    null,
    5,
    'Read the playbook; ask the buddy to show a real opportunity through every stage.',
  ],
  [
    'Seed the connections map',
    'immersion',
    'manager',
    null,
    7,
    'The people the new hire must know to get things done, and why.',
  ],
  ['Shadow three customer calls', 'customers', 'buddy', null, 10, null],
  ['Half a day with customer support', 'immersion', 'new-hire', null, 14, 'Hear what customers call about.'],
  ['Visit a customer with an account manager', 'customers', 'buddy', null, 21, null],
  ['First monthly check-in', 'immersion', 'manager', null, 30, 'Actuals against the plan, coaching, next steps.'],
  ['Present what you have learned about our customers', 'customers', 'new-hire', null, 45, null],
  ['Hand over the first accounts', 'customers', 'manager', null, 60, null],
  ['Ninety-day onboarding review', 'immersion', 'manager', null, 90, 'What worked, what to change in the template.'],
];

export class Hires1795388000000 implements MigrationInterface {
  name = 'Hires1795388000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'offers',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer' },
          date('offeredOn'),
          { name: 'terms', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          timestamp(queryRunner, 'respondedAt', { isNullable: true }),
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('applicationId', 'applications'), fk('createdById', 'users', 'RESTRICT')],
        indices: [index('offers', 'applicationId')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'hires',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer', isUnique: true },
          { name: 'positionId', type: 'integer' },
          { name: 'userId', type: 'integer' },
          { name: 'managerId', type: 'integer' },
          { name: 'buddyId', type: 'integer', isNullable: true },
          date('startDate'),
          { name: 'keeper', type: 'boolean', isNullable: true },
          timestamp(queryRunner, 'reviewedAt', { isNullable: true }),
          { name: 'reviewNotes', type: 'text', isNullable: true },
          createdAt(queryRunner),
        ],
        foreignKeys: [
          fk('applicationId', 'applications'),
          fk('positionId', 'positions', 'RESTRICT'),
          fk('userId', 'users', 'RESTRICT'),
          fk('managerId', 'users', 'RESTRICT'),
          fk('buddyId', 'users', 'SET NULL'),
        ],
        indices: [index('hires', 'userId'), index('hires', 'managerId')],
      }),
    );
    const taskColumns = [
      { name: 'sortOrder', type: 'integer' },
      { name: 'title', type: 'varchar', length: '160' },
      { name: 'description', type: 'text', isNullable: true },
      { name: 'category', type: 'varchar', length: '16' },
      { name: 'ownerKind', type: 'varchar', length: '16' },
      { name: 'ownerLabel', type: 'varchar', length: '80', isNullable: true },
      { name: 'dueDay', type: 'integer' },
    ];
    await queryRunner.createTable(
      new Table({
        name: 'onboarding_tasks',
        columns: [
          id(),
          { name: 'hireId', type: 'integer' },
          ...taskColumns,
          { name: 'ownerId', type: 'integer', isNullable: true },
          date('dueOn'),
          timestamp(queryRunner, 'doneAt', { isNullable: true }),
          { name: 'doneById', type: 'integer', isNullable: true },
        ],
        foreignKeys: [fk('hireId', 'hires'), fk('ownerId', 'users', 'SET NULL'), fk('doneById', 'users', 'SET NULL')],
        indices: [index('onboarding_tasks', 'hireId'), index('onboarding_tasks', 'ownerId')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'connections',
        columns: [
          id(),
          { name: 'hireId', type: 'integer' },
          { name: 'userId', type: 'integer', isNullable: true },
          { name: 'name', type: 'varchar', length: '120', isNullable: true },
          { name: 'role', type: 'varchar', length: '120', isNullable: true },
          { name: 'why', type: 'varchar', length: '500' },
          { name: 'targetWeek', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'addedById', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('hireId', 'hires'), fk('userId', 'users', 'SET NULL'), fk('addedById', 'users', 'RESTRICT')],
        indices: [index('connections', 'hireId')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'onboarding_templates',
        columns: [
          id(),
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'isDefault', type: 'boolean', default: false },
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'onboarding_template_tasks',
        columns: [id(), { name: 'templateId', type: 'integer' }, ...taskColumns],
        foreignKeys: [fk('templateId', 'onboarding_templates')],
        indices: [index('onboarding_template_tasks', 'templateId')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'hire_goals',
        columns: [
          id(),
          { name: 'hireId', type: 'integer' },
          { name: 'outcomeId', type: 'integer', isNullable: true },
          { name: 'sortOrder', type: 'integer' },
          { name: 'label', type: 'varchar', length: '200' },
          { name: 'sentence', type: 'text' },
          { name: 'kind', type: 'varchar', length: '8' },
          { name: 'target', type: 'float' },
          { name: 'unit', type: 'varchar', length: '60', isNullable: true },
          { name: 'deadlineKind', type: 'varchar', length: '16', isNullable: true },
          { name: 'deadlineN', type: 'integer', isNullable: true },
          date('deadlineOn'),
          { name: 'weight', type: 'integer', isNullable: true },
          { name: 'result', type: 'varchar', length: '8', isNullable: true },
        ],
        foreignKeys: [fk('hireId', 'hires'), fk('outcomeId', 'outcomes', 'SET NULL')],
        indices: [index('hire_goals', 'hireId')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'hire_milestones',
        columns: [
          id(),
          { name: 'hireId', type: 'integer' },
          { name: 'sortOrder', type: 'integer' },
          { name: 'phase', type: 'varchar', length: '80' },
          { name: 'description', type: 'varchar', length: '300' },
          { name: 'monthOffset', type: 'integer' },
          date('dueOn'),
          { name: 'goalId', type: 'integer', isNullable: true },
          { name: 'interimTargetPercent', type: 'integer', isNullable: true },
        ],
        foreignKeys: [fk('hireId', 'hires'), fk('goalId', 'hire_goals', 'SET NULL')],
        indices: [index('hire_milestones', 'hireId')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'check_ins',
        columns: [
          id(),
          { name: 'hireId', type: 'integer' },
          date('heldOn'),
          { name: 'actuals', type: 'text' },
          { name: 'coachingNotes', type: 'text', isNullable: true },
          { name: 'nextSteps', type: 'text', isNullable: true },
          { name: 'newHireView', type: 'text', isNullable: true },
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('hireId', 'hires'), fk('createdById', 'users', 'RESTRICT')],
        indices: [index('check_ins', 'hireId')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'learning_entries',
        columns: [
          id(),
          { name: 'hireId', type: 'integer' },
          date('weekOf'),
          { name: 'area', type: 'varchar', length: '80' },
          { name: 'what', type: 'text' },
          { name: 'minutes', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('hireId', 'hires')],
        indices: [index('learning_entries', 'hireId')],
      }),
    );

    const isPostgres = queryRunner.connection.options.type === 'postgres';
    const [template] = (await queryRunner.query(
      `INSERT INTO onboarding_templates (name, "isDefault") VALUES ('Standard onboarding', ${isPostgres ? 'true' : '1'}) ${isPostgres ? 'RETURNING id' : 'RETURNING id'}`,
    )) as { id: number }[];
    for (const [index, [title, category, ownerKind, ownerLabel, dueDay, description]] of DEFAULT_TASKS.entries()) {
      await queryRunner.query(
        `INSERT INTO onboarding_template_tasks ("templateId", "sortOrder", title, description, category, "ownerKind", "ownerLabel", "dueDay") VALUES (${isPostgres ? '$1, $2, $3, $4, $5, $6, $7, $8' : '?, ?, ?, ?, ?, ?, ?, ?'})`,
        [template.id, index, title, description, category, ownerKind, ownerLabel, dueDay],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'learning_entries',
      'check_ins',
      'hire_milestones',
      'hire_goals',
      'onboarding_template_tasks',
      'onboarding_templates',
      'connections',
      'onboarding_tasks',
      'hires',
      'offers',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
