import { Body, Controller, Get, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { TemplateDto } from './dto/hires.dto.js';
import { OnboardingTemplatePage } from './onboarding-template.page.js';
import { OnboardingService } from './onboarding.service.js';

/** Admins keep the onboarding template every new hire's plan starts from. */
@Controller('admin/onboarding-template')
@Roles('admin')
export class OnboardingTemplateController {
  constructor(
    private readonly onboarding: OnboardingService,
    private readonly page: OnboardingTemplatePage,
  ) {}

  @Get()
  @Render('hires/template')
  show() {
    return this.page.build();
  }

  @Post()
  @FormView(OnboardingTemplatePage)
  @Redirect()
  async save(@Body() dto: TemplateDto, @Req() req: Request) {
    await this.onboarding.saveTemplate(dto.tasks);
    flash(
      req,
      'success',
      'Onboarding template saved. New hires from now on get these tasks; existing plans keep theirs.',
    );
    return seeOther('/admin/onboarding-template');
  }
}
