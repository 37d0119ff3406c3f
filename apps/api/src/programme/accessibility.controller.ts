import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, type AccessibilityStatement } from '@podium/contracts';
import { AUTOMATED_ACCESSIBILITY_CHECKS } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { AccessibilityDto } from './dto/accessibility.dto';
import { AccessibilityRepository } from './accessibility-repository';
import { ProgrammeStore } from './programme-store';

/** 2026-02-30 matches the pattern but is no day: refused here, not by PostgreSQL as a 500. */
function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

const FIELDS = ['dgsVideoUrl', 'easyLanguage', 'contact', 'feedback', 'statementDate', 'limitations'] as const;


/** The start page slots (DGS video, Leichte Sprache) and the accessibility statement of a conference. */
@ApiTags('programme')
@Controller('api/conferences/:slug/accessibility')
export class AccessibilityController {
  constructor(
    private readonly repository: AccessibilityRepository,
    private readonly store: ProgrammeStore,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Start page slots and the accessibility statement: what organisers entered and the automated checks the project runs' })
  async get(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<AccessibilityStatement> {
    const conference = await this.store.visibleConference(slug, access);
    const row = await this.repository.find(conference.id);
    return {
      conferenceTitle: conference.title,
      dgsVideoUrl: row?.dgs_video_url ?? null,
      easyLanguage: row?.easy_language ?? null,
      contact: row?.contact ?? null,
      feedback: row?.feedback ?? null,
      statementDate: row?.statement_date ?? null,
      limitations: row?.limitations ?? null,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      checks: [...AUTOMATED_ACCESSIBILITY_CHECKS],
    };
  }

  @Put()
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Replace the start page slots and the statement fields (a field left out or null is cleared)' })
  async put(@Param('slug') slug: string, @Body() body: AccessibilityDto, @CurrentAccess() access: AccessContext): Promise<AccessibilityStatement> {
    const conference = await this.store.visibleConference(slug, access);
    const values = FIELDS.map((f) => {
      const v = body[f];
      return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
    });
    if (values[4] !== null && !isRealDate(values[4])) throw new DomainError('VALIDATION', 'statementDate must be a real date', { field: 'statementDate' });
    await this.repository.save(conference.id, values);
    return this.get(slug, access);
  }
}
