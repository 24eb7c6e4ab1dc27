import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { PositionsService } from '../positions/positions.service.js';
import { positionSummary } from '../positions/positions.view.js';
import { mapApplicationRow, SOURCE_CHOICES } from './candidates.view.js';
import type { ApplicationsQueryDto } from './dto/candidate.dto.js';
import { STAGE_LABELS, STAGES, type Stage } from './entities/application.entity.js';
import { BOARD_COLUMN_SIZE, PipelineService } from './pipeline.service.js';

const STAGE_CHOICES = STAGES.map((value) => ({ value, label: STAGE_LABELS[value] }));

/** A position's board: columns by stage with counts, each card with the marks later steps contribute. */
@Injectable()
export class BoardPage implements FormPage {
  readonly view = 'applications/board';

  constructor(
    private readonly pipeline: PipelineService,
    private readonly positions: PositionsService,
  ) {}

  async build({ id }: PageRequest) {
    const position = await this.positions.findOrFail(id);
    const board = await this.pipeline.board(id);
    return {
      title: `Board · ${position.title}`,
      position: positionSummary(position),
      columns: board.columns.map((column) => ({
        stage: column.stage,
        label: STAGE_LABELS[column.stage],
        count: column.count,
        cards: column.applications.map((application) => ({
          ...mapApplicationRow(application),
          marks: board.marks.get(application.id) ?? [],
        })),
        more: column.count > BOARD_COLUMN_SIZE ? column.count - BOARD_COLUMN_SIZE : 0,
      })),
      closed: board.closed,
      empty: board.columns.every((column) => column.count === 0) && board.closed === 0,
    };
  }
}

/** A position's applications as a filtered, paginated list with bulk rejection. */
@Injectable()
export class ApplicationListPage implements FormPage {
  readonly view = 'applications/index';

  constructor(
    private readonly pipeline: PipelineService,
    private readonly positions: PositionsService,
  ) {}

  async build({ id, query = {} }: PageRequest) {
    const { q, stage, source, page } = query as ApplicationsQueryDto;
    const position = await this.positions.findOrFail(id);
    const filter = {
      search: q || undefined,
      stage: (stage || undefined) as Stage | undefined,
      source: source || undefined,
    };
    const request = pageRequest(page);
    const [[applications, total], reasons] = await Promise.all([
      this.pipeline.list(id, filter, request),
      this.pipeline.reasons(),
    ]);
    return {
      title: `Applications · ${position.title}`,
      position: positionSummary(position),
      applications: applications.map(mapApplicationRow),
      filter: { q: q ?? '', stage: stage ?? '', source: source ?? '' },
      stages: STAGE_CHOICES,
      sources: SOURCE_CHOICES,
      reasons: reasons.map((reason) => ({ value: String(reason.id), label: reason.label })),
      filtered: Boolean(filter.search || filter.stage || filter.source),
      pagination: pageView(request, total, `/positions/${id}/applications`, filter),
    };
  }
}
