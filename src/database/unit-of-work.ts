import { Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';

interface Unit {
  manager: EntityManager;
  effects: (() => Promise<unknown>)[];
}

/**
 * One transaction for one user action (accept an offer, record a decision, move a stage with its effects).
 * Repositories read `manager`/`repository()` from here, so every write made while `run` is active joins its
 * transaction without passing the manager around; a nested `run` joins the outer one. Side effects (mail,
 * notices) are queued with `afterCommit` and happen only once the whole unit has committed.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);
  private readonly current = new AsyncLocalStorage<Unit>();
  /** SQLite (better-sqlite3) has one connection: units run one after another, or they would nest as savepoints. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** The active transaction's manager, or the data source's outside a unit of work. */
  get manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /**
   * Claims a versioned row for one save, only at the version the form saw: an atomic conditional update (it holds
   * the row until the unit of work ends); false when someone else saved since.
   */
  async claimVersion<T extends ObjectLiteral & { lockVersion: number }>(
    entity: EntityTarget<T>,
    id: number,
    seen: number,
  ): Promise<boolean> {
    const result = await this.repository(entity)
      .createQueryBuilder()
      .update()
      .set({ lockVersion: () => '"lockVersion" + 1' } as never)
      .where('id = :id AND "lockVersion" = :seen', { id, seen })
      .execute();
    return result.affected === 1;
  }

  get active(): boolean {
    return Boolean(this.current.getStore());
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer.manager);
    const effects: Unit['effects'] = [];
    const transaction = () =>
      this.dataSource.transaction((manager) => this.current.run({ manager, effects }, () => work(manager)));
    const result = await (this.dataSource.options.type === 'better-sqlite3'
      ? this.oneAtATime(transaction)
      : transaction());
    for (const effect of effects) {
      // The change is committed; a failed effect is logged and does not undo it.
      await effect().catch((error: unknown) =>
        this.logger.error({ message: 'After-commit effect failed', error: String(error) }),
      );
    }
    return result;
  }

  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(task, task);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Runs `effect` after the active unit commits (never if it rolls back), or now when no unit is active. */
  afterCommit(effect: () => Promise<unknown>): void {
    const unit = this.current.getStore();
    if (unit) unit.effects.push(effect);
    else void effect().catch((error: unknown) => this.logger.error({ message: 'Effect failed', error: String(error) }));
  }
}
