import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ClientAddress } from '../accounts/client-address.decorator.js';
import { FormView, Public } from '../common/decorators.js';
import { seeOther } from '../common/redirect.js';
import { UploadStateOf, type UploadState } from '../files/upload.js';
import { ApplyService } from './apply.service.js';
import { CareersErrorsFilter } from './careers-errors.filter.js';
import { CareersAfterPage, CareersListPage, CareersPositionPage, CareersPrivacyPage } from './careers.pages.js';
import { CareersQueryDto } from './dto/careers.dto.js';

/** The public careers site: open positions, each with its outcomes, plan and application form. No account needed. */
@Controller('careers')
@Public()
@UseFilters(new CareersErrorsFilter())
export class CareersController {
  constructor(
    private readonly applications: ApplyService,
    private readonly listPage: CareersListPage,
    private readonly positionPage: CareersPositionPage,
    private readonly afterPage: CareersAfterPage,
    private readonly privacyPage: CareersPrivacyPage,
  ) {}

  @Get()
  @Render('careers/index')
  index(@Query() query: CareersQueryDto) {
    return this.listPage.build(query);
  }

  @Get('privacy')
  @Render('careers/privacy')
  privacy() {
    return this.privacyPage.build();
  }

  /** The position's page at its canonical address; any other spelling of it is moved there for good (301). */
  @Get(':ref')
  async show(@Param('ref') ref: string, @Req() req: Request, @Res() res: Response) {
    const model = await this.positionPage.build({ user: undefined, id: 0, params: { ref } });
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    if (model.canonicalPath !== `/careers/${ref}`) return res.redirect(301, `${model.canonicalPath}${query}`);
    res.render(this.positionPage.view, model);
  }

  @Post(':ref')
  @FormView(CareersPositionPage)
  @Redirect()
  async apply(
    @Param('ref') ref: string,
    @Body() body: Record<string, unknown>,
    @UploadStateOf() resume: UploadState,
    @ClientAddress() address: string,
  ) {
    return seeOther(await this.applications.apply(ref, body, resume, address));
  }

  @Get(':ref/thank-you')
  @Render('careers/thank-you')
  thanks(@Param('ref') ref: string) {
    return this.afterPage.build(ref, 'Thank you for applying');
  }

  @Get(':ref/already-applied')
  @Render('careers/already-applied')
  alreadyApplied(@Param('ref') ref: string) {
    return this.afterPage.build(ref, 'You have already applied');
  }
}
