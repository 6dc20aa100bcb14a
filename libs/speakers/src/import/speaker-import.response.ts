import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { IMPORT_COLUMNS, ImportColumn } from './speaker-csv';
import type { SpeakerImportView } from './speaker-imports.service';

/** `POST /api/v1/events/{slug}/speakers/imports`: the CSV text (UTF-8, `,` or `;` separated, BOM tolerated). */
export class PreviewSpeakerImportDto {
  @IsString() @MaxLength(900_000) csv: string;
}

export class ImportedProfileResponse {
  @ApiProperty() name: string;
  @ApiProperty() title: string;
  @ApiProperty() organization: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @LocalizedTextProperty() bio: LocalizedText;
  @ApiProperty({ type: [String] }) languages: string[];
}

export class ImportRowProblemResponse {
  @ApiProperty({ enum: IMPORT_COLUMNS }) field: ImportColumn;
  @ApiProperty({ description: 'In the language of the request' }) message: string;
}

export class ImportDuplicateResponse {
  @ApiProperty({ enum: ['email', 'name'], description: 'Same email, or a name identical once case, accents and spaces are ignored' }) kind: 'email' | 'name';
  @ApiPropertyOptional({ format: 'uuid', description: 'The existing profile it repeats' }) speakerId?: string;
  @ApiPropertyOptional() speakerName?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'The earlier line of the file it repeats' }) line?: number;
}

export class ImportRowResponse {
  @IntegerProperty({ description: 'Line in the file; the header is line 1' }) line: number;
  @ApiProperty({ type: ImportedProfileResponse }) profile: ImportedProfileResponse;
  @ApiProperty({ type: [ImportRowProblemResponse] }) errors: ImportRowProblemResponse[];
  @ApiProperty({ type: ImportDuplicateResponse, nullable: true }) duplicate: ImportDuplicateResponse | null;
}

export class ImportCountsResponse {
  @IntegerProperty() rows: number;
  @IntegerProperty({ description: 'Rows a commit saves' }) valid: number;
  @IntegerProperty() errors: number;
  @IntegerProperty() duplicates: number;
}

export class SpeakerImportResponse {
  @UuidProperty() id: string;
  @ApiProperty({ enum: ['previewed', 'committed', 'cancelled', 'expired'] }) status: SpeakerImportView['status'];
  @DateTimeProperty({ description: 'Until when the preview can be committed' }) expiresAt: string;
  @ApiProperty({ type: ImportCountsResponse }) counts: ImportCountsResponse;
  @IntegerProperty({ nullable: true, description: 'Profiles the commit created' }) created: number | null;
  @ApiProperty({ type: [ImportRowResponse] }) rows: ImportRowResponse[];
}

export function toSpeakerImportResponse(v: SpeakerImportView, locale: 'fr' | 'en'): SpeakerImportResponse {
  return {
    id: v.id,
    status: v.status,
    expiresAt: v.expiresAt.toISOString(),
    counts: v.counts,
    created: v.created,
    rows: v.rows.map((r) => ({
      line: r.line,
      profile: r.profile,
      errors: r.errors.map((e) => ({ field: e.field, message: locale === 'en' ? e.message.en || e.message.fr : e.message.fr })),
      duplicate: r.duplicate,
    })),
  };
}
