import { Body, Controller, Get, Post, Redirect, Render, Req } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import type { Request } from 'express';
import { FormView, Roles } from '../common/decorators.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { TemplateTaskDto } from './dto/hires.dto.js';
import { OWNER_KINDS, TASK_CATEGORIES, TASK_CATEGORY_LABELS } from './entities/hire.entity.js';
import { OnboardingService } from './onboarding.service.js';

class TemplateDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TemplateTaskDto)
  tasks: TemplateTaskDto[] = [];
}

const OWNER_LABELS = {
  'new-hire': 'The new hire',
  manager: 'The manager',
  buddy: 'The buddy',
  role: 'A role (name it)',
} as const;

/** Admins keep the onboarding template every new hire's plan starts from. */
@Controller('admin/onboarding-template')
@Roles('admin')
export class OnboardingTemplateController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get()
  @Render('hires/template')
  show() {
    return this.templateModel();
  }

  @Post()
  @FormView('hires/template', 'templateModel')
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

  async templateModel() {
    const template = await this.onboarding.template();
    const rows = [
      ...template.tasks.map((task) => ({ ...task })),
      { title: '', description: '', category: 'immersion', ownerKind: 'new-hire', ownerLabel: '', dueDay: '' },
    ];
    return {
      title: 'Onboarding template',
      name: template.name,
      rows: rows.map((row, index) => ({
        index,
        ...row,
        blank: !row.title,
        categories: TASK_CATEGORIES.map((value) => ({
          value,
          label: TASK_CATEGORY_LABELS[value],
          selected: value === row.category,
        })),
        ownerKinds: OWNER_KINDS.map((value) => ({
          value,
          label: OWNER_LABELS[value],
          selected: value === row.ownerKind,
        })),
      })),
    };
  }
}
