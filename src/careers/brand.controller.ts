import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/decorators.js';
import { notFound } from '../common/errors.js';
import { CompanyService, type LogoFile } from '../company/company.service.js';

/**
 * The company's logo at a stable public address, for the careers site, the portal and anyone's browser. An SVG opened
 * on its own runs nothing: it was sanitised when uploaded, and this policy forbids scripts and loads of any kind.
 */
export const LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

@Controller('brand')
@Public()
export class BrandController {
  constructor(private readonly company: CompanyService) {}

  @Get('logo')
  async logo(@Query('v') version: string | undefined, @Res({ passthrough: true }) res: Response) {
    const logo = await this.company.logo();
    if (!logo) throw notFound('The logo');
    res.set(logoHeaders(logo, version));
    return new StreamableFile(logo.data);
  }
}

function logoHeaders(logo: LogoFile, version: string | undefined): Record<string, string> {
  return {
    'Content-Type': logo.contentType,
    'Content-Security-Policy': LOGO_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `inline; filename="logo.${logo.kind}"`,
    // The versioned address never changes content; the bare one is checked again each time.
    'Cache-Control': version === String(logo.version) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}
